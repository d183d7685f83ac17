// A loopback HTTP server (plain node:http, port 0) that answers an LLM endpoint with a scripted
// sequence of replies, recording every request it gets. Each provider module supplies its wire
// format (path, auth check, reply and error bodies); the script is the same for all three.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplyUsage {
  inputTokens: number;
  outputTokens: number;
}

/** One scripted answer. */
export type LlmStep =
  /** 200 with the model's message content set to JSON.stringify(json). */
  | { kind: 'ok'; json: unknown; usage?: ReplyUsage }
  /** 200 with the model's message content set to this raw text (malformed JSON, fenced JSON…). */
  | { kind: 'text'; text: string; usage?: ReplyUsage }
  /** An HTTP error in the provider's error format; `retryAfter` is sent as the Retry-After header. */
  | { kind: 'error'; status: number; retryAfter?: string; retryAfterBodySeconds?: number }
  /** Never answers; the connection stays open until the server closes. */
  | { kind: 'hang' };

export const llmStep = {
  ok: (json: unknown, usage?: ReplyUsage): LlmStep => ({ kind: 'ok', json, ...(usage ? { usage } : {}) }),
  text: (text: string): LlmStep => ({ kind: 'text', text }),
  rateLimited: (retryAfter?: string): LlmStep => ({ kind: 'error', status: 429, ...(retryAfter ? { retryAfter } : {}) }),
  serverError: (status = 500): LlmStep => ({ kind: 'error', status }),
  hang: (): LlmStep => ({ kind: 'hang' }),
};

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (undefined when it was not JSON). */
  body: unknown;
  rawBody: string;
}

export interface WireFormat {
  /** Whether this method and path is the provider's structured-output endpoint. */
  matches(method: string, path: string): boolean;
  /** Undefined when the credentials are fine, otherwise the error to answer with. */
  authFailure(headers: IncomingHttpHeaders, apiKey: string | undefined): { status: number; body: unknown } | undefined;
  okBody(content: string, usage: ReplyUsage, requestBody: unknown): unknown;
  errorBody(status: number, step: Extract<LlmStep, { kind: 'error' }>): unknown;
}

export interface ScriptedLlmServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Queues replies; each request takes the next one. */
  script(...steps: LlmStep[]): void;
  close(): Promise<void>;
}

const DEFAULT_USAGE: ReplyUsage = { inputTokens: 321, outputTokens: 123 };

export async function startScriptedLlmServer(format: WireFormat, options: { apiKey?: string } = {}): Promise<ScriptedLlmServer> {
  const steps: LlmStep[] = [];
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      requests.push({ method, path, headers: req.headers, body, rawBody });

      if (!format.matches(method, path)) return sendJson(res, 404, { error: `no route ${method} ${path}` });
      const denied = format.authFailure(req.headers, options.apiKey);
      if (denied) return sendJson(res, denied.status, denied.body);
      const step = steps.shift();
      if (!step) return sendJson(res, 418, format.errorBody(418, { kind: 'error', status: 418 }));
      switch (step.kind) {
        case 'ok':
          return sendJson(res, 200, format.okBody(JSON.stringify(step.json), step.usage ?? DEFAULT_USAGE, body));
        case 'text':
          return sendJson(res, 200, format.okBody(step.text, step.usage ?? DEFAULT_USAGE, body));
        case 'error':
          return sendJson(
            res,
            step.status,
            format.errorBody(step.status, step),
            step.retryAfter === undefined ? {} : { 'retry-after': step.retryAfter },
          );
        case 'hang':
          return;
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...more) => {
      steps.push(...more);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

// Ollama through the official `ollama` client: POST /api/chat with `format` set to the JSON schema and
// `stream: false`. The default host is the local daemon, so no résumé leaves the machine.
import { Ollama, type ChatResponse } from 'ollama';
import { systemClock } from '../../../clock.js';
import { startAttempt } from './attempt-signal.js';
import { isConnectFailure } from './connect-failure.js';
import {
  DEFAULT_BASE_URLS,
  DEFAULT_MODELS,
  ProviderError,
  kindForStatus,
  type LlmProvider,
  type ProviderOptions,
  type ProviderReply,
  type StructuredRequest,
} from './provider.js';
import { parseRetryAfter } from './retry-after.js';

export function createOllamaProvider(options: ProviderOptions): LlmProvider {
  const model = options.model ?? DEFAULT_MODELS.ollama;
  const clock = options.clock ?? systemClock;
  const host = options.baseUrl ?? DEFAULT_BASE_URLS.ollama;
  const headers = options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : undefined;

  return {
    name: 'ollama',
    model,
    async complete(request: StructuredRequest, callOptions = {}): Promise<ProviderReply> {
      const attempt = startAttempt(options.timeoutMs, callOptions.signal);
      let retryAfterHeader: string | null = null;
      // The client takes no per-request signal for non-streamed calls, so a client per request
      // carries it in through `fetch` (and reads Retry-After, which ResponseError drops).
      const client = new Ollama({
        host,
        ...(headers ? { headers } : {}),
        fetch: async (input, init) => {
          const response = await fetch(input, { ...init, signal: attempt.signal });
          retryAfterHeader = response.headers.get('retry-after');
          return response;
        },
      });
      let response: ChatResponse;
      try {
        response = await client.chat({
          model,
          stream: false,
          format: request.schema,
          options: { temperature: 0 },
          messages: [
            { role: 'system', content: request.system },
            { role: 'user', content: request.prompt },
          ],
        });
      } catch (error) {
        throw attempt.abortOutcome('ollama') ?? toProviderError(error, retryAfterHeader, clock.now());
      }
      return {
        text: response.message.content,
        model: response.model || model,
        usage: { inputTokens: response.prompt_eval_count ?? 0, outputTokens: response.eval_count ?? 0 },
      };
    },
  };
}

function toProviderError(error: unknown, retryAfterHeader: string | null, now: number): ProviderError {
  const status = (error as { status_code?: unknown } | null)?.status_code;
  if (error instanceof Error && error.name === 'ResponseError' && typeof status === 'number') {
    const kind = kindForStatus(status);
    const retryAfterMs = kind === 'rate_limited' ? parseRetryAfter(retryAfterHeader, now) : undefined;
    return new ProviderError('ollama', kind, { status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }
  // The client lets fetch's TypeError('fetch failed') through: refused means no daemon running.
  if (isConnectFailure(error)) return new ProviderError('ollama', 'unreachable');
  // A reply cut off or unreadable.
  return new ProviderError('ollama', 'unavailable');
}

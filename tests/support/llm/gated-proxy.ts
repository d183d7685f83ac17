// A slow provider the test controls: a loopback proxy that holds every request until the test
// releases it, then forwards it to a scripted LLM server (which speaks the provider's wire format).
// Tests wait on `waitForHeld` (an event, not a timer) to know that work is in flight.
import { EventEmitter } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatedProxy {
  /** http://127.0.0.1:<port>, no trailing slash. */
  readonly url: string;
  /** Requests waiting to be released (a client that gave up is no longer counted). */
  readonly held: number;
  /** Resolves once at least `count` requests are held. */
  waitForHeld(count: number): Promise<void>;
  /** Forwards the `count` oldest held requests. */
  release(count?: number): void;
  /** Forwards what is held and, from now on, every request as it comes. */
  open(): void;
  close(): Promise<void>;
}

interface Held {
  req: IncomingMessage;
  body: Buffer;
  res: ServerResponse;
}

export async function startGatedProxy(target: string): Promise<GatedProxy> {
  const held: Held[] = [];
  const changes = new EventEmitter();
  let gateOpen = false;
  const targetUrl = new URL(target);

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry: Held = { req, body: Buffer.concat(chunks), res };
      if (gateOpen) {
        forward(entry);
        return;
      }
      held.push(entry);
      // A client that aborts (a cancelled analysis) is dropped from the queue.
      res.on('close', () => {
        const index = held.indexOf(entry);
        if (index >= 0) held.splice(index, 1);
      });
      changes.emit('change');
    });
  });

  const forward = ({ req, body, res }: Held) => {
    const upstream = httpRequest(
      { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: { ...req.headers, host: targetUrl.host } },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get held() {
      return held.length;
    },
    waitForHeld: (count) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (held.length < count) return;
          changes.off('change', check);
          resolve();
        };
        changes.on('change', check);
        check();
      }),
    release(count = 1) {
      for (const entry of held.splice(0, count)) forward(entry);
    },
    open() {
      gateOpen = true;
      for (const entry of held.splice(0)) forward(entry);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

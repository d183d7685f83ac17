// The event-stream reader against a real loopback HTTP server speaking text/event-stream: the token
// goes in the Authorization header, subscribers get parsed events, and a dropped stream reconnects
// with Last-Event-ID after the backoff.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventStream, type StreamState } from '../../../src/shared/api/event-stream.js';
import { createTestApi } from '../../support/api-harness.js';

interface Loopback {
  origin: string;
  requests: IncomingHttpHeaders[];
  server: Server;
}

async function startLoopback(handle: (attempt: number, res: ServerResponse, headers: IncomingHttpHeaders) => void): Promise<Loopback> {
  const requests: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    requests.push(req.headers);
    if (req.url !== '/api/v1/events') {
      res.writeHead(404).end();
      return;
    }
    handle(requests.length, res, req.headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

function waitFor<T>(register: (resolve: (value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve) => register(resolve));
}

describe('the event stream', () => {
  it('sends the bearer token, delivers parsed events to subscribers of their type and to "*"', async () => {
    const loopback = await startLoopback((_attempt, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': hello\n\nevent: task.changed\nid: 1\ndata: {"id":"t1","status":"running"}\n\n');
    });
    servers.push(loopback.server);
    const stream = createEventStream({ baseUrl: loopback.origin, getToken: () => 'secret-token' });
    const all: string[] = [];
    stream.subscribe('*', (_data, message) => all.push(message.event));
    const received = waitFor<unknown>((resolve) => stream.subscribe('task.changed', resolve));
    stream.start();
    expect(await received).toEqual({ id: 't1', status: 'running' });
    expect(all).toEqual(['task.changed']);
    expect(loopback.requests[0]?.authorization).toBe('Bearer secret-token');
    expect(loopback.requests[0]?.accept).toBe('text/event-stream');
    stream.stop();
    expect(stream.state).toBe('closed');
  });

  it('reconnects after the stream drops, waiting the backoff and sending Last-Event-ID', async () => {
    const loopback = await startLoopback((attempt, res) => {
      if (attempt === 2) {
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`id: ${attempt}\nevent: tick\ndata: ${attempt}\n\n`);
    });
    servers.push(loopback.server);
    const delays: number[] = [];
    const stream = createEventStream({
      baseUrl: loopback.origin,
      getToken: () => 'token',
      initialDelayMs: 100,
      maxDelayMs: 150,
      wait: async (ms) => {
        delays.push(ms);
      },
    });
    const ticks: unknown[] = [];
    const twoTicks = waitFor<void>((resolve) =>
      // 'tick' is no event of the core's, so it is read through '*' (a named subscriber takes known names only).
      stream.subscribe('*', (data, message) => {
        if (message.event !== 'tick') return;
        ticks.push(data);
        if (ticks.length === 2) resolve();
      }),
    );
    stream.start();
    await twoTicks;
    stream.stop();
    expect(ticks).toEqual([1, 3]);
    // ended → initial delay; refused (503) → doubled, capped at the maximum.
    expect(delays.slice(0, 2)).toEqual([100, 150]);
    expect(loopback.requests[0]?.['last-event-id']).toBeUndefined();
    expect(loopback.requests[2]?.['last-event-id']).toBe('1');
  });

  it('stops and reports "unauthorized" when the token is refused, without retrying', async () => {
    const loopback = await startLoopback((_attempt, res) => {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"code":"UNAUTHORIZED","message":"no"}}');
    });
    servers.push(loopback.server);
    const states: StreamState[] = [];
    const unauthorized = waitFor<void>((resolve) => {
      const stream = createEventStream({
        baseUrl: loopback.origin,
        getToken: () => 'expired',
        onStateChange: (state) => {
          states.push(state);
          if (state === 'unauthorized') resolve();
        },
      });
      stream.start();
    });
    await unauthorized;
    expect(states).toEqual(['connecting', 'unauthorized']);
    expect(loopback.requests).toHaveLength(1);
  });
});

describe('the event stream against the core', () => {
  it('receives the core’s task events over GET /api/v1/events with a real access token', async () => {
    const api = await createTestApi();
    const states: StreamState[] = [];
    let onOpen: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => {
      onOpen = resolve;
    });
    try {
      const origin = await api.app.listen({ host: '127.0.0.1', port: 0 });
      const { token } = await api.signIn('recruiter');
      const stream = createEventStream({
        baseUrl: origin,
        getToken: () => token,
        onStateChange: (state) => {
          states.push(state);
          if (state === 'open') onOpen();
        },
      });
      const received = waitFor<unknown>((resolve) => stream.subscribe('task.changed', resolve));
      stream.start();
      await opened;
      api.events.emit('task.changed', { id: 't-1', type: 'resume.parse', status: 'running' });
      expect(await received).toEqual({ id: 't-1', type: 'resume.parse', status: 'running' });
      stream.stop();
      expect(states).toEqual(['connecting', 'open', 'closed']);
    } finally {
      await api.close();
    }
  });
});

// A client that stops reading must not make the event stream's memory grow without bound: while
// its socket is not draining, task progress is coalesced per task and other events are kept up to
// a limit, past which they are dropped and counted. Real sockets: a node:http server and a client
// that pauses its response, so the server sees real backpressure.
import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppEventBus, type AppEventBus } from '../../../src/main/core/app-events.js';
import { FakeClock } from '../../../src/main/core/clock.js';
import { createEventStreams, OVERFLOW_EVENT, type EventStreams } from '../../../src/main/core/features/events/event-stream.js';
import { silentLog } from '../../../src/main/core/log.js';
import { parseSseText } from '../../support/sse-client.js';

interface Setup {
  events: AppEventBus;
  streams: EventStreams;
  server: Server;
  /** The server side of the one stream, and the paused client response. */
  response: ServerResponse;
  client: IncomingMessage;
}

let setup: Setup | undefined;
afterEach(async () => {
  if (!setup) return;
  setup.streams.closeAll();
  setup.client.destroy();
  await new Promise<void>((resolve) => setup?.server.close(() => resolve()));
  setup = undefined;
});

async function pausedStream(maxPending: number): Promise<Setup> {
  const events = createAppEventBus();
  const streams = createEventStreams({ events, clock: new FakeClock(), log: silentLog, maxPending });
  let serverSide!: (response: ServerResponse) => void;
  const opened = new Promise<ServerResponse>((resolve) => (serverSide = resolve));
  const server = createServer((_request, response) => {
    streams.open(response, ['task.changed', 'task.progress']);
    serverSide(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = await new Promise<IncomingMessage>((resolve) => get(`http://127.0.0.1:${port}/`, resolve));
  client.pause();
  setup = { events, streams, server, response: await opened, client };
  return setup;
}

/** Emits progress of one task until the socket stops draining; returns how many were emitted. */
function fillSocket({ events, response }: Setup): number {
  const filler = 'x'.repeat(400);
  let done = 0;
  while (!response.writableNeedDrain) {
    done++;
    if (done > 1_000_000) throw new Error('the socket never applied backpressure');
    events.emit('task.progress', { id: 'big', type: 'demo', done, total: 1_000_000, message: filler });
  }
  return done;
}

/** Resumes the client and reads until `until` appears in the body. */
function readUntil(client: IncomingMessage, until: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    client.setEncoding('utf8');
    client.on('data', (chunk: string) => {
      body += chunk;
      if (body.includes(until)) resolve(body);
    });
    client.on('end', () => reject(new Error(`the stream ended before ${until}`)));
    client.resume();
  });
}

describe('the event stream with a slow client', () => {
  it('coalesces task progress per task while the socket is not draining, keeping the latest', async () => {
    const s = await pausedStream(1_000);
    const written = fillSocket(s);
    const more = 20_000;
    for (let i = 1; i <= more; i++) {
      s.events.emit('task.progress', { id: 'big', type: 'demo', done: written + i, total: 1_000_000 });
      s.events.emit('task.progress', { id: 'small', type: 'demo', done: i, total: more });
    }
    s.events.emit('task.changed', { id: 'big', type: 'demo', status: 'succeeded' });

    const body = await readUntil(s.client, '"status":"succeeded"');
    const { messages } = parseSseText(body);
    const progress = messages.filter((m) => m.event === 'task.progress').map((m) => JSON.parse(m.data) as { id: string; done: number });
    const big = progress.filter((p) => p.id === 'big');
    const small = progress.filter((p) => p.id === 'small');
    // Everything written before backpressure arrives, then the buffered updates collapse to the latest.
    expect(big.at(-1)?.done).toBe(written + more);
    expect(small.at(-1)?.done).toBe(more);
    expect(big.length).toBeLessThan(written + more);
    expect(small.length).toBeLessThan(more);
    expect(messages.at(-1)?.event).toBe('task.changed');
    // Ids stay increasing over what was actually sent.
    const ids = messages.filter((m) => m.id !== undefined).map((m) => Number(m.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('drops events past the buffer limit and then says how many were dropped', async () => {
    const s = await pausedStream(3);
    fillSocket(s);
    for (let i = 1; i <= 10; i++) s.events.emit('task.changed', { id: `t${i}`, type: 'demo', status: 'queued' });

    const body = await readUntil(s.client, '"dropped":7}');
    const { messages } = parseSseText(`${body}\n\n`);
    const changed = messages.filter((m) => m.event === 'task.changed').map((m) => (JSON.parse(m.data) as { id: string }).id);
    expect(changed).toEqual(['t1', 't2', 't3']);
    const overflow = messages.find((m) => m.event === OVERFLOW_EVENT);
    expect(JSON.parse(overflow?.data ?? '{}')).toEqual({ dropped: 7 });
  });

  it('stops listening to the bus when the client goes away', async () => {
    const s = await pausedStream(10);
    expect(s.streams.openCount).toBe(1);
    const gone = new Promise<void>((resolve) => s.response.on('close', () => resolve()));
    s.client.destroy();
    await gone;
    expect(s.streams.openCount).toBe(0);
  });
});

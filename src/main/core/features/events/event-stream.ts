// Server-Sent Events of the app's event bus to the renderer. One stream per open connection: it
// subscribes to the chosen events, writes each as an SSE message, sends a heartbeat comment so
// clients and proxies see liveness, and keeps what a slow client has not read yet in a bounded
// buffer (task progress coalesced per task, the rest dropped past the limit with a count).
import type { ServerResponse } from 'node:http';
import { APP_EVENT_NAMES, type AppEventBus, type AppEventName } from '../../app-events.js';
import type { Clock } from '../../clock.js';
import { ValidationError } from '../../errors.js';
import type { Log } from '../../log.js';

/** Sent once a slow client's buffer overflowed: `dropped` events were lost, so refetch state. */
export const OVERFLOW_EVENT = 'stream.overflow';

export const DEFAULT_HEARTBEAT_MS = 15_000;
/** How long a client waits before reconnecting after the stream ends (the SSE `retry:` hint). */
export const RECONNECT_HINT_MS = 3_000;
export const DEFAULT_MAX_PENDING = 1_000;

export interface EventStreamsOptions {
  events: AppEventBus;
  clock: Clock;
  log: Log;
  heartbeatMs?: number;
  /** Messages kept for a client whose socket is not draining; more are dropped and counted. */
  maxPending?: number;
}

export interface EventStreams {
  /** Writes the SSE headers and streams `names` to `response` until it closes or `closeAll`. */
  open(response: ServerResponse, names: readonly AppEventName[]): void;
  /** Streams open now. */
  readonly openCount: number;
  /** Ends every open stream (server shutdown), so closing the server does not wait on them. */
  closeAll(): void;
}

/** The event names a `types` query asks for (all when absent); @throws ValidationError on an unknown name. */
export function parseEventTypes(types: string | undefined): AppEventName[] {
  if (types === undefined || types.trim() === '') return [...APP_EVENT_NAMES];
  const wanted = [...new Set(types.split(',').map((t) => t.trim()).filter((t) => t !== ''))];
  const unknown = wanted.filter((t) => !(APP_EVENT_NAMES as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw new ValidationError(`Unknown event type(s): ${unknown.join(', ')}.`, { field: 'types', unknown, known: [...APP_EVENT_NAMES] });
  }
  return wanted as AppEventName[];
}

interface Pending {
  name: string;
  data: unknown;
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // Proxies such as nginx would otherwise hold messages back.
  'x-accel-buffering': 'no',
  'x-content-type-options': 'nosniff',
};

/** One SSE message; JSON never contains a raw newline, so `data:` is a single line. */
function message(id: number, name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\nid: ${id}\n\n`;
}

function progressKey(name: string, data: unknown): string | undefined {
  if (name !== 'task.progress') return undefined;
  const id = (data as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

export function createEventStreams(options: EventStreamsOptions): EventStreams {
  const { events, clock, log } = options;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
  const open = new Set<() => void>();

  function stream(response: ServerResponse, names: readonly AppEventName[]): void {
    let nextId = 1;
    let writable = true;
    let dropped = 0;
    let closed = false;
    const pending: Pending[] = [];
    // The buffered progress message of each task, replaced in place by newer progress.
    const pendingProgress = new Map<string, Pending>();

    const write = (text: string): void => {
      if (!response.write(text)) writable = false;
    };

    const flush = (): void => {
      writable = true;
      while (writable && pending.length > 0) {
        const item = pending.shift() as Pending;
        const key = progressKey(item.name, item.data);
        if (key !== undefined) pendingProgress.delete(key);
        write(message(nextId++, item.name, item.data));
      }
      if (writable && dropped > 0) {
        write(message(nextId++, OVERFLOW_EVENT, { dropped }));
        dropped = 0;
      }
    };

    const send = (name: string, data: unknown): void => {
      if (closed) return;
      if (writable && pending.length === 0) {
        write(message(nextId++, name, data));
        return;
      }
      const key = progressKey(name, data);
      const queued = key === undefined ? undefined : pendingProgress.get(key);
      if (queued) {
        queued.data = data;
        return;
      }
      if (pending.length >= maxPending) {
        dropped++;
        return;
      }
      const item = { name, data };
      pending.push(item);
      if (key !== undefined) pendingProgress.set(key, item);
    };

    const unsubscribes = names.map((name) => events.on(name, (payload) => send(name, payload)));
    let cancelHeartbeat = (): void => undefined;
    const beat = (): void => {
      // A comment line: ignored by SSE parsers, but it keeps the connection visibly alive.
      if (writable) write(`: heartbeat ${clock.now()}\n\n`);
      cancelHeartbeat = clock.setTimer(beat, heartbeatMs);
    };

    const close = (): void => {
      if (closed) return;
      closed = true;
      for (const unsubscribe of unsubscribes) unsubscribe();
      cancelHeartbeat();
      open.delete(end);
      pending.length = 0;
      pendingProgress.clear();
    };
    const end = (): void => {
      close();
      if (!response.writableEnded) response.end();
    };

    open.add(end);
    response.on('drain', flush);
    response.on('close', close);
    response.on('error', (error) => {
      log.debug({ err: error }, 'event stream socket error');
      close();
    });
    response.writeHead(200, SSE_HEADERS);
    write(`retry: ${RECONNECT_HINT_MS}\n\n`);
    cancelHeartbeat = clock.setTimer(beat, heartbeatMs);
  }

  return {
    open: stream,
    get openCount() {
      return open.size;
    },
    closeAll() {
      for (const end of [...open]) end();
    },
  };
}

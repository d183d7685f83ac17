// Live events from the core: GET /api/v1/events read with fetch streaming, so the bearer token goes
// in the Authorization header (EventSource cannot send headers, and a token in the URL would end up
// in logs). Parses Server-Sent Events, reconnects with capped exponential backoff, and hands each
// event to the subscribers of its type.
import { API_PREFIX } from './client.js';
import type { EventName, EventPayloads } from './events.js';

/** One dispatched Server-Sent Event. */
export interface SseMessage {
  event: string;
  data: string;
  id: string | undefined;
}

/**
 * An incremental parser of the text/event-stream format (WHATWG HTML §9.2.6): feed it chunks as they
 * arrive, split anywhere (even inside a CRLF); it calls `onMessage` for each complete event and
 * `onRetry` when the server sets the reconnection time.
 */
export function createSseParser(onMessage: (message: SseMessage) => void, onRetry?: (ms: number) => void) {
  let buffer = '';
  let pendingCr = false;
  let data: string[] = [];
  let eventType = '';
  let lastId: string | undefined;

  function dispatch(): void {
    if (data.length === 0) {
      eventType = '';
      return;
    }
    onMessage({ event: eventType || 'message', data: data.join('\n'), id: lastId });
    data = [];
    eventType = '';
  }

  function line(text: string): void {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') eventType = value;
    else if (field === 'id') {
      if (!value.includes('\0')) lastId = value;
    } else if (field === 'retry') {
      if (/^\d+$/.test(value)) onRetry?.(Number(value));
    }
  }

  return {
    push(chunk: string): void {
      let text = chunk;
      // A CR ending the previous chunk was a line end; a LF right after it belongs to the same end.
      if (pendingCr && text.startsWith('\n')) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer[i];
        if (ch !== '\n' && ch !== '\r') continue;
        line(buffer.slice(start, i));
        if (ch === '\r') {
          if (i + 1 === buffer.length) pendingCr = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    /** The id of the last event seen, for Last-Event-ID on reconnect. */
    get lastEventId(): string | undefined {
      return lastId;
    },
  };
}

export type StreamState = 'connecting' | 'open' | 'closed' | 'unauthorized';

export interface EventStreamOptions {
  baseUrl?: string;
  getToken: () => string | null;
  fetch?: typeof fetch;
  /** First reconnect delay; doubles after each failure up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Waits before a reconnect; replaceable so tests do not wait for real time. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  onStateChange?: (state: StreamState) => void;
}

type Listener = (data: unknown, message: SseMessage) => void;

/**
 * A subscriber of one event gets that event's payload; a subscriber of '*' gets every event, its data
 * unknown (the name is `message.event`).
 */
export type EventHandler<N extends EventName | '*'> = (data: N extends EventName ? EventPayloads[N] : unknown, message: SseMessage) => void;

function realWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Keeps one connection to the event stream open while started. Subscribers get the event's data
 * parsed as JSON (the raw text when it is not JSON), typed by its name; '*' receives every event.
 */
export function createEventStream(options: EventStreamOptions) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
  const wait = options.wait ?? realWait;
  const initialDelay = options.initialDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const listeners = new Map<string, Set<Listener>>();
  let controller: AbortController | undefined;
  let state: StreamState = 'closed';
  let lastEventId: string | undefined;
  let serverRetry: number | undefined;

  function setState(next: StreamState): void {
    if (state === next) return;
    state = next;
    options.onStateChange?.(next);
  }

  function deliver(message: SseMessage): void {
    const data = parseData(message.data);
    for (const key of [message.event, '*']) {
      for (const fn of listeners.get(key) ?? []) fn(data, message);
    }
  }

  /** Reads one connection to its end: "ended" after it was open (so the backoff restarts). */
  async function readOnce(signal: AbortSignal): Promise<'ended' | 'failed' | 'unauthorized'> {
    const token = options.getToken();
    if (!token) return 'unauthorized';
    const headers: Record<string, string> = { accept: 'text/event-stream', authorization: `Bearer ${token}` };
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${API_PREFIX}/events`, { headers, signal });
    } catch {
      return 'failed';
    }
    if (response.status === 401) return 'unauthorized';
    if (!response.ok || !response.body) return 'failed';
    setState('open');
    const parser = createSseParser(
      (message) => {
        lastEventId = message.id;
        deliver(message);
      },
      (ms) => {
        serverRetry = ms;
      },
    );
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
    } catch {
      // A dropped connection ends the read; the loop below reconnects.
    }
    return 'ended';
  }

  async function run(signal: AbortSignal): Promise<void> {
    let delay = initialDelay;
    while (!signal.aborted) {
      setState('connecting');
      const outcome = await readOnce(signal);
      if (signal.aborted) break;
      if (outcome === 'unauthorized') {
        setState('unauthorized');
        return;
      }
      if (outcome === 'ended') delay = serverRetry ?? initialDelay;
      setState('connecting');
      await wait(delay, signal);
      delay = Math.min(maxDelay, delay * 2);
    }
    setState('closed');
  }

  return {
    /** Opens the stream (again after stop or after a refused token). */
    start(): void {
      if (controller && !controller.signal.aborted && state !== 'unauthorized') return;
      controller = new AbortController();
      void run(controller.signal);
    },
    stop(): void {
      controller?.abort();
      controller = undefined;
      setState('closed');
    },
    subscribe<N extends EventName | '*'>(type: N, handler: EventHandler<N>): () => void {
      // The one place the network's data takes its event's type: the core that sends it is this same
      // app, built from the same shared payload types, so it is trusted rather than validated again.
      const fn = handler as Listener;
      let set = listeners.get(type);
      if (!set) {
        set = new Set();
        listeners.set(type, set);
      }
      set.add(fn);
      return () => {
        set.delete(fn);
      };
    },
    get state(): StreamState {
      return state;
    },
  };
}

export type EventStream = ReturnType<typeof createEventStream>;

// GET /api/v1/events over a real port: the renderer's live stream of the event bus, read with
// fetch() and a bearer header as the UI reads it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { APP_EVENT_NAMES } from '../../../src/main/core/app-events.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { openSse, type SseStream } from '../../support/sse-client.js';

let api: TestApi;
let base: string;
let closed: boolean;
const streams: SseStream[] = [];

beforeEach(async () => {
  api = await createTestApi();
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}/api/v1`;
  closed = false;
});
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  if (!closed) await api.close();
});

async function open(path: string, token?: string): Promise<SseStream> {
  const stream = await openSse(`${base}${path}`, token ? { authorization: `Bearer ${token}` } : {});
  streams.push(stream);
  return stream;
}

/** Counts the bus's live listeners by wrapping `on`, and resolves `drained` when all are gone again. */
function countListeners() {
  const original = api.events.on.bind(api.events);
  let release = (): void => undefined;
  const counter = { live: 0, drained: new Promise<void>((resolve) => (release = resolve)) };
  api.events.on = ((type, listener) => {
    const unsubscribe = original(type, listener);
    counter.live++;
    return () => {
      unsubscribe();
      counter.live--;
      if (counter.live === 0) release();
    };
  }) as typeof api.events.on;
  return counter;
}

describe('GET /api/v1/events', () => {
  it('streams task.changed to a recruiter when a task is enqueued, as SSE messages with ids and a retry hint', async () => {
    const { token } = await api.signIn('recruiter');
    const stream = await open('/events', token);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('cache-control')).toContain('no-cache');

    const task = await api.queue.enqueue({ type: 'demo.work' });
    const message = await stream.next((m) => m.event === 'task.changed');
    expect(JSON.parse(message.data)).toEqual({ id: task.id, type: 'demo.work', status: 'queued' });
    expect(message.id).toMatch(/^\d+$/);
    expect(stream.messages[0]?.retry).toBeGreaterThan(0);
  });

  it('streams every event of the bus, each under its own name', async () => {
    const { token } = await api.signIn('admin');
    const stream = await open('/events', token);
    api.events.emit('task.progress', { id: 't1', type: 'demo.work', done: 1, total: 2 });
    api.events.emit('resume.changed', { id: 'r1', status: 'parsed' });
    expect(JSON.parse((await stream.next((m) => m.event === 'task.progress')).data)).toMatchObject({ id: 't1', done: 1, total: 2 });
    expect(JSON.parse((await stream.next((m) => m.event === 'resume.changed')).data)).toEqual({ id: 'r1', status: 'parsed' });
    expect(APP_EVENT_NAMES).toEqual(expect.arrayContaining(['task.changed', 'task.progress', 'resume.changed']));
  });

  it('sends only the event types asked for with ?types=', async () => {
    const { token } = await api.signIn('recruiter');
    const stream = await open('/events?types=resume.changed', token);
    await api.queue.enqueue({ type: 'demo.work' });
    api.events.emit('resume.changed', { id: 'r2', status: 'failed' });
    const message = await stream.next((m) => m.event !== 'message');
    expect(message.event).toBe('resume.changed');
    expect(stream.messages.some((m) => m.event.startsWith('task.'))).toBe(false);
  });

  it('refuses an unknown event type with 400 and names the known ones', async () => {
    const { token } = await api.signIn('recruiter');
    const stream = await open('/events?types=task.changed,nonsense', token);
    expect(stream.status).toBe(400);
    const body = JSON.parse(await stream.text()) as { error: { code: string; details: { unknown: string[]; known: string[] } } };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.details.unknown).toEqual(['nonsense']);
    expect(body.error.details.known).toEqual([...APP_EVENT_NAMES]);
  });

  it('answers 401 without a token and 403 to a candidate', async () => {
    const anonymous = await open('/events');
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(await anonymous.text()).error.code).toBe('UNAUTHORIZED');
    const { token } = await api.signIn('candidate');
    const candidate = await open('/events', token);
    expect(candidate.status).toBe(403);
    expect(JSON.parse(await candidate.text()).error.code).toBe('FORBIDDEN');
  });

  it('sends a heartbeat comment every 15 seconds', async () => {
    const { token } = await api.signIn('recruiter');
    const stream = await open('/events', token);
    const heartbeat = stream.nextComment((c) => c.includes('heartbeat'));
    api.clock.advance(15_000);
    await heartbeat;
    const second = stream.nextComment((c) => c.includes('heartbeat'));
    api.clock.advance(15_000);
    await second;
    expect(stream.comments.filter((c) => c.includes('heartbeat'))).toHaveLength(2);
  });

  it('unsubscribes from the bus when the client disconnects', async () => {
    const listeners = countListeners();
    const { token } = await api.signIn('recruiter');
    const stream = await open('/events', token);
    expect(listeners.live).toBe(APP_EVENT_NAMES.length);
    stream.close();
    await listeners.drained;
    expect(listeners.live).toBe(0);
  });

  it('is documented in /openapi.json as a staff-only text/event-stream', async () => {
    const doc = (await api.app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, { get?: { 'x-roles'?: unknown; responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    const operation = doc.paths['/api/v1/events']?.get;
    expect(operation?.['x-roles']).toEqual(['admin', 'recruiter']);
    expect(Object.keys(operation?.responses['200']?.content ?? {})).toEqual(['text/event-stream']);
  });

  it('ends open streams when the server closes, so close() does not hang', async () => {
    const { token } = await api.signIn('recruiter');
    const first = await open('/events', token);
    const second = await open('/events?types=task.progress', token);
    await api.close();
    closed = true;
    await Promise.all([first.ended, second.ended]);
  });
});

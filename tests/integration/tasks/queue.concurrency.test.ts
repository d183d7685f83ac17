import { afterEach, describe, expect, it } from 'vitest';
import type { Task } from '../../../src/shared/schemas/task.js';
import type { TaskHandler, TaskQueue } from '../../../src/main/core/tasks/queue.js';
import { createQueueHarness, deferred, StartLog, waitForStatus, type Deferred, type QueueHarness } from './queue-fixture.js';

/** Handlers that hold until released, counting how many of each type run at once. */
function gatedHandlers() {
  const running = new Map<string, number>();
  const peak = new Map<string, number>();
  let runningTotal = 0;
  let peakTotal = 0;
  const gates = new Map<string, Deferred<void>>();
  const starts = new StartLog<Task>();
  const handler: TaskHandler = async (task, ctx) => {
    const now = (running.get(task.type) ?? 0) + 1;
    running.set(task.type, now);
    peak.set(task.type, Math.max(peak.get(task.type) ?? 0, now));
    runningTotal++;
    peakTotal = Math.max(peakTotal, runningTotal);
    const gate = deferred();
    gates.set(task.id, gate);
    starts.record(task);
    // Like any well-behaved handler, it also gives up when aborted (the queue is stopping).
    const aborted = new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }));
    await Promise.race([gate.promise, aborted]);
    running.set(task.type, (running.get(task.type) ?? 1) - 1);
    runningTotal--;
  };
  return {
    handler,
    starts,
    running,
    peak,
    peakTotal: () => peakTotal,
    release: (id: string) => gates.get(id)?.resolve(),
    releaseAll: () => {
      for (const gate of gates.values()) gate.resolve();
    },
  };
}

/** Releases every held handler, and each later one as soon as it starts, until all tasks succeed. */
async function releaseAsTheyStart(gated: ReturnType<typeof gatedHandlers>, queue: TaskQueue, tasks: Task[]) {
  const off = queue.events.on('task.changed', (event) => {
    if (event.status === 'running') queueMicrotask(() => gated.release(event.id));
  });
  gated.releaseAll();
  for (const task of tasks) await waitForStatus(queue, task.id, 'succeeded');
  off();
}

describe('task queue: concurrency and order', () => {
  let harness: QueueHarness;
  afterEach(async () => harness.close());

  it('never runs more tasks of a type at once than its limit', async () => {
    const gated = gatedHandlers();
    harness = await createQueueHarness({ concurrency: { 'resume.parse': 2, 'analysis.run': 1 }, maxRunning: 10 });
    const { queue } = harness;
    queue.register('resume.parse', gated.handler);
    queue.register('analysis.run', gated.handler);
    const tasks = [];
    for (let i = 0; i < 6; i++) tasks.push(await queue.enqueue({ type: 'resume.parse', payload: { i } }));
    for (let i = 0; i < 3; i++) tasks.push(await queue.enqueue({ type: 'analysis.run', payload: { i } }));

    queue.start();
    await gated.starts.untilCount(3);
    await queue.settled();
    expect(gated.starts.started).toHaveLength(3);
    expect(gated.running.get('resume.parse')).toBe(2);
    expect(gated.running.get('analysis.run')).toBe(1);

    // Finishing one parse frees exactly one parse slot, and nothing else starts.
    const firstParse = gated.starts.started.find((t) => t.type === 'resume.parse');
    gated.release(firstParse?.id ?? '');
    await gated.starts.untilCount(4);
    await queue.settled();
    expect(gated.starts.started).toHaveLength(4);
    expect(gated.starts.started[3]?.type).toBe('resume.parse');

    await releaseAsTheyStart(gated, queue, tasks);
    expect(gated.peak.get('resume.parse')).toBe(2);
    expect(gated.peak.get('analysis.run')).toBe(1);
  });

  it('never runs more tasks at once than the global cap, whatever the per-type limits', async () => {
    const gated = gatedHandlers();
    harness = await createQueueHarness({ concurrency: { 'resume.parse': 5, 'analysis.run': 5 }, maxRunning: 3 });
    const { queue } = harness;
    queue.register('resume.parse', gated.handler);
    queue.register('analysis.run', gated.handler);
    const tasks = [];
    for (let i = 0; i < 4; i++) tasks.push(await queue.enqueue({ type: 'resume.parse', payload: { i } }));
    for (let i = 0; i < 4; i++) tasks.push(await queue.enqueue({ type: 'analysis.run', payload: { i } }));

    queue.start();
    await gated.starts.untilCount(3);
    await queue.settled();
    expect(gated.starts.started).toHaveLength(3);

    await releaseAsTheyStart(gated, queue, tasks);
    expect(gated.peakTotal()).toBe(3);
  });

  it('a type without a configured limit runs one task at a time', async () => {
    const gated = gatedHandlers();
    harness = await createQueueHarness({ maxRunning: 4 });
    const { queue } = harness;
    queue.register('email.send', gated.handler);
    const a = await queue.enqueue({ type: 'email.send' });
    const b = await queue.enqueue({ type: 'email.send' });

    queue.start();
    await gated.starts.untilCount(1);
    await queue.settled();
    const first = gated.starts.started[0]?.id === a.id ? a : b;
    const second = first === a ? b : a;
    expect((await queue.get(second.id)).status).toBe('queued');

    gated.release(first.id);
    await gated.starts.untilCount(2);
    gated.release(second.id);
    await waitForStatus(queue, second.id, 'succeeded');
    expect(gated.peak.get('email.send')).toBe(1);
  });

  it('claims due tasks by priority first, then by earliest runAt', async () => {
    const order: string[] = [];
    harness = await createQueueHarness();
    const { queue, clock } = harness;
    queue.register('email.send', async (task) => {
      order.push(String(task.payload.name));
    });
    const now = clock.now();
    const enqueue = (name: string, priority: number, runAt: number) =>
      queue.enqueue({ type: 'email.send', payload: { name }, priority, runAt });
    const due = [
      await enqueue('low-early', -5, now - 3_000),
      await enqueue('normal-late', 0, now - 1_000),
      await enqueue('normal-early', 0, now - 2_000),
      await enqueue('urgent', 10, now),
    ];
    const future = await enqueue('future', 100, now + 60_000);

    queue.start();
    for (const task of due) await waitForStatus(queue, task.id, 'succeeded');
    expect(order).toEqual(['urgent', 'normal-early', 'normal-late', 'low-early']);
    expect((await queue.get(future.id)).status).toBe('queued');

    clock.advance(60_000);
    await waitForStatus(queue, future.id, 'succeeded');
    expect(order.at(-1)).toBe('future');
  });

  it('leaves tasks of a type with no handler queued until one is registered', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    queue.start();
    const task = await queue.enqueue({ type: 'zoom.meeting.create' });
    await queue.settled();
    expect((await queue.get(task.id)).status).toBe('queued');

    queue.register('zoom.meeting.create', async () => ({ meetingId: 'm-1' }));

    expect(await waitForStatus(queue, task.id, 'succeeded')).toMatchObject({ result: { meetingId: 'm-1' } });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createQueueHarness, deferred, StartLog, waitForStatus, type QueueHarness } from './queue-fixture.js';

/** A handler that runs until its signal is aborted, then rejects with the abort reason. */
async function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

describe('task queue: start and stop', () => {
  let harness: QueueHarness;
  afterEach(async () => harness.close());

  it('stop aborts running handlers and puts their tasks back to queued without spending the attempt', async () => {
    harness = await createQueueHarness({ concurrency: { 'resume.parse': 2 } });
    const { queue } = harness;
    const started = new StartLog<AbortSignal>();
    queue.register('resume.parse', async (_task, ctx) => {
      started.record(ctx.signal);
      return untilAborted(ctx.signal);
    });
    queue.start();
    const a = await queue.enqueue({ type: 'resume.parse', maxAttempts: 1 });
    const b = await queue.enqueue({ type: 'resume.parse', maxAttempts: 1 });
    await started.untilCount(2);

    await queue.stop();

    expect(queue.running).toBe(false);
    expect(started.started.every((signal) => signal.aborted)).toBe(true);
    for (const id of [a.id, b.id]) {
      const task = await queue.get(id);
      expect(task).toMatchObject({ status: 'queued', attempts: 0 });
      expect(task.leaseOwner).toBeUndefined();
      expect(task.lastError).toBeUndefined();
    }
  });

  it('stop with drain lets running handlers finish and records their results', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    const started = new StartLog<AbortSignal>();
    const finish = deferred();
    queue.register('email.send', async (_task, ctx) => {
      started.record(ctx.signal);
      await finish.promise;
      return { sent: true };
    });
    queue.start();
    const task = await queue.enqueue({ type: 'email.send' });
    await started.untilCount(1);

    let stopped = false;
    const stopping = queue.stop({ drain: true }).then(() => {
      stopped = true;
    });
    await queue.settled();
    expect(stopped).toBe(false);
    finish.resolve();
    await stopping;

    expect(started.started[0]?.aborted).toBe(false);
    expect(await queue.get(task.id)).toMatchObject({ status: 'succeeded', result: { sent: true } });
  });

  it('after stop nothing new is claimed, and start resumes the work', async () => {
    harness = await createQueueHarness();
    const { queue, clock } = harness;
    let calls = 0;
    queue.register('email.send', async () => {
      calls++;
    });
    queue.start();
    await queue.stop();
    const task = await queue.enqueue({ type: 'email.send' });
    clock.advance(60_000);
    await queue.settled();
    expect(calls).toBe(0);
    expect(clock.pendingTimers).toBe(0);

    queue.start();
    await waitForStatus(queue, task.id, 'succeeded');
    expect(calls).toBe(1);
  });

  it('a handler that ignores its signal is requeued once the grace period is over', async () => {
    harness = await createQueueHarness({ stopGraceMs: 5_000 });
    const { queue, clock } = harness;
    const started = new StartLog<AbortSignal>();
    const never = deferred<{ sent: boolean }>();
    queue.register('email.send', async (_task, ctx) => {
      started.record(ctx.signal);
      return never.promise;
    });
    queue.start();
    const task = await queue.enqueue({ type: 'email.send' });
    await started.untilCount(1);

    const stopping = queue.stop();
    await queue.settled();
    clock.advance(5_000);
    await stopping;

    const requeued = await queue.get(task.id);
    expect(requeued).toMatchObject({ status: 'queued', attempts: 0 });
    // The lease is gone, so what the stray handler returns later cannot be recorded
    // (queue.transitions.test.ts shows a stale lease being refused).
    expect(requeued.leaseOwner).toBeUndefined();
  });

  it('a task due later wakes the queue through the clock, exactly when due', async () => {
    harness = await createQueueHarness();
    const { queue, clock } = harness;
    const runs = new StartLog<number>();
    queue.register('calendar.event.create', async () => {
      runs.record(clock.now());
    });
    queue.start();
    const dueAt = clock.now() + 90_000;
    const task = await queue.enqueue({ type: 'calendar.event.create', runAt: dueAt });
    await queue.settled();

    clock.advance(89_999);
    await queue.settled();
    expect(runs.started).toEqual([]);
    clock.advance(1);
    await waitForStatus(queue, task.id, 'succeeded');
    expect(runs.started).toEqual([dueAt]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../src/main/core/errors.js';
import { createQueueHarness, deferred, StartLog, waitForStatus, type QueueHarness } from './queue-fixture.js';

describe('task queue: cancel', () => {
  let harness: QueueHarness;
  afterEach(async () => harness.close());

  it('a cancelled queued task never runs', async () => {
    harness = await createQueueHarness();
    const { queue, clock } = harness;
    let calls = 0;
    queue.register('email.send', async () => {
      calls++;
    });
    queue.start();
    const later = await queue.enqueue({ type: 'email.send', runAt: clock.now() + 5_000 });

    const cancelled = await queue.cancel(later.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', finishedAt: clock.now() });

    clock.advance(10_000);
    await queue.settled();
    expect(calls).toBe(0);
    expect((await queue.get(later.id)).status).toBe('cancelled');
  });

  it("cancelling a running task aborts its handler's signal and the task is not retried", async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    const started = new StartLog<AbortSignal>();
    const handlerEnded = deferred<string>();
    queue.register('analysis.run', async (_task, ctx) => {
      started.record(ctx.signal);
      await new Promise<void>((_resolve, reject) => {
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error));
      }).catch((error: Error) => {
        handlerEnded.resolve(error.message);
        throw error;
      });
    });
    queue.start();
    const task = await queue.enqueue({ type: 'analysis.run', maxAttempts: 5 });
    await started.untilCount(1);

    await queue.cancel(task.id);

    expect(started.started[0]?.aborted).toBe(true);
    expect(await handlerEnded.promise).toBe('the task was cancelled');
    // Stopping with drain waits for the handler's run to be fully wound up.
    await queue.stop({ drain: true });
    const after = await queue.get(task.id);
    expect(after).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(after.lastError).toBeUndefined();
    expect(started.started).toHaveLength(1);
  });

  it('a finished task cannot be cancelled, an unknown one is not found, and cancelling twice is harmless', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    queue.register('email.send', async () => ({ sent: true }));
    queue.start();
    const done = await queue.enqueue({ type: 'email.send' });
    await waitForStatus(queue, done.id, 'succeeded');
    const queued = await queue.enqueue({ type: 'email.unknown' });

    await expect(queue.cancel(done.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(queue.cancel('no-such-task')).rejects.toBeInstanceOf(NotFoundError);
    await queue.cancel(queued.id);
    expect(await queue.cancel(queued.id)).toMatchObject({ status: 'cancelled' });
    await expect(queue.retry(done.id)).rejects.toBeInstanceOf(ConflictError);
  });

  it('a cancelled task can be retried and then runs', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    const task = await queue.enqueue({ type: 'email.send' });
    await queue.cancel(task.id);
    queue.register('email.send', async () => ({ sent: true }));
    queue.start();

    await queue.retry(task.id);

    expect(await waitForStatus(queue, task.id, 'succeeded')).toMatchObject({ attempts: 1 });
  });
});

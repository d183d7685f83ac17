import { afterEach, describe, expect, it } from 'vitest';
import type { TaskEvents } from '../../../src/main/core/tasks/queue.js';
import { createQueueHarness, deferred, waitForStatus, type QueueHarness } from './queue-fixture.js';

describe('task queue: progress', () => {
  let harness: QueueHarness;
  afterEach(async () => harness.close());

  it('progress reported by a handler is emitted in order and stored on the task', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    const events: TaskEvents['task.progress'][] = [];
    queue.events.on('task.progress', (event) => events.push(event));
    const midway = deferred();
    const resume = deferred();
    queue.register('resume.parse', async (_task, ctx) => {
      await ctx.progress(0, 3, 'reading PDF');
      await ctx.progress(1, 3, 'extracting text');
      midway.resolve();
      await resume.promise;
      await ctx.progress(3, 3);
      return { pages: 3 };
    });
    queue.start();
    const task = await queue.enqueue({ type: 'resume.parse' });

    await midway.promise;
    expect((await queue.get(task.id)).progress).toEqual({ done: 1, total: 3, message: 'extracting text' });
    resume.resolve();

    const done = await waitForStatus(queue, task.id, 'succeeded');
    expect(done.progress).toEqual({ done: 3, total: 3 });
    expect(events).toEqual([
      { id: task.id, type: 'resume.parse', done: 0, total: 3, message: 'reading PDF' },
      { id: task.id, type: 'resume.parse', done: 1, total: 3, message: 'extracting text' },
      { id: task.id, type: 'resume.parse', done: 3, total: 3 },
    ]);
  });

  it('progress not awaited by the handler is still stored before the outcome', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    queue.register('analysis.run', async (_task, ctx) => {
      for (let i = 1; i <= 20; i++) void ctx.progress(i, 20);
      return { score: 80 };
    });
    queue.start();
    const task = await queue.enqueue({ type: 'analysis.run' });

    const done = await waitForStatus(queue, task.id, 'succeeded');
    expect(done).toMatchObject({ progress: { done: 20, total: 20 }, result: { score: 80 } });
  });

  it('a result that is not plain JSON is stored as its JSON form', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    queue.register('analysis.run', async () => ({ at: new Date(0), skipped: undefined, n: 1 }));
    queue.start();
    const task = await queue.enqueue({ type: 'analysis.run' });

    expect((await waitForStatus(queue, task.id, 'succeeded')).result).toEqual({ at: '1970-01-01T00:00:00.000Z', n: 1 });
  });

  it('a result the document cannot hold fails the task instead of leaving it running', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    // A handler written in plain JS could return anything; a bare string is not an object.
    queue.register('analysis.run', async () => JSON.parse('"done"') as Record<string, unknown>);
    queue.start();
    const task = await queue.enqueue({ type: 'analysis.run', maxAttempts: 3 });

    expect(await waitForStatus(queue, task.id, 'failed')).toMatchObject({
      attempts: 1,
      lastError: { code: 'RESULT_NOT_STORABLE' },
    });
  });
});

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/main/core/errors.js';
import { backoffWindowMs, retryDelayMs, type BackoffPolicy } from '../../../src/main/core/tasks/backoff.js';
import { PermanentTaskError } from '../../../src/main/core/tasks/queue.js';
import {
  createQueueHarness,
  seededRandom,
  StartLog,
  waitForStatus,
  waitForTask,
  type QueueHarness,
} from './queue-fixture.js';

const policy: BackoffPolicy = { baseMs: 1_000, capMs: 30_000, factor: 2 };

describe('retry backoff (pure)', () => {
  it('doubles the jitter window with each failure until the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffWindowMs(n, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('picks a whole delay uniformly inside the window: random() scales it', () => {
    expect(retryDelayMs(3, () => 0, policy)).toBe(0);
    expect(retryDelayMs(3, () => 0.5, policy)).toBe(2_000);
    expect(retryDelayMs(3, () => 0.999_999_9, policy)).toBe(3_999);
  });

  it('every delay is a whole number in [0, min(cap, base * 2^(n-1))) and grows with random()', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (failures, r1, r2) => {
          const window = Math.min(policy.capMs, policy.baseMs * 2 ** (failures - 1));
          const d1 = retryDelayMs(failures, () => r1, policy);
          const d2 = retryDelayMs(failures, () => r2, policy);
          expect(Number.isInteger(d1)).toBe(true);
          expect(d1).toBeGreaterThanOrEqual(0);
          expect(d1).toBeLessThan(window);
          if (r1 <= r2) expect(d1).toBeLessThanOrEqual(d2);
        },
      ),
    );
  });
});

describe('task queue: failures, retries and dead letters', () => {
  let harness: QueueHarness;
  afterEach(async () => harness.close());

  it('retries a failing task at exactly now + jittered backoff, never earlier', async () => {
    const random = seededRandom(42);
    const expected = seededRandom(42);
    harness = await createQueueHarness({ random, backoff: policy });
    const { queue, clock } = harness;
    const runs = new StartLog<number>();
    queue.register('email.send', async (_task, ctx) => {
      runs.record(clock.now());
      if (ctx.attempt < 4) throw new Error(`smtp timeout #${ctx.attempt}`);
      return { sent: true };
    });
    queue.start();
    const task = await queue.enqueue({ type: 'email.send', maxAttempts: 5 });

    for (let failure = 1; failure <= 3; failure++) {
      await runs.untilCount(failure);
      const failedAt = clock.now();
      const delay = Math.floor(expected() * policy.baseMs * 2 ** (failure - 1));
      const waiting = await waitForTask(queue, task.id, (t) => t.status === 'queued' && t.attempts === failure);
      expect(waiting).toMatchObject({ status: 'queued', attempts: failure, runAt: failedAt + delay });
      expect(waiting.lastError).toEqual({ message: `smtp timeout #${failure}`, code: 'HANDLER_ERROR' });

      if (delay > 0) {
        clock.advance(delay - 1);
        await queue.settled();
        expect(runs.started).toHaveLength(failure);
      }
      clock.advance(delay > 0 ? 1 : 0);
    }

    const done = await waitForStatus(queue, task.id, 'succeeded');
    expect(done).toMatchObject({ attempts: 4, result: { sent: true } });
    expect(done.lastError).toBeUndefined();
    expect(runs.started).toHaveLength(4);
  });

  it('after maxAttempts failures the task is dead and keeps the last error', async () => {
    harness = await createQueueHarness({ random: () => 0, backoff: policy });
    const { queue } = harness;
    let calls = 0;
    queue.register('analysis.run', async () => {
      calls++;
      throw Object.assign(new Error(`provider said no (${calls})`), { code: 'ECONNRESET' });
    });
    queue.start();
    const task = await queue.enqueue({ type: 'analysis.run', maxAttempts: 3 });

    const dead = await waitForStatus(queue, task.id, 'dead');

    expect(calls).toBe(3);
    expect(dead).toMatchObject({ attempts: 3, lastError: { message: 'provider said no (3)', code: 'ECONNRESET' } });
    expect(dead.finishedAt).toBe(harness.clock.now());
    expect(dead.leaseOwner).toBeUndefined();
    expect(harness.changes.filter((c) => c.id === task.id).map((c) => c.status)).toEqual([
      'queued',
      'running',
      'queued',
      'running',
      'queued',
      'running',
      'dead',
    ]);
  });

  it('a permanent error fails the task at once, without retrying', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    let calls = 0;
    queue.register('resume.parse', async () => {
      calls++;
      throw new PermanentTaskError('not a PDF file', 'NOT_A_PDF');
    });
    queue.register('analysis.run', async () => {
      throw new ValidationError('job description is empty');
    });
    queue.start();
    const parse = await queue.enqueue({ type: 'resume.parse', maxAttempts: 5 });
    const analyse = await queue.enqueue({ type: 'analysis.run', maxAttempts: 5 });

    expect(await waitForStatus(queue, parse.id, 'failed')).toMatchObject({
      attempts: 1,
      lastError: { message: 'not a PDF file', code: 'NOT_A_PDF' },
    });
    expect(await waitForStatus(queue, analyse.id, 'failed')).toMatchObject({ lastError: { code: 'VALIDATION' } });
    expect(calls).toBe(1);
  });

  it('stores only a bounded error message, with credentials masked', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    queue.register('email.send', async () => {
      throw new Error(`login to smtp://mailer:hunter2@mail.example.com failed; Bearer abc.def.ghi ${'x'.repeat(5_000)}`);
    });
    queue.start();
    const task = await queue.enqueue({ type: 'email.send', maxAttempts: 1 });

    const dead = await waitForStatus(queue, task.id, 'dead');
    const message = dead.lastError?.message ?? '';
    expect(message.length).toBeLessThanOrEqual(1_000);
    expect(message).toContain('smtp://[redacted]@mail.example.com');
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('abc.def.ghi');
  });

  it('retry() gives a dead task fresh attempts and it runs again', async () => {
    harness = await createQueueHarness({ random: () => 0 });
    const { queue } = harness;
    let healthy = false;
    queue.register('email.send', async () => {
      if (!healthy) throw new Error('smtp down');
      return { sent: true };
    });
    queue.start();
    const task = await queue.enqueue({ type: 'email.send', maxAttempts: 2 });
    await waitForStatus(queue, task.id, 'dead');

    healthy = true;
    const retried = await queue.retry(task.id);
    expect(retried).toMatchObject({ status: 'queued', attempts: 0 });

    expect(await waitForStatus(queue, task.id, 'succeeded')).toMatchObject({ attempts: 1, result: { sent: true } });
  });
});

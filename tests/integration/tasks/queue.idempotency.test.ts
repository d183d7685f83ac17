import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../src/main/core/errors.js';
import { createQueueHarness, type QueueHarness } from './queue-fixture.js';

describe('task queue: enqueue and idempotency', () => {
  let harness: QueueHarness;
  afterEach(async () => harness.close());

  it('stores a new task as queued, due now, with the defaults and this device', async () => {
    harness = await createQueueHarness();
    const { queue, clock } = harness;

    const task = await queue.enqueue({ type: 'resume.parse', payload: { resumeId: 'r1' } });

    expect(task).toMatchObject({
      type: 'resume.parse',
      payload: { resumeId: 'r1' },
      status: 'queued',
      attempts: 0,
      maxAttempts: 5,
      priority: 0,
      needsNetwork: false,
      runAt: clock.now(),
      createdAt: clock.now(),
      deviceId: 'device-test-1',
    });
    expect(await queue.get(task.id)).toEqual(task);
    expect(harness.changes).toEqual([{ id: task.id, status: 'queued' }]);
  });

  it('enqueueing the same idempotency key twice returns the first task and stores only one', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;

    const first = await queue.enqueue({ type: 'email.send', payload: { to: 'a@example.com' }, idempotencyKey: 'invite:42' });
    const second = await queue.enqueue({ type: 'email.send', payload: { to: 'b@example.com' }, idempotencyKey: 'invite:42' });

    expect(second.id).toBe(first.id);
    expect(second.payload).toEqual({ to: 'a@example.com' });
    expect(await queue.list()).toHaveLength(1);
    expect(harness.changes).toHaveLength(1);
  });

  it('ten concurrent enqueues with one key create exactly one task', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        queue.enqueue({ type: 'analysis.run', payload: { call: i }, idempotencyKey: 'analysis:app-7' }),
      ),
    );

    expect(new Set(results.map((task) => task.id)).size).toBe(1);
    const stored = await queue.list();
    expect(stored).toHaveLength(1);
    expect(results.every((task) => JSON.stringify(task.payload) === JSON.stringify(stored[0]?.payload))).toBe(true);
  });

  it('different idempotency keys, or none, give different tasks', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;

    const a = await queue.enqueue({ type: 'resume.parse', idempotencyKey: 'file:aaa' });
    const b = await queue.enqueue({ type: 'resume.parse', idempotencyKey: 'file:bbb' });
    const c = await queue.enqueue({ type: 'resume.parse' });
    const d = await queue.enqueue({ type: 'resume.parse' });

    expect(new Set([a.id, b.id, c.id, d.id]).size).toBe(4);
    expect(a.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a key already used by a task of another type is refused with a conflict', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    await queue.enqueue({ type: 'resume.parse', idempotencyKey: 'shared-key' });

    await expect(queue.enqueue({ type: 'email.send', idempotencyKey: 'shared-key' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('the stored payload is a copy the caller cannot change afterwards', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    const payload = { ids: ['r1'] };

    const task = await queue.enqueue({ type: 'resume.parse', payload });
    payload.ids.push('r2');

    expect((await queue.get(task.id)).payload).toEqual({ ids: ['r1'] });
  });

  it('rejects a malformed type, attempt count or priority before writing anything', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;

    await expect(queue.enqueue({ type: 'not a type' })).rejects.toBeInstanceOf(ValidationError);
    await expect(queue.enqueue({ type: 'a.b', maxAttempts: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(queue.enqueue({ type: 'a.b', priority: 1.5 })).rejects.toBeInstanceOf(ValidationError);
    await expect(queue.enqueue({ type: 'a.b', idempotencyKey: '' })).rejects.toBeInstanceOf(ValidationError);
    expect(await queue.list()).toEqual([]);
  });

  it('lists tasks filtered by status and type, newest first', async () => {
    harness = await createQueueHarness();
    const { queue, clock } = harness;
    const older = await queue.enqueue({ type: 'resume.parse' });
    clock.advance(10);
    const newer = await queue.enqueue({ type: 'resume.parse' });
    const other = await queue.enqueue({ type: 'email.send' });
    await queue.cancel(other.id);

    expect((await queue.list({ type: 'resume.parse' })).map((t) => t.id)).toEqual([newer.id, older.id]);
    expect((await queue.list({ status: 'cancelled' })).map((t) => t.id)).toEqual([other.id]);
    expect(await queue.list({ status: ['queued', 'cancelled'], type: 'email.send' })).toHaveLength(1);
  });
});

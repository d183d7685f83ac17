import { describe, expect, it } from 'vitest';
import type { Task } from '../../../src/shared/schemas/task.js';
import {
  cancel,
  claim,
  fail,
  recordProgress,
  recoverAbandoned,
  requeue,
  retry,
  succeed,
} from '../../../src/main/core/tasks/task-transitions.js';

const T0 = 1_700_000_000_000;

function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 't-1',
    type: 'resume.parse',
    payload: {},
    status: 'queued',
    attempts: 0,
    maxAttempts: 3,
    runAt: T0,
    priority: 0,
    needsNetwork: false,
    createdAt: T0,
    updatedAt: T0,
    deviceId: 'd-1',
    ...overrides,
  };
}

const boom = { message: 'boom', code: 'HANDLER_ERROR' };

describe('task transitions', () => {
  it('claim takes a due queued task, counts the attempt and records the lease', () => {
    const draft = makeTask();
    expect(claim('q:1', T0 + 5)(draft)).toBe(true);
    expect(draft).toMatchObject({ status: 'running', attempts: 1, leaseOwner: 'q:1', startedAt: T0 + 5 });
  });

  it('claim refuses a task that is not yet due or not queued', () => {
    expect(claim('q:1', T0 - 1)(makeTask())).toBe(false);
    expect(claim('q:1', T0)(makeTask({ status: 'cancelled' }))).toBe(false);
    expect(claim('q:1', T0)(makeTask({ status: 'running', leaseOwner: 'other:1' }))).toBe(false);
  });

  it('outcomes and progress are refused when the lease is no longer the writer’s', () => {
    const heldByOther = () => makeTask({ status: 'running', attempts: 1, leaseOwner: 'other:7' });
    const cancelled = () => makeTask({ status: 'cancelled', attempts: 1 });
    for (const draft of [heldByOther(), cancelled()]) {
      const before = structuredClone(draft);
      expect(succeed('q:1', T0, { ok: true })(draft)).toBe(false);
      expect(fail('q:1', T0, boom, false, T0 + 1)(draft)).toBe(false);
      expect(requeue('q:1', T0)(draft)).toBe(false);
      expect(recordProgress('q:1', T0, { done: 1, total: 2 })(draft)).toBe(false);
      expect(draft).toEqual(before);
    }
  });

  it('a failure before the last attempt requeues at retryAt; on the last it is dead; a permanent one is failed', () => {
    const retrying = makeTask({ status: 'running', attempts: 2, leaseOwner: 'q:1' });
    fail('q:1', T0, boom, false, T0 + 700)(retrying);
    expect(retrying).toMatchObject({ status: 'queued', runAt: T0 + 700, lastError: boom });
    expect(retrying.leaseOwner).toBeUndefined();

    const last = makeTask({ status: 'running', attempts: 3, leaseOwner: 'q:1' });
    fail('q:1', T0, boom, false, T0 + 700)(last);
    expect(last).toMatchObject({ status: 'dead', finishedAt: T0, lastError: boom });

    const permanent = makeTask({ status: 'running', attempts: 1, leaseOwner: 'q:1' });
    fail('q:1', T0, boom, true, T0 + 700)(permanent);
    expect(permanent).toMatchObject({ status: 'failed', finishedAt: T0 });
  });

  it('requeue gives the interrupted attempt back; crash recovery keeps it', () => {
    const stopped = makeTask({ status: 'running', attempts: 2, leaseOwner: 'q:1' });
    requeue('q:1', T0 + 9)(stopped);
    expect(stopped).toMatchObject({ status: 'queued', attempts: 1, runAt: T0 + 9 });

    const crashed = makeTask({ status: 'running', attempts: 2, leaseOwner: 'old:3' });
    expect(recoverAbandoned((lease) => lease?.startsWith('new:') ?? false, T0 + 9)(crashed)).toBe(true);
    expect(crashed).toMatchObject({ status: 'queued', attempts: 2 });

    const mine = makeTask({ status: 'running', attempts: 1, leaseOwner: 'new:1' });
    expect(recoverAbandoned((lease) => lease?.startsWith('new:') ?? false, T0)(mine)).toBe(false);
  });

  it('cancel applies to queued and running tasks only; retry to failed, dead and cancelled only', () => {
    for (const status of ['queued', 'running'] as const) expect(cancel(T0)(makeTask({ status }))).toBe(true);
    for (const status of ['succeeded', 'failed', 'dead', 'cancelled'] as const) {
      expect(cancel(T0)(makeTask({ status }))).toBe(false);
    }
    for (const status of ['failed', 'dead', 'cancelled'] as const) {
      const draft = makeTask({ status, attempts: 3, finishedAt: T0, lastError: boom });
      expect(retry(T0 + 1)(draft)).toBe(true);
      expect(draft).toMatchObject({ status: 'queued', attempts: 0, runAt: T0 + 1, lastError: boom });
      expect(draft.finishedAt).toBeUndefined();
    }
    for (const status of ['queued', 'running', 'succeeded'] as const) expect(retry(T0)(makeTask({ status }))).toBe(false);
  });
});

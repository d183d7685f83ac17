// Every state change of a task as a pure edit of a draft document. Each one first checks that the
// task is still in the state the caller saw (status, lease) and returns false, changing nothing,
// when it is not: the store applies them inside one conditional RxDB write, so a race (a cancel
// during completion, a second queue) loses cleanly instead of overwriting.
import type { Task, TaskError, TaskProgress } from '../../../shared/schemas/task.js';

export type Transition = (draft: Task) => boolean;

function isHeldBy(draft: Task, lease: string): boolean {
  return draft.status === 'running' && draft.leaseOwner === lease;
}

function release(draft: Task, now: number): void {
  delete draft.leaseOwner;
  draft.updatedAt = now;
}

/** queued and due → running under `lease`; the attempt is counted now, so a crash still counts it. */
export const claim =
  (lease: string, now: number): Transition =>
  (draft) => {
    if (draft.status !== 'queued' || draft.runAt > now) return false;
    draft.status = 'running';
    draft.attempts += 1;
    draft.leaseOwner = lease;
    draft.startedAt = now;
    draft.updatedAt = now;
    delete draft.finishedAt;
    return true;
  };

export const succeed =
  (lease: string, now: number, result: Record<string, unknown> | undefined): Transition =>
  (draft) => {
    if (!isHeldBy(draft, lease)) return false;
    draft.status = 'succeeded';
    if (result === undefined) delete draft.result;
    else draft.result = result;
    delete draft.lastError;
    draft.finishedAt = now;
    release(draft, now);
    return true;
  };

/**
 * A failed run: `failed` when retrying cannot help, `dead` when it was the last allowed attempt,
 * otherwise back to `queued` at `retryAt`. The error is kept in every case.
 */
export const fail =
  (lease: string, now: number, error: TaskError, permanent: boolean, retryAt: number): Transition =>
  (draft) => {
    if (!isHeldBy(draft, lease)) return false;
    draft.lastError = error;
    if (permanent || draft.attempts >= draft.maxAttempts) {
      draft.status = permanent ? 'failed' : 'dead';
      draft.finishedAt = now;
    } else {
      draft.status = 'queued';
      draft.runAt = retryAt;
    }
    release(draft, now);
    return true;
  };

/**
 * A run that was stopped, not failed (shutdown, or the network went away under a network task):
 * back to `queued`, due now, and the attempt is given back.
 */
export const requeue =
  (lease: string, now: number, error?: TaskError): Transition =>
  (draft) => {
    if (!isHeldBy(draft, lease)) return false;
    draft.status = 'queued';
    draft.attempts = Math.max(0, draft.attempts - 1);
    draft.runAt = now;
    if (error) draft.lastError = error;
    release(draft, now);
    return true;
  };

export const INTERRUPTED_ERROR: TaskError = {
  code: 'INTERRUPTED',
  message: 'the app stopped while this task was running, on its last allowed attempt',
};

/**
 * A task some earlier process left `running` (it crashed): back to `queued` keeping the attempt it
 * used, so a task that crashes the app every time ends `dead` instead of looping forever.
 */
export const recoverAbandoned =
  (isOwnLease: (lease: string | undefined) => boolean, now: number): Transition =>
  (draft) => {
    if (draft.status !== 'running' || isOwnLease(draft.leaseOwner)) return false;
    if (draft.attempts >= draft.maxAttempts) {
      draft.status = 'dead';
      draft.lastError = INTERRUPTED_ERROR;
      draft.finishedAt = now;
    } else {
      draft.status = 'queued';
      draft.runAt = Math.min(draft.runAt, now);
    }
    release(draft, now);
    return true;
  };

export const recordProgress =
  (lease: string, now: number, progress: TaskProgress): Transition =>
  (draft) => {
    if (!isHeldBy(draft, lease)) return false;
    draft.progress = progress;
    draft.updatedAt = now;
    return true;
  };

export const CANCELLABLE: readonly Task['status'][] = ['queued', 'running'];

export const cancel =
  (now: number): Transition =>
  (draft) => {
    if (!CANCELLABLE.includes(draft.status)) return false;
    draft.status = 'cancelled';
    draft.finishedAt = now;
    release(draft, now);
    return true;
  };

export const RETRYABLE: readonly Task['status'][] = ['failed', 'dead', 'cancelled'];

/** A finished-but-unsuccessful task gets a fresh set of attempts; its last error stays visible. */
export const retry =
  (now: number): Transition =>
  (draft) => {
    if (!RETRYABLE.includes(draft.status)) return false;
    draft.status = 'queued';
    draft.attempts = 0;
    draft.runAt = now;
    delete draft.finishedAt;
    delete draft.progress;
    release(draft, now);
    return true;
  };

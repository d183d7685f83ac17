// The queue's scheduler: claims due tasks (priority, then runAt) within the per-type and global
// concurrency limits, runs their handlers, writes the outcome, and sleeps on the Clock until the
// next task falls due. One pass runs at a time; anything that may free or add work asks for another.
import { randomUUID } from 'node:crypto';
import { TASK_PROGRESS_MESSAGE_MAX, type Task, type TaskProgress } from '../../../shared/schemas/task.js';
import type { Clock } from '../clock.js';
import type { Unsubscribe } from '../events.js';
import type { Log } from '../log.js';
import { retryDelayMs, type BackoffPolicy } from './backoff.js';
import { describeFailure, sanitizeErrorMessage } from './task-failure.js';
import type { TaskStore } from './task-store.js';
import { claim, fail, recordProgress, requeue, succeed } from './task-transitions.js';

export type TaskResult = Record<string, unknown> | void;

export interface TaskContext {
  /** Aborted when the task is cancelled or the queue stops; a handler should stop promptly. */
  readonly signal: AbortSignal;
  /** 1 for the first run, 2 for the first retry, ... */
  readonly attempt: number;
  /** Stores and announces progress; never rejects (a failed write is logged). */
  progress(done: number, total: number, message?: string): Promise<void>;
}

export type TaskHandler = (task: Task, ctx: TaskContext) => Promise<TaskResult>;

export interface SchedulerOptions {
  store: TaskStore;
  clock: Clock;
  log: Log;
  isOnline: () => boolean;
  onlineChanges?: (listener: (online: boolean) => void) => Unsubscribe;
  random: () => number;
  deviceId: string | undefined;
  handlers: ReadonlyMap<string, TaskHandler>;
  /** Per type; a type not listed may run one task at a time. */
  concurrency: Readonly<Record<string, number>>;
  maxRunning: number;
  backoff: BackoffPolicy;
  /** How long `stop` waits for handlers before requeueing them regardless. */
  stopGraceMs: number;
  onChanged(task: Task): void;
  onProgress(task: Task, progress: TaskProgress): void;
}

interface Run {
  readonly task: Task;
  readonly lease: string;
  readonly controller: AbortController;
  /** Stopped by shutdown: an error then means "interrupted", not "failed". */
  interrupted: boolean;
  /** Cancelled in the store already: the handler's outcome is not recorded. */
  cancelled: boolean;
  done: Promise<void>;
}

export interface Scheduler {
  readonly running: boolean;
  start(): void;
  stop(drain: boolean): Promise<void>;
  /** Asks for a scheduling pass (new or changed work). */
  wake(): void;
  /** Resolves when no pass is in progress or requested. */
  settled(): Promise<void>;
  /** Aborts the handler of a task this scheduler runs (after it was cancelled in the store). */
  abortRun(id: string, reason: string): void;
  isOwnLease(lease: string | undefined): boolean;
}

/** Candidates fetched per free slot: some are skipped (their type is at its limit, or a race was lost). */
const CLAIM_BATCH_FACTOR = 4;
const PASS_RETRY_MS = 5_000;

/**
 * What a log line says about a failed write: code and first line only, because RxDB's own error
 * messages embed the documents involved (résumé text, e-mail bodies).
 */
const briefly = (error: unknown) => describeFailure(error).error;

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, clock, log, handlers } = options;
  const instanceId = randomUUID();
  const runs = new Map<string, Run>();
  let leaseSeq = 0;
  let started = false;
  let pass: Promise<void> | undefined;
  let passRequested = false;
  let cancelWakeTimer: (() => void) | undefined;
  let stopOnlineWatch: Unsubscribe | undefined;

  const limitFor = (type: string) => Math.max(1, options.concurrency[type] ?? 1);
  const runningOfType = (type: string) => {
    let count = 0;
    for (const run of runs.values()) if (run.task.type === type) count++;
    return count;
  };
  const typesWithFreeSlots = () => [...handlers.keys()].filter((type) => runningOfType(type) < limitFor(type));

  function wake(): void {
    if (!started) return;
    passRequested = true;
    pass ??= runPasses().finally(() => {
      pass = undefined;
      if (passRequested && started) wake();
    });
  }

  async function runPasses(): Promise<void> {
    while (passRequested && started) {
      passRequested = false;
      try {
        await schedulingPass();
      } catch (error) {
        log.error({ err: error }, 'task scheduling pass failed; trying again shortly');
        // Without this, due work would wait for the next enqueue or completion to be noticed.
        cancelWakeTimer?.();
        cancelWakeTimer = started ? clock.setTimer(wake, PASS_RETRY_MS) : undefined;
      }
    }
  }

  async function schedulingPass(): Promise<void> {
    const now = clock.now();
    const includeNetworkTasks = options.isOnline();
    for (;;) {
      const free = options.maxRunning - runs.size;
      const types = typesWithFreeSlots();
      if (!started || free <= 0 || types.length === 0) break;
      const candidates = await store.findClaimable({
        now,
        deviceId: options.deviceId,
        types,
        includeNetworkTasks,
        limit: free * CLAIM_BATCH_FACTOR,
      });
      let claimed = 0;
      for (const candidate of candidates) {
        if (!started || runs.size >= options.maxRunning) break;
        if (runningOfType(candidate.type) >= limitFor(candidate.type)) continue;
        const lease = `${instanceId}:${++leaseSeq}`;
        const task = await store.apply(candidate.id, claim(lease, clock.now()));
        if (!task) continue;
        if (!started) {
          // stop() began while this claim was being written: hand the task straight back.
          const back = await store.apply(task.id, requeue(lease, clock.now()));
          if (back) options.onChanged(back);
          break;
        }
        claimed++;
        options.onChanged(task);
        launch(task, lease);
      }
      if (claimed === 0) break;
    }
    await setWakeTimer(now, includeNetworkTasks);
  }

  async function setWakeTimer(now: number, includeNetworkTasks: boolean): Promise<void> {
    const next = await store.nextRunAt({ now, deviceId: options.deviceId, types: [...handlers.keys()], includeNetworkTasks });
    cancelWakeTimer?.();
    cancelWakeTimer = undefined;
    if (next === undefined || !started) return;
    cancelWakeTimer = clock.setTimer(wake, Math.max(0, next - clock.now()));
  }

  function launch(task: Task, lease: string): void {
    const run: Run = {
      task,
      lease,
      controller: new AbortController(),
      interrupted: false,
      cancelled: false,
      done: Promise.resolve(),
    };
    runs.set(task.id, run);
    run.done = execute(run).finally(() => {
      if (runs.get(task.id) === run) runs.delete(task.id);
      wake();
    });
  }

  async function execute(run: Run): Promise<void> {
    const { task } = run;
    const handler = handlers.get(task.type);
    const ctx: TaskContext = {
      signal: run.controller.signal,
      attempt: task.attempts,
      progress: (done, total, message) => saveProgress(run, done, total, message),
    };
    let outcome: { ok: true; result: TaskResult } | { ok: false; error: unknown };
    try {
      if (!handler) throw new Error(`no handler is registered for task type "${task.type}"`);
      outcome = { ok: true, result: await handler(task, ctx) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    if (run.cancelled) return;
    try {
      const written = outcome.ok ? await saveSuccess(run, outcome.result) : await saveFailure(run, outcome.error);
      if (written) options.onChanged(written);
    } catch (error) {
      // The task stays `running` in the store; `recover()` on the next start requeues it.
      log.error({ error: briefly(error), taskId: task.id, type: task.type }, 'could not record a task outcome');
    }
  }

  async function saveSuccess(run: Run, result: TaskResult): Promise<Task | undefined> {
    // A JSON round trip keeps only what the document can store (no Dates, class instances, undefined).
    const stored = result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as Record<string, unknown>);
    try {
      return await store.apply(run.task.id, succeed(run.lease, clock.now(), stored));
    } catch (error) {
      const cause = briefly(error);
      log.warn({ error: cause, taskId: run.task.id }, 'task result could not be stored');
      const message = sanitizeErrorMessage(`the result could not be stored (${cause.message})`);
      const reason = { code: 'RESULT_NOT_STORABLE', message };
      return store.apply(run.task.id, fail(run.lease, clock.now(), reason, true, clock.now()));
    }
  }

  async function saveFailure(run: Run, error: unknown): Promise<Task | undefined> {
    const { task, lease } = run;
    const now = clock.now();
    const failure = describeFailure(error);
    if (run.interrupted) return store.apply(task.id, requeue(lease, now));
    if (task.needsNetwork && !options.isOnline()) {
      // Lost the network mid-run: wait for it rather than spend an attempt.
      return store.apply(task.id, requeue(lease, now, failure.error));
    }
    log.warn({ taskId: task.id, type: task.type, attempt: task.attempts, code: failure.error.code }, 'task run failed');
    const retryAt = now + retryDelayMs(task.attempts, options.random, options.backoff);
    return store.apply(task.id, fail(lease, now, failure.error, failure.permanent, retryAt));
  }

  async function saveProgress(run: Run, done: number, total: number, message?: string): Promise<void> {
    const progress: TaskProgress = {
      done: Math.max(0, Math.floor(done)),
      total: Math.max(0, Math.floor(total)),
      ...(message === undefined ? {} : { message: message.slice(0, TASK_PROGRESS_MESSAGE_MAX) }),
    };
    try {
      const written = await store.apply(run.task.id, recordProgress(run.lease, clock.now(), progress));
      if (written) options.onProgress(written, progress);
    } catch (error) {
      log.warn({ error: briefly(error), taskId: run.task.id }, 'task progress could not be stored');
    }
  }

  async function stop(drain: boolean): Promise<void> {
    started = false;
    cancelWakeTimer?.();
    cancelWakeTimer = undefined;
    stopOnlineWatch?.();
    stopOnlineWatch = undefined;
    await pass;
    if (!drain) for (const run of runs.values()) interrupt(run, 'the task queue is stopping');
    if (runs.size === 0) return;

    let cancelGrace: (() => void) | undefined;
    const graceOver = new Promise<'grace-over'>((resolve) => {
      cancelGrace = clock.setTimer(() => resolve('grace-over'), options.stopGraceMs);
    });
    const allDone = Promise.all([...runs.values()].map((run) => run.done)).then(() => 'done' as const);
    const first = await Promise.race([allDone, graceOver]);
    cancelGrace?.();
    if (first === 'done') return;

    // Handlers that ignore their AbortSignal: put their tasks back and stop waiting; whatever they
    // finish later is discarded because the lease is gone.
    const stragglers = [...runs.values()];
    runs.clear();
    await Promise.all(
      stragglers.map(async (run) => {
        interrupt(run, 'the task queue stopped');
        log.warn({ taskId: run.task.id, type: run.task.type }, 'task handler ignored the stop signal; requeued');
        try {
          const written = await store.apply(run.task.id, requeue(run.lease, clock.now()));
          if (written) options.onChanged(written);
        } catch (error) {
          log.error({ error: briefly(error), taskId: run.task.id }, 'could not requeue a task at stop');
        }
      }),
    );
  }

  function interrupt(run: Run, reason: string): void {
    run.interrupted = true;
    run.controller.abort(new Error(reason));
  }

  return {
    get running() {
      return started;
    },
    start() {
      if (started) return;
      started = true;
      stopOnlineWatch = options.onlineChanges?.((online) => {
        if (online) wake();
      });
      wake();
    },
    stop,
    wake,
    async settled() {
      while (pass) await pass;
    },
    abortRun(id, reason) {
      const run = runs.get(id);
      if (!run) return;
      run.cancelled = true;
      run.controller.abort(new Error(reason));
    },
    isOwnLease(lease) {
      return lease !== undefined && lease.startsWith(`${instanceId}:`);
    },
  };
}

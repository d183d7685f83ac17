// The durable task queue (replaces Celery + Redis): background jobs are documents in the `tasks`
// collection, so they survive a crash or restart, retry with backoff, wait while offline, and
// report status and progress on the event bus (streamed to the UI over SSE).
import {
  type Task,
  type TaskProgress,
  type TaskStatus,
  FINISHED_TASK_STATUSES,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  TASK_MAX_ATTEMPTS_LIMIT,
  TASK_PRIORITY_LIMIT,
  TASK_TYPE_MAX_LENGTH,
} from '../../../shared/schemas/task.js';
import type { TaskEventPayloads } from '../../../shared/api/events.js';
import { EPOCH_MS_MAX } from '../../../shared/schemas/base.js';
import type { Clock } from '../clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { EventBus, type Unsubscribe } from '../events.js';
import type { Log } from '../log.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { createScheduler, type TaskHandler } from './scheduler.js';
import { createTaskStore, taskIdFor, type TaskCollection, type TaskListFilter } from './task-store.js';
import { CANCELLABLE, RETRYABLE, cancel, recoverAbandoned, retry, type Transition } from './task-transitions.js';

export type { TaskContext, TaskHandler, TaskResult } from './scheduler.js';
export type { TaskCollection, TaskListFilter } from './task-store.js';
export { PermanentTaskError } from './task-failure.js';

// Defined in shared/api/events.ts with the other streamed events, so the renderer reads the same shapes.
export type TaskEvents = TaskEventPayloads;

/**
 * The part of an EventBus the queue uses. Written out rather than `EventBus<TaskEvents>` so that an
 * app-wide `EventBus<AppEvents>` carrying these events among others can be passed in.
 */
export interface TaskEventBus {
  on<K extends keyof TaskEvents>(type: K, listener: (payload: TaskEvents[K]) => void): Unsubscribe;
  emit<K extends keyof TaskEvents>(type: K, payload: TaskEvents[K]): void;
}

export interface EnqueueInput {
  type: string;
  payload?: Record<string, unknown>;
  /** Enqueueing the same key again returns the first task instead of adding another. */
  idempotencyKey?: string;
  maxAttempts?: number;
  /** Earliest start, epoch ms; now when omitted. */
  runAt?: number;
  /** -1000..1000, higher runs first; 0 when omitted. */
  priority?: number;
  /** Waits, without failing, while the device is offline. */
  needsNetwork?: boolean;
}

export interface TaskQueueOptions {
  collection: TaskCollection;
  clock: Clock;
  log: Log;
  isOnline: () => boolean;
  /** Subscribes to connectivity changes; network tasks resume when it reports `true`. */
  onlineChanges?: (listener: (online: boolean) => void) => Unsubscribe;
  /** [0, 1) source for backoff jitter; tests pass a seeded one. */
  random?: () => number;
  /** Where 'task.changed' and 'task.progress' go; the queue makes its own bus when omitted. */
  events?: TaskEventBus;
  /**
   * This device. When given, new tasks carry it and the queue runs only tasks whose `deviceId` is
   * this one (the database stamps the last writer), so tasks replicated from another device are
   * left to that device. When omitted, every task in the collection is this queue's.
   */
  deviceId?: string;
  /** Simultaneous runs per type; 1 for a type not listed. */
  concurrency?: Readonly<Record<string, number>>;
  /** Simultaneous runs over all types. */
  maxRunning?: number;
  defaultMaxAttempts?: number;
  backoff?: BackoffPolicy;
  handlers?: Readonly<Record<string, TaskHandler>>;
  /** How long `stop` waits for handlers before requeueing their tasks regardless. */
  stopGraceMs?: number;
}

export interface TaskQueue {
  readonly events: TaskEventBus;
  /** True between `start()` and `stop()`. */
  readonly running: boolean;
  enqueue(input: EnqueueInput): Promise<Task>;
  register(type: string, handler: TaskHandler): void;
  /** @throws NotFoundError */
  get(id: string): Promise<Task>;
  list(filter?: TaskListFilter): Promise<Task[]>;
  /** Cancels a queued or running task (its handler's signal is aborted); @throws ConflictError if finished. */
  cancel(id: string): Promise<Task>;
  /** Queues a failed, dead or cancelled task again with fresh attempts; @throws ConflictError otherwise. */
  retry(id: string): Promise<Task>;
  /** Puts tasks a crashed process left `running` back to `queued`; returns how many. Call before start. */
  recover(): Promise<number>;
  start(): void;
  /** Stops claiming; aborts running handlers (or, with drain, lets them finish) and requeues what was cut short. */
  stop(options?: { drain?: boolean }): Promise<void>;
  /** Resolves when the scheduler has finished claiming what it can claim right now. */
  settled(): Promise<void>;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
const TYPE_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]*(\.[a-zA-Z][a-zA-Z0-9_-]*)*$/;

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(`${name} must be a whole number from ${min} to ${max}`, { [name]: value });
  }
}

export function createTaskQueue(options: TaskQueueOptions): TaskQueue {
  const { clock, log } = options;
  const events: TaskEventBus = options.events ?? new EventBus<TaskEvents>();
  const deviceId = options.deviceId;
  const store = createTaskStore(options.collection);
  const handlers = new Map<string, TaskHandler>(Object.entries(options.handlers ?? {}));
  const defaultMaxAttempts = options.defaultMaxAttempts ?? DEFAULT_MAX_ATTEMPTS;

  const emitChanged = (task: Task) => events.emit('task.changed', { id: task.id, type: task.type, status: task.status });
  const scheduler = createScheduler({
    store,
    clock,
    log,
    isOnline: options.isOnline,
    ...(options.onlineChanges ? { onlineChanges: options.onlineChanges } : {}),
    random: options.random ?? Math.random,
    deviceId,
    handlers,
    concurrency: options.concurrency ?? {},
    maxRunning: options.maxRunning ?? 4,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    stopGraceMs: options.stopGraceMs ?? 30_000,
    onChanged: emitChanged,
    onProgress: (task: Task, progress: TaskProgress) => events.emit('task.progress', { id: task.id, type: task.type, ...progress }),
  });

  async function get(id: string): Promise<Task> {
    const task = await store.get(id);
    if (!task) throw new NotFoundError(`task ${id} not found`, { id });
    return task;
  }

  /** Applies a user-requested transition, or explains why the task is not in a state that allows it. */
  async function change(id: string, transition: Transition, allowed: readonly TaskStatus[], verb: string): Promise<Task> {
    const written = await store.apply(id, transition);
    if (written) {
      emitChanged(written);
      return written;
    }
    const current = await get(id);
    throw new ConflictError(`task ${id} is ${current.status} and cannot be ${verb}`, { id, status: current.status, allowed });
  }

  return {
    events,
    get running() {
      return scheduler.running;
    },

    async enqueue(input) {
      if (!TYPE_PATTERN.test(input.type) || input.type.length > TASK_TYPE_MAX_LENGTH) {
        throw new ValidationError('task type must look like "resume.parse"', { type: input.type });
      }
      const maxAttempts = input.maxAttempts ?? defaultMaxAttempts;
      const priority = input.priority ?? 0;
      const now = clock.now();
      const runAt = input.runAt ?? now;
      checkInteger('maxAttempts', maxAttempts, 1, TASK_MAX_ATTEMPTS_LIMIT);
      checkInteger('priority', priority, -TASK_PRIORITY_LIMIT, TASK_PRIORITY_LIMIT);
      checkInteger('runAt', runAt, 0, EPOCH_MS_MAX);
      const key = input.idempotencyKey;
      if (key !== undefined && (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH)) {
        throw new ValidationError(`idempotencyKey must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`);
      }
      const task: Task = {
        id: taskIdFor(input.idempotencyKey),
        type: input.type,
        // A copy the caller cannot mutate later, holding only what JSON can store.
        payload: JSON.parse(JSON.stringify(input.payload ?? {})) as Record<string, unknown>,
        status: 'queued',
        attempts: 0,
        maxAttempts,
        runAt,
        priority,
        needsNetwork: input.needsNetwork ?? false,
        createdAt: now,
        updatedAt: now,
        // The database's write stamp replaces this with its own device id when it has hooks.
        deviceId: deviceId ?? 'local',
        ...(input.idempotencyKey === undefined ? {} : { idempotencyKey: input.idempotencyKey }),
      };
      const { task: stored, inserted } = await store.insertIfAbsent(task);
      if (!inserted) {
        if (stored.type !== task.type) {
          throw new ConflictError('this idempotency key already belongs to a task of another type', {
            id: stored.id,
            type: stored.type,
          });
        }
        return stored;
      }
      emitChanged(stored);
      scheduler.wake();
      return stored;
    },

    register(type, handler) {
      if (handlers.has(type)) throw new ConflictError(`a handler for "${type}" is already registered`, { type });
      handlers.set(type, handler);
      scheduler.wake();
    },

    get,
    list: (filter = {}) => store.list(filter),

    async cancel(id) {
      const current = await get(id);
      if (current.status === 'cancelled') return current;
      const cancelled = await change(id, cancel(clock.now()), CANCELLABLE, 'cancelled');
      scheduler.abortRun(id, 'the task was cancelled');
      return cancelled;
    },

    async retry(id) {
      const retried = await change(id, retry(clock.now()), RETRYABLE, 'retried');
      scheduler.wake();
      return retried;
    },

    async recover() {
      let recovered = 0;
      for (const task of await store.findRunning(deviceId)) {
        const written = await store.apply(task.id, recoverAbandoned(scheduler.isOwnLease, clock.now()));
        if (!written) continue;
        recovered++;
        emitChanged(written);
        log.info({ taskId: written.id, type: written.type, status: written.status }, 'recovered an interrupted task');
      }
      scheduler.wake();
      return recovered;
    },

    start: () => scheduler.start(),
    stop: ({ drain = false } = {}) => scheduler.stop(drain),
    settled: () => scheduler.settled(),
  };
}

/** True when a task will not run again unless retried. */
export function isFinished(status: TaskStatus): boolean {
  return FINISHED_TASK_STATUSES.includes(status);
}

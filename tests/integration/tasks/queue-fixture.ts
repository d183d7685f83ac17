// Shared set-up for the task queue tests: a real RxDB database (dev-mode, ajv validation, the
// app's write-stamp hooks) holding the `tasks` collection, a FakeClock, and small helpers that wait
// for queue events instead of sleeping.
import { randomUUID } from 'node:crypto';
import type { RxDatabase, RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { Task, TaskStatus } from '../../../src/shared/schemas/task.js';
import { taskRxSchema } from '../../../src/shared/schemas/task.js';
import { FakeClock } from '../../../src/main/core/clock.js';
import { openRxDatabase } from '../../../src/main/core/db/database.js';
import { addWriteStampHooks } from '../../../src/main/core/db/write-stamp.js';
import { silentLog } from '../../../src/main/core/log.js';
import {
  createTaskQueue,
  type TaskCollection,
  type TaskQueue,
  type TaskQueueOptions,
} from '../../../src/main/core/tasks/queue.js';

export const DEVICE_ID = 'device-test-1';

export type TasksDatabase = RxDatabase<{ tasks: TaskCollection }>;

export function uniqueDatabaseName(): string {
  return `tasks-${randomUUID()}`;
}

/** Opens (or reopens, with the same name and storage) a database holding only `tasks`. */
export async function openTasksDatabase(
  clock: FakeClock,
  name = uniqueDatabaseName(),
  storage: RxStorage<unknown, unknown> = getRxStorageMemory() as RxStorage<unknown, unknown>,
): Promise<TasksDatabase> {
  const db = await openRxDatabase<{ tasks: TaskCollection }>({ storage, name, devMode: true });
  await db.addCollections({ tasks: { schema: taskRxSchema } });
  addWriteStampHooks(db.tasks, { deviceId: DEVICE_ID, clock });
  return db;
}

export interface QueueHarness {
  db: TasksDatabase;
  clock: FakeClock;
  queue: TaskQueue;
  /** Every 'task.changed' event, in order. */
  changes: { id: string; status: TaskStatus }[];
  close(): Promise<void>;
}

export async function createQueueHarness(
  options: Partial<Omit<TaskQueueOptions, 'collection' | 'clock'>> = {},
  existing?: { db: TasksDatabase; clock: FakeClock },
): Promise<QueueHarness> {
  const clock = existing?.clock ?? new FakeClock();
  const db = existing?.db ?? (await openTasksDatabase(clock));
  const queue = createTaskQueue({
    collection: db.tasks,
    clock,
    log: silentLog,
    isOnline: () => true,
    deviceId: DEVICE_ID,
    ...options,
  });
  const changes: QueueHarness['changes'] = [];
  queue.events.on('task.changed', ({ id, status }) => changes.push({ id, status }));
  return {
    db,
    clock,
    queue,
    changes,
    async close() {
      await queue.stop();
      if (!db.closed) await db.close();
    },
  };
}

/** Resolves with the task once `predicate` holds for it (checked now and after each of its changes). */
export async function waitForTask(queue: TaskQueue, id: string, predicate: (task: Task) => boolean): Promise<Task> {
  return new Promise<Task>((resolve, reject) => {
    let checking = Promise.resolve();
    const check = () => {
      checking = checking.then(async () => {
        const task = await queue.get(id);
        if (predicate(task)) {
          off();
          resolve(task);
        }
      });
      checking.catch(reject);
    };
    // Subscribe before the first read, so a change between the two cannot be missed.
    const off = queue.events.on('task.changed', (event) => {
      if (event.id === id) check();
    });
    check();
  });
}

/** Resolves with the task once it has `status` (at once if it already has). */
export function waitForStatus(queue: TaskQueue, id: string, status: TaskStatus): Promise<Task> {
  return waitForTask(queue, id, (task) => task.status === status);
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A deterministic [0, 1) generator (mulberry32), so jittered delays are known in advance. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lets handlers report when they start, so a test can wait for "n handlers are running". */
export class StartLog<T = Task> {
  readonly started: T[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  record(item: T): void {
    this.started.push(item);
    this.waiters = this.waiters.filter((waiter) => {
      if (this.started.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  }

  untilCount(count: number): Promise<void> {
    if (this.started.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}

// Reads and writes of the `tasks` collection for the queue. Each state change is ONE conditional
// RxDB write (incrementalModify re-runs the transition on the newest revision after a conflict),
// so a crash between two steps never leaves a task half-changed.
import { createHash, randomUUID } from 'node:crypto';
import { rxStorageWriteErrorToRxError, type MangoQuerySelector, type RxCollection, type RxDocument } from 'rxdb';
import type { Task, TaskStatus } from '../../../shared/schemas/task.js';
import type { Transition } from './task-transitions.js';

export type TaskCollection = RxCollection<Task>;

/**
 * The id of a task enqueued with an idempotency key is the key's SHA-256 (64 hex chars, the id's
 * maximum), so two enqueues with the same key race on one primary key and the storage keeps one.
 */
export function taskIdFor(idempotencyKey: string | undefined): string {
  if (idempotencyKey === undefined) return randomUUID();
  return createHash('sha256').update(idempotencyKey, 'utf8').digest('hex');
}

export interface ClaimableFilter {
  now: number;
  /** Only tasks last written by this device; any device when undefined. */
  deviceId: string | undefined;
  /** Types that have a handler and a free concurrency slot. */
  types: readonly string[];
  includeNetworkTasks: boolean;
  limit: number;
}

export interface TaskListFilter {
  status?: TaskStatus | readonly TaskStatus[];
  type?: string;
  limit?: number;
}

export interface TaskStore {
  /** Inserts `task` unless a task with its id exists; returns whichever is stored. */
  insertIfAbsent(task: Task): Promise<{ task: Task; inserted: boolean }>;
  get(id: string): Promise<Task | undefined>;
  list(filter: TaskListFilter): Promise<Task[]>;
  /** Due queued tasks, most urgent first: higher priority, then earlier runAt, then id. */
  findClaimable(filter: ClaimableFilter): Promise<Task[]>;
  /** The earliest future runAt among queued tasks the filter allows, to set the wake-up timer. */
  nextRunAt(filter: Omit<ClaimableFilter, 'limit'>): Promise<number | undefined>;
  findRunning(deviceId: string | undefined): Promise<Task[]>;
  /** Applies `transition` in one write; returns the written task, or undefined if it declined. */
  apply(id: string, transition: Transition): Promise<Task | undefined>;
}

function plain(doc: RxDocument<Task>): Task {
  return doc.toMutableJSON() as Task;
}

function queuedSelector(filter: Omit<ClaimableFilter, 'limit'>): MangoQuerySelector<Task> {
  return {
    status: 'queued',
    ...(filter.deviceId === undefined ? {} : { deviceId: filter.deviceId }),
    type: { $in: [...filter.types] },
    ...(filter.includeNetworkTasks ? {} : { needsNetwork: false }),
  };
}

export function createTaskStore(collection: TaskCollection): TaskStore {
  return {
    async insertIfAbsent(task) {
      const { success, error } = await collection.bulkInsert([task]);
      const written = success[0];
      if (written) return { task: plain(written), inserted: true };
      const failure = error[0];
      if (!failure) throw new Error(`inserting task ${task.id} wrote nothing`);
      if (failure.status !== 409) throw rxStorageWriteErrorToRxError(failure);
      // 409: the same idempotency key won (maybe a moment ago, from a concurrent enqueue).
      const existing = await collection.findOne(task.id).exec();
      if (!existing) throw new Error(`task ${task.id} conflicted but cannot be read`);
      return { task: plain(existing), inserted: false };
    },

    async get(id) {
      const doc = await collection.findOne(id).exec();
      return doc ? plain(doc) : undefined;
    },

    async list({ status, type, limit }) {
      const selector: MangoQuerySelector<Task> = {};
      if (typeof status === 'string') selector.status = status;
      else if (status) selector.status = { $in: [...status] };
      if (type !== undefined) selector.type = type;
      const docs = await collection
        .find({ selector, sort: [{ createdAt: 'desc' }, { id: 'asc' }], ...(limit ? { limit } : {}) })
        .exec();
      return docs.map(plain);
    },

    async findClaimable(filter) {
      if (filter.types.length === 0 || filter.limit <= 0) return [];
      const docs = await collection
        .find({
          selector: { ...queuedSelector(filter), runAt: { $lte: filter.now } },
          sort: [{ priority: 'desc' }, { runAt: 'asc' }, { id: 'asc' }],
          limit: filter.limit,
        })
        .exec();
      return docs.map(plain);
    },

    async nextRunAt(filter) {
      if (filter.types.length === 0) return undefined;
      const doc = await collection
        .findOne({ selector: { ...queuedSelector(filter), runAt: { $gt: filter.now } }, sort: [{ runAt: 'asc' }] })
        .exec();
      return doc?.runAt;
    },

    async findRunning(deviceId) {
      const selector: MangoQuerySelector<Task> = { status: 'running', ...(deviceId === undefined ? {} : { deviceId }) };
      const docs = await collection.find({ selector }).exec();
      return docs.map(plain);
    },

    async apply(id, transition) {
      const doc = await collection.findOne(id).exec();
      // Checking the cached copy first avoids a pointless write when the answer is already no.
      if (!doc || !transition(doc.toMutableJSON() as Task)) return undefined;
      let applied = false;
      const written = await doc.incrementalModify((draft: Task) => {
        applied = transition(draft);
        return draft;
      });
      return applied ? plain(written) : undefined;
    },
  };
}

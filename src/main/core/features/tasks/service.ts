// The background-task panel's view of the durable queue: list and read tasks, and cancel or retry
// one on a user's request (recorded in the activity log). The queue itself decides which state
// changes are allowed; this only pages, strips the queue's internals and records who asked.
import type { MangoQuerySelector, MangoQuerySortPart } from 'rxdb';
import type { TaskListQuery, TaskOut } from '../../../../shared/api/tasks.js';
import type { Task } from '../../../../shared/schemas/task.js';
import type { AppDatabase } from '../../db/database.js';
import type { TaskQueue } from '../../tasks/queue.js';
import type { ActivityLog } from '../activities/service.js';
import { findPage } from '../candidates/find-page.js';

export interface TaskPageOut {
  items: TaskOut[];
  total: number;
  limit: number;
  skip: number;
}

export interface TaskService {
  list(query: TaskListQuery): Promise<TaskPageOut>;
  /** @throws NotFoundError */
  get(id: string): Promise<TaskOut>;
  /** @throws NotFoundError, ConflictError when the task has already finished */
  cancel(actorId: string, id: string): Promise<TaskOut>;
  /** @throws NotFoundError, ConflictError unless the task failed, died or was cancelled */
  retry(actorId: string, id: string): Promise<TaskOut>;
}

/** The lease belongs to the queue run holding the task; the UI has no use for it. */
function shown(task: Task): TaskOut {
  const { leaseOwner: _lease, ...out } = task;
  return out;
}

export function createTaskService({ db, queue, activities }: { db: AppDatabase; queue: TaskQueue; activities: ActivityLog }): TaskService {
  async function record(actorId: string, task: Task, verb: 'cancelled' | 'retried'): Promise<void> {
    await activities.record({
      actorId,
      action: `task.${verb}`,
      subjectType: 'task',
      subjectId: task.id,
      summary: `${verb === 'cancelled' ? 'Cancelled' : 'Retried'} background task ${task.type}`,
      details: { type: task.type, status: task.status },
    });
  }

  return {
    async list(query) {
      const limit = query.limit ?? 20;
      const skip = query.skip ?? 0;
      const selector: MangoQuerySelector<Task> = {
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.type === undefined ? {} : { type: query.type }),
      };
      const sort: MangoQuerySortPart<Task>[] = [{ createdAt: 'desc' }, { id: 'desc' }];
      const page = await findPage(db.tasks, { selector, sort, limit, skip });
      return { items: page.items.map(shown), total: page.total, limit, skip };
    },

    get: async (id) => shown(await queue.get(id)),

    async cancel(actorId, id) {
      const before = await queue.get(id);
      const task = await queue.cancel(id);
      // Cancelling an already-cancelled task changes nothing, so there is nothing to record.
      if (before.status !== 'cancelled') await record(actorId, task, 'cancelled');
      return shown(task);
    },

    async retry(actorId, id) {
      const task = await queue.retry(id);
      await record(actorId, task, 'retried');
      return shown(task);
    },
  };
}

// The `tasks` collection: one document per background job of the durable task queue (replaces
// Celery + Redis). This TypeBox shape is the one source for the TypeScript type, the REST API and
// the RxDB collection schema.
import { Type, type Static } from 'typebox';
import { Count, EpochMs, NonEmptyText, StringEnum, SyncedDocument, Text } from './base.js';
import { toRxSchema } from './rx-schema.js';

export const TASK_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'dead', 'cancelled'] as const;

/**
 * queued: waiting for `runAt` (first run, or a retry after backoff); running: claimed by a queue;
 * succeeded: done, `result` stored; failed: the handler reported an error retrying cannot fix;
 * dead: every allowed attempt failed, `lastError` keeps the last one; cancelled: stopped on request.
 */
export const TaskStatusSchema = StringEnum([...TASK_STATUSES]);
export type TaskStatus = Static<typeof TaskStatusSchema>;

/** Statuses a task does not leave unless someone retries it. */
export const FINISHED_TASK_STATUSES: readonly TaskStatus[] = ['succeeded', 'failed', 'dead', 'cancelled'];

export const TASK_TYPE_MAX_LENGTH = 64;
export const TASK_ERROR_MESSAGE_MAX = 1000;
export const TASK_PROGRESS_MESSAGE_MAX = 500;
export const TASK_MAX_ATTEMPTS_LIMIT = 100;
export const TASK_PRIORITY_LIMIT = 1000;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 512;

export const TaskProgressSchema = Type.Object(
  {
    done: Count(),
    total: Count(),
    message: Type.Optional(Text(TASK_PROGRESS_MESSAGE_MAX)),
  },
  { additionalProperties: false },
);
export type TaskProgress = Static<typeof TaskProgressSchema>;

export const TaskErrorSchema = Type.Object(
  {
    message: NonEmptyText(TASK_ERROR_MESSAGE_MAX, { description: "The error's own message, credentials masked." }),
    code: NonEmptyText(64, { description: "A stable code, e.g. a domain error's code or 'HANDLER_ERROR'." }),
  },
  { additionalProperties: false },
);
export type TaskError = Static<typeof TaskErrorSchema>;

export const TaskSchema = SyncedDocument(
  {
    type: NonEmptyText(TASK_TYPE_MAX_LENGTH, { description: "What to do, e.g. 'resume.parse'." }),
    payload: Type.Record(Type.String(), Type.Unknown(), { description: "The handler's input." }),
    status: TaskStatusSchema,
    attempts: Count({ description: 'Runs started so far; a run cut short by a crash counts.' }),
    maxAttempts: Type.Integer({ minimum: 1, maximum: TASK_MAX_ATTEMPTS_LIMIT }),
    runAt: EpochMs({ description: 'Earliest time the task may run (next), epoch ms.' }),
    priority: Type.Integer({
      minimum: -TASK_PRIORITY_LIMIT,
      maximum: TASK_PRIORITY_LIMIT,
      description: 'Higher runs first among due tasks.',
    }),
    idempotencyKey: Type.Optional(
      NonEmptyText(IDEMPOTENCY_KEY_MAX_LENGTH, { description: 'Enqueueing the same key again gives this task back.' }),
    ),
    progress: Type.Optional(TaskProgressSchema),
    lastError: Type.Optional(TaskErrorSchema),
    result: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: "The handler's output." })),
    needsNetwork: Type.Boolean({ description: 'Waits, without failing, while the device is offline.' }),
    startedAt: Type.Optional(EpochMs({ description: 'Start of the latest run.' })),
    finishedAt: Type.Optional(EpochMs({ description: 'End of the last run, once finished.' })),
    leaseOwner: Type.Optional(Text(128, { description: 'The queue run holding the task while it is running.' })),
  },
  { description: 'A background job of the durable task queue.' },
);
export type Task = Static<typeof TaskSchema>;

/**
 * `[status, runAt]` serves claiming due work and the wake-up timer; `[type, status]` listing one
 * kind of task.
 */
export const taskRxSchema = toRxSchema(TaskSchema, {
  version: 0,
  primaryKey: 'id',
  description: 'tasks',
  indexes: [
    ['status', 'runAt'],
    ['type', 'status'],
  ],
});

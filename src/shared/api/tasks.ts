// Request and response shapes of the background-task API (the UI's task panel, and polling a task
// by id), built from the tasks collection schema.
import { Type, type Static } from 'typebox';
import { TaskSchema, TaskStatusSchema } from '../schemas/task.js';
import { Page, PageQuery } from './common.js';

export const TaskParams = Type.Object({ task_id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export type TaskParams = Static<typeof TaskParams>;

/** A task as the API shows it: everything but the queue's lease bookkeeping. */
export const TaskOut = Type.Omit(TaskSchema, ['leaseOwner'], { additionalProperties: false });
export type TaskOut = Static<typeof TaskOut>;

export const TaskPage = Page(TaskOut);
export type TaskPage = Static<typeof TaskPage>;

export const TaskListQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(TaskStatusSchema),
    type: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "Only tasks of this type, e.g. 'resume.parse'." })),
  },
  { additionalProperties: false },
);
export type TaskListQuery = Static<typeof TaskListQuery>;

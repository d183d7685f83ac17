// Every event published on the core's one EventBus: the queue's task events plus each feature's
// own. The SSE endpoint streams them to the renderer; features subscribe to each other's here.
// Each feature adds its events as one entry below; payloads are small, plain JSON.
import type { Application } from '../../shared/schemas/application.js';
import type { Job } from '../../shared/schemas/job.js';
import { EventBus } from './events.js';
import type { TaskEvents } from './tasks/queue.js';

export type AppEvents = TaskEvents & {
  /** A résumé was stored, parsed, failed, re-parsed, analysed or deleted. */
  'resume.changed': { id: string; status: string; candidateId?: string; importId?: string };
  /** An analysis finished, completed or failed (other features, e-mail among them, subscribe). */
  'analysis.completed': { id: string; resumeId: string; jobId?: string; status: 'completed' | 'failed'; provider: string };
  /** A job was written or deleted, here or by replication (from its collection's change stream). */
  'job.changed': Pick<Job, 'id'> & { status?: Job['status']; deleted: boolean };
  /** An application was written or deleted, here or by replication: ids and status only. */
  'application.changed': Pick<Application, 'id' | 'jobId' | 'candidateId' | 'status'> & { deleted: boolean };
};

export type AppEventBus = EventBus<AppEvents>;

/**
 * Every event name, for subscribers that take them all (the SSE stream). `satisfies` makes adding an
 * event to AppEvents without listing it here a compile error, so a new event is streamed at once.
 */
const EVENT_NAME_SET = {
  'task.changed': true,
  'task.progress': true,
  'resume.changed': true,
  'analysis.completed': true,
  'job.changed': true,
  'application.changed': true,
} as const satisfies Record<keyof AppEvents, true>;

export type AppEventName = keyof AppEvents;
export const APP_EVENT_NAMES = Object.keys(EVENT_NAME_SET) as readonly AppEventName[];

export function createAppEventBus(): AppEventBus {
  return new EventBus<AppEvents>();
}

// Every event published on the core's one EventBus: the queue's task events plus each feature's
// own. The SSE endpoint streams them to the renderer; features subscribe to each other's here.
// The payloads are defined once in shared/api/events.ts, where the renderer reads them too; each
// feature adds its events there and lists the name below.
import type { AppEventPayloads } from '../../shared/api/events.js';
import { EventBus } from './events.js';

export type AppEvents = AppEventPayloads;

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

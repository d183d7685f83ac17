// Every event published on the core's one EventBus: the queue's task events plus each feature's
// own. The SSE endpoint streams them to the renderer; features subscribe to each other's here.
// Each feature adds its events as one entry below; payloads are small, plain JSON.
import { EventBus } from './events.js';
import type { TaskEvents } from './tasks/queue.js';

export type AppEvents = TaskEvents & {
  /** A résumé was stored, parsed, failed, re-parsed, analysed or deleted. */
  'resume.changed': { id: string; status: string; candidateId?: string; importId?: string };
};

export type AppEventBus = EventBus<AppEvents>;

export function createAppEventBus(): AppEventBus {
  return new EventBus<AppEvents>();
}

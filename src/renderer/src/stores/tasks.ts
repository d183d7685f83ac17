// Background tasks for the always-visible indicator: the unfinished ones, kept current by the
// event stream (task.changed / task.progress) with a fetch of the list when the stream (re)opens.
import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/api/client';
import type { EventStream } from '../../../shared/api/event-stream';
import type { TaskChanged } from '../../../shared/api/events';
import type { TaskOut } from '../../../shared/api/tasks';
import type { TaskStatus } from '../../../shared/schemas/task';
import { messageOf, type LoadStatus } from './load-status';

const ACTIVE: readonly TaskStatus[] = ['queued', 'running'];

export interface TasksState {
  /** Unfinished tasks by id. */
  active: ReadonlyMap<string, TaskOut>;
  recentlyFailed: number;
  status: LoadStatus;
  error: string | null;
  refresh(): Promise<void>;
  cancel(id: string): Promise<void>;
  /** Starts following the event stream; returns the function that stops it. */
  follow(stream: EventStream): () => void;
}

export function createTasksStore({ api }: { api: ApiClient }) {
  return createStore<TasksState>()((set, get) => ({
    active: new Map(),
    recentlyFailed: 0,
    status: 'idle',
    error: null,

    async refresh() {
      try {
        const [running, queued] = await Promise.all([api.tasks.list({ status: 'running', limit: 100 }), api.tasks.list({ status: 'queued', limit: 100 })]);
        set({ active: new Map([...running.items, ...queued.items].map((t) => [t.id, t])), status: 'ready', error: null });
      } catch (error) {
        set({ status: 'error', error: messageOf(error) });
      }
    },

    async cancel(id) {
      try {
        await api.tasks.cancel(id);
        set((state) => {
          const active = new Map(state.active);
          active.delete(id);
          return { active };
        });
      } catch (error) {
        set({ error: messageOf(error) });
      }
    },

    follow(stream) {
      const offChanged = stream.subscribe('task.changed', (event) => {
        set((state) => {
          const active = new Map(state.active);
          const known = active.get(event.id);
          if (ACTIVE.includes(event.status)) {
            active.set(event.id, known ? { ...known, status: event.status } : placeholderTask(event));
          } else {
            active.delete(event.id);
          }
          const failed = event.status === 'failed' || event.status === 'dead' ? state.recentlyFailed + 1 : state.recentlyFailed;
          return { active, recentlyFailed: failed };
        });
      });
      const offProgress = stream.subscribe('task.progress', (event) => {
        set((state) => {
          const known = state.active.get(event.id);
          const base = known ?? placeholderTask({ id: event.id, type: event.type, status: 'running' });
          const active = new Map(state.active);
          active.set(event.id, { ...base, progress: { done: event.done, total: event.total, ...(event.message ? { message: event.message } : {}) } });
          return { active };
        });
      });
      // After a reconnect or an overflow, events may have been missed: read the list again.
      const offOverflow = stream.subscribe('stream.overflow', () => void get().refresh());
      return () => {
        offChanged();
        offProgress();
        offOverflow();
      };
    },
  }));
}

/** A task known only from an event until the list is read again. */
function placeholderTask(event: TaskChanged): TaskOut {
  return {
    id: event.id,
    type: event.type,
    status: event.status,
    payload: {},
    attempts: 0,
    maxAttempts: 1,
    runAt: 0,
    priority: 0,
    needsNetwork: false,
    createdAt: 0,
    updatedAt: 0,
    deviceId: '',
  };
}

export type TasksStore = ReturnType<typeof createTasksStore>;

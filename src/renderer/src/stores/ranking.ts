// Ranking a job's applicants: the stored ranking, and the rank task while it runs (its progress from
// task.progress, its end from task.changed, after which the ranking is read again).
import { createStore } from 'zustand/vanilla';
import type { Ranking } from '../../../shared/api/analysis';
import type { ApiClient } from '../../../shared/api/client';
import type { EventStream } from '../../../shared/api/event-stream';
import type { TaskOut } from '../../../shared/api/tasks';
import type { AnalysisProvider } from '../../../shared/schemas/analysis';
import type { TaskStatus } from '../../../shared/schemas/task';
import { messageOf, type LoadStatus } from './load-status';

const RANK_TASK = 'analysis.rank';
const UNFINISHED: readonly TaskStatus[] = ['queued', 'running'];

export interface RankRun {
  taskId: string;
  jobId: string;
  status: TaskStatus;
  done: number;
  total: number;
  message?: string;
  /** Why the task failed, when it did. */
  error?: string;
}

export interface RankingState {
  jobId: string | null;
  ranking: Ranking | null;
  status: LoadStatus;
  error: string | null;
  /** The latest rank task of the job on screen, running or just finished. */
  run: RankRun | null;
  /** Shows the job's ranking, and a rank task of that job still running. */
  open(jobId: string): Promise<void>;
  load(): Promise<void>;
  rank(jobId: string, provider?: AnalysisProvider): Promise<void>;
  follow(stream: EventStream): () => void;
}

const jobOfTask = (task: TaskOut): string | undefined => {
  const jobId = (task.payload as { jobId?: unknown }).jobId;
  return typeof jobId === 'string' ? jobId : undefined;
};

export function createRankingStore({ api }: { api: ApiClient }) {
  return createStore<RankingState>()((set, get) => {
    async function finish(taskId: string): Promise<void> {
      try {
        const task = await api.tasks.get(taskId);
        if (get().run?.taskId !== taskId) return;
        const error = task.status === 'succeeded' ? undefined : task.lastError?.message ?? `The ranking ended: ${task.status}.`;
        set((state) => (state.run ? { run: { ...state.run, status: task.status, ...(error ? { error } : {}) } } : {}));
      } catch (error) {
        set({ error: messageOf(error) });
      }
      await get().load();
    }

    return {
      jobId: null,
      ranking: null,
      status: 'idle',
      error: null,
      run: null,

      async open(jobId) {
        if (get().jobId !== jobId) set({ jobId, ranking: null, run: null });
        await get().load();
        try {
          const [running, queued] = await Promise.all([
            api.tasks.list({ type: RANK_TASK, status: 'running', limit: 100 }),
            api.tasks.list({ type: RANK_TASK, status: 'queued', limit: 100 }),
          ]);
          const task = [...running.items, ...queued.items].find((t) => jobOfTask(t) === jobId);
          if (task && get().jobId === jobId && !get().run) {
            set({ run: { taskId: task.id, jobId, status: task.status, done: task.progress?.done ?? 0, total: task.progress?.total ?? 0 } });
          }
        } catch {
          // Only staff see tasks; without them the ranking still shows, just not a run in progress.
        }
      },

      async load() {
        const jobId = get().jobId;
        if (!jobId) return;
        set({ status: 'loading', error: null });
        try {
          const ranking = await api.analysis.ranking(jobId);
          if (get().jobId === jobId) set({ ranking, status: 'ready' });
        } catch (error) {
          if (get().jobId === jobId) set({ status: 'error', error: messageOf(error) });
        }
      },

      async rank(jobId, provider) {
        const { task_id } = await api.analysis.rank(jobId, provider ? { provider } : {});
        set({ jobId, run: { taskId: task_id, jobId, status: 'queued', done: 0, total: 0 } });
        // A short ranking can end before this answer arrives, its events already gone by: ask once.
        const task = await api.tasks.get(task_id);
        if (!UNFINISHED.includes(task.status)) await finish(task_id);
      },

      follow(stream) {
        const offProgress = stream.subscribe('task.progress', (event) => {
          const run = get().run;
          if (run?.taskId !== event.id) return;
          set({ run: { ...run, status: 'running', done: event.done, total: event.total, ...(event.message ? { message: event.message } : {}) } });
        });
        const offChanged = stream.subscribe('task.changed', (event) => {
          const run = get().run;
          if (run?.taskId !== event.id) return;
          set({ run: { ...run, status: event.status } });
          if (!UNFINISHED.includes(event.status)) void finish(event.id);
        });
        return () => {
          offProgress();
          offChanged();
        };
      },
    };
  });
}

export type RankingStore = ReturnType<typeof createRankingStore>;

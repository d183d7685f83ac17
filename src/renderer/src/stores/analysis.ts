// Analyses of the résumés on the candidate page: every analysis of each résumé, and "Analyse" kept
// live by the event stream (task.changed while an analysis is queued or running, analysis.completed
// when it ends), re-reading only the résumé the event is about.
import { createStore } from 'zustand/vanilla';
import type { AnalysisOut, AnalyzeAccepted, AnalyzeBody } from '../../../shared/api/analysis';
import type { ApiClient } from '../../../shared/api/client';
import type { EventStream } from '../../../shared/api/event-stream';
import type { JobOut } from '../../../shared/api/jobs';
import { MAX_PAGE_SIZE } from '../app/contract';
import { messageOf, type LoadStatus } from './load-status';

export interface AnalysisState {
  /** The résumés being shown, each with its analyses newest first. */
  byResume: ReadonlyMap<string, AnalysisOut[]>;
  status: LoadStatus;
  error: string | null;
  /** Jobs to analyse against (the newest open ones) and the titles of analysed jobs. */
  jobs: readonly Pick<JobOut, 'id' | 'title'>[];
  /** Shows the analyses of these résumés (the candidate page's), replacing the ones shown before. */
  open(resumeIds: readonly string[]): Promise<void>;
  /** Reads one résumé's analyses again. */
  reload(resumeId: string): Promise<void>;
  analyze(resumeId: string, body: AnalyzeBody): Promise<AnalyzeAccepted>;
  loadJobs(): Promise<void>;
  /** Starts following the event stream; returns the function that stops it. */
  follow(stream: EventStream): () => void;
}

const UNFINISHED: readonly AnalysisOut['status'][] = ['queued', 'running'];

export function createAnalysisStore({ api }: { api: ApiClient }) {
  // Bumped by open(), so the answers for an earlier candidate's résumés are dropped.
  let generation = 0;
  return createStore<AnalysisState>()((set, get) => {
    async function read(resumeId: string, gen: number): Promise<void> {
      const list = await api.analysis.forResume(resumeId);
      if (gen !== generation || !get().byResume.has(resumeId)) return;
      set((state) => ({ byResume: new Map(state.byResume).set(resumeId, list.items) }));
    }

    return {
      byResume: new Map(),
      status: 'idle',
      error: null,
      jobs: [],

      async open(resumeIds) {
        const gen = ++generation;
        set({ byResume: new Map(resumeIds.map((id) => [id, []])), status: resumeIds.length > 0 ? 'loading' : 'ready', error: null });
        try {
          await Promise.all(resumeIds.map((id) => read(id, gen)));
          if (gen === generation) set({ status: 'ready' });
        } catch (error) {
          if (gen === generation) set({ status: 'error', error: messageOf(error) });
        }
      },

      async reload(resumeId) {
        try {
          await read(resumeId, generation);
        } catch (error) {
          set({ error: messageOf(error) });
        }
      },

      async analyze(resumeId, body) {
        const accepted = await api.analysis.analyze(resumeId, body);
        await get().reload(resumeId);
        return accepted;
      },

      async loadJobs() {
        try {
          const page = await api.jobs.list({ status: 'open', limit: MAX_PAGE_SIZE, sort: '-createdAt' });
          set({ jobs: page.items.map((j) => ({ id: j.id, title: j.title })) });
        } catch (error) {
          set({ error: messageOf(error) });
        }
      },

      follow(stream) {
        const offCompleted = stream.subscribe('analysis.completed', (event) => {
          if (get().byResume.has(event.resumeId)) void get().reload(event.resumeId);
        });
        // queued → running shows on the task, not as an analysis event.
        const offTask = stream.subscribe('task.changed', (event) => {
          if (!event.type.startsWith('analysis.')) return;
          for (const [resumeId, analyses] of get().byResume) {
            if (analyses.some((a) => a.taskId === event.id && UNFINISHED.includes(a.status))) void get().reload(resumeId);
          }
        });
        return () => {
          offCompleted();
          offTask();
        };
      },
    };
  });
}

export type AnalysisStore = ReturnType<typeof createAnalysisStore>;

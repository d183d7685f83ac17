// Candidates: a windowed list (rows fetched a page at a time as they scroll into view, so 10k
// candidates never load at once) and the candidate being viewed with their applications.
import type { Static } from 'typebox';
import { createStore } from 'zustand/vanilla';
import type { ApplicationOut } from '../../../shared/api/applications';
import type { CandidateListItem, CandidateListQuery, CandidateOut, CandidateUpdateBody } from '../../../shared/api/candidates';
import type { ApiClient } from '../../../shared/api/client';
import type { ResumeOut, ResumeSummary } from '../../../shared/api/resumes';
import { MAX_PAGE_SIZE } from '../app/contract';
import { messageOf, type LoadStatus } from './load-status';

export type Candidate = Static<typeof CandidateOut>;
export type CandidateFilters = Omit<CandidateListQuery, 'limit' | 'skip'>;

const PAGE = MAX_PAGE_SIZE;

export interface CandidatesState {
  filters: CandidateFilters;
  /** Rows by their index in the filtered list; a missing index is not loaded yet. */
  rows: ReadonlyMap<number, CandidateListItem>;
  total: number;
  status: LoadStatus;
  error: string | null;

  candidate: Candidate | null;
  candidateStatus: LoadStatus;
  candidateError: string | null;
  applications: ApplicationOut[];
  resumes: ResumeSummary[];

  /** The résumé shown on the candidate page: its profile, and its PDF once downloaded. */
  resume: ResumeOut | null;
  resumePdf: Blob | null;
  resumeError: string | null;

  setFilters(change: Partial<CandidateFilters>): void;
  /** Starts the list over (first page). */
  reload(): Promise<void>;
  /** Loads whatever pages rows `from`..`to` (inclusive) fall in that are not loaded yet. */
  ensureRows(from: number, to: number): void;
  openCandidate(id: string): Promise<void>;
  update(id: string, body: CandidateUpdateBody): Promise<void>;
  openResume(id: string): Promise<void>;
  /** The candidate as a JSON Resume document, as a file to save. */
  exportJsonResume(id: string): Promise<Blob>;
}

export function createCandidatesStore({ api }: { api: ApiClient }) {
  // Bumped when the filters change, so pages of an earlier query are dropped when they arrive.
  let generation = 0;
  const requested = new Set<number>();

  return createStore<CandidatesState>()((set, get) => {
    async function loadPage(page: number, gen: number): Promise<void> {
      requested.add(page);
      try {
        const result = await api.candidates.list({ ...get().filters, limit: PAGE, skip: page * PAGE });
        if (gen !== generation) return;
        set((state) => {
          const rows = new Map(state.rows);
          result.items.forEach((candidate, i) => rows.set(page * PAGE + i, candidate));
          return { rows, total: result.total, status: 'ready' };
        });
      } catch (error) {
        // A late failure of an earlier query must not forget this query's request for the same page.
        if (gen !== generation) return;
        requested.delete(page);
        set({ status: 'error', error: messageOf(error) });
      }
    }

    return {
      filters: { sort: 'name', order: 'asc' },
      rows: new Map(),
      total: 0,
      status: 'idle',
      error: null,
      candidate: null,
      candidateStatus: 'idle',
      candidateError: null,
      applications: [],
      resumes: [],
      resume: null,
      resumePdf: null,
      resumeError: null,

      setFilters(change) {
        set((state) => ({ filters: { ...state.filters, ...change } }));
        void get().reload();
      },

      async reload() {
        generation++;
        requested.clear();
        set({ rows: new Map(), status: 'loading', error: null });
        await loadPage(0, generation);
      },

      ensureRows(from, to) {
        const first = Math.max(0, Math.floor(from / PAGE));
        const last = Math.floor(Math.min(to, Math.max(0, get().total - 1)) / PAGE);
        for (let page = first; page <= last; page++) {
          if (!requested.has(page)) void loadPage(page, generation);
        }
      },

      async openCandidate(id) {
        const other = get().candidate?.id !== id;
        set({ candidateStatus: 'loading', candidateError: null, ...(other ? { candidate: null, applications: [], resumes: [], resume: null, resumePdf: null, resumeError: null } : {}) });
        try {
          const [candidate, applications, resumes] = await Promise.all([
            api.candidates.get(id),
            api.applications.list({ candidate_id: id, limit: MAX_PAGE_SIZE, sort: 'updatedAt', order: 'desc' }),
            api.resumes.list({ candidate_id: id, limit: MAX_PAGE_SIZE }),
          ]);
          set({ candidate, applications: applications.items, resumes: resumes.items, candidateStatus: 'ready' });
        } catch (error) {
          set({ candidateStatus: 'error', candidateError: messageOf(error) });
        }
      },

      async openResume(id) {
        set({ resumeError: null, ...(get().resume?.id === id ? {} : { resume: null, resumePdf: null }) });
        try {
          const [resume, pdf] = await Promise.all([api.resumes.get(id), api.resumes.file(id)]);
          set({ resume, resumePdf: pdf });
        } catch (error) {
          set({ resumeError: messageOf(error) });
        }
      },

      async exportJsonResume(id) {
        const document = await api.candidates.jsonResume(id);
        return new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
      },

      async update(id, body) {
        const candidate = await api.candidates.update(id, body);
        set((state) => {
          const rows = new Map(state.rows);
          // The record changed; the row's best score and statuses did not.
          for (const [index, row] of rows) if (row.id === id) rows.set(index, { ...candidate, bestScore: row.bestScore, applicationStatuses: row.applicationStatuses });
          return { candidate: state.candidate?.id === id ? candidate : state.candidate, rows };
        });
      },
    };
  });
}

export type CandidatesStore = ReturnType<typeof createCandidatesStore>;

// Jobs: the searchable, paged list, the job being viewed and its pipeline board.
import { createStore } from 'zustand/vanilla';
import type { ApplicationOut } from '../../../shared/api/applications';
import type { ApiClient } from '../../../shared/api/client';
import type { JobCreateBody, JobListQuery, JobOut, JobPatchBody } from '../../../shared/api/jobs';
import type { ApplicationStatus } from '../../../shared/schemas/application';
import { messageOf, type LoadStatus } from './load-status';

export const JOBS_PAGE_SIZE = 20;
/** Applications the board shows per job; the pipeline of one job rarely holds more. */
const BOARD_LIMIT = 100;

export interface JobsState {
  query: JobListQuery;
  items: JobOut[];
  total: number;
  status: LoadStatus;
  error: string | null;

  job: JobOut | null;
  jobStatus: LoadStatus;
  jobError: string | null;
  applications: ApplicationOut[];
  applicationsTotal: number;

  setQuery(change: Partial<JobListQuery>): void;
  load(): Promise<void>;
  create(body: JobCreateBody): Promise<JobOut>;
  replace(id: string, body: JobCreateBody): Promise<JobOut>;
  update(id: string, body: JobPatchBody): Promise<JobOut>;
  remove(id: string, force: boolean): Promise<void>;
  seed(): Promise<number>;
  openJob(id: string): Promise<void>;
  /** Moves an application along the pipeline; the board shows the move at once and undoes it on failure. */
  move(applicationId: string, to: ApplicationStatus, note?: string): Promise<void>;
}

export function createJobsStore({ api }: { api: ApiClient }) {
  let listRequest = 0;
  return createStore<JobsState>()((set, get) => {
    const replaceInList = (job: JobOut) =>
      set((state) => ({ items: state.items.map((j) => (j.id === job.id ? job : j)), job: state.job?.id === job.id ? job : state.job }));

    return {
      query: { limit: JOBS_PAGE_SIZE, skip: 0, sort: '-createdAt' },
      items: [],
      total: 0,
      status: 'idle',
      error: null,
      job: null,
      jobStatus: 'idle',
      jobError: null,
      applications: [],
      applicationsTotal: 0,

      setQuery(change) {
        const resetsPage = Object.keys(change).some((key) => key !== 'skip');
        set((state) => ({ query: { ...state.query, ...change, ...(resetsPage ? { skip: 0 } : {}) } }));
        void get().load();
      },

      async load() {
        // Only the latest request may write the list, so fast typing in the search box cannot show stale results.
        const request = ++listRequest;
        set({ status: 'loading', error: null });
        try {
          const page = await api.jobs.list(get().query);
          if (request !== listRequest) return;
          set({ items: page.items, total: page.total, status: 'ready' });
        } catch (error) {
          if (request !== listRequest) return;
          set({ status: 'error', error: messageOf(error) });
        }
      },

      async create(body) {
        const job = await api.jobs.create(body);
        await get().load();
        return job;
      },

      async replace(id, body) {
        const job = await api.jobs.replace(id, body);
        replaceInList(job);
        return job;
      },

      async update(id, body) {
        const job = await api.jobs.update(id, body);
        replaceInList(job);
        return job;
      },

      async remove(id, force) {
        await api.jobs.remove(id, force);
        set((state) => ({ job: state.job?.id === id ? null : state.job }));
        await get().load();
      },

      async seed() {
        const result = await api.jobs.seed();
        await get().load();
        return result.inserted;
      },

      async openJob(id) {
        set({ jobStatus: 'loading', jobError: null, ...(get().job?.id === id ? {} : { job: null, applications: [] }) });
        try {
          const [job, applications] = await Promise.all([api.jobs.get(id), api.jobs.applications(id, { limit: BOARD_LIMIT, sort: 'updatedAt', order: 'desc' })]);
          set({ job, applications: applications.items, applicationsTotal: applications.total, jobStatus: 'ready' });
        } catch (error) {
          set({ jobStatus: 'error', jobError: messageOf(error) });
        }
      },

      async move(applicationId, to, note) {
        const before = get().applications;
        set({ applications: before.map((a) => (a.id === applicationId ? { ...a, status: to } : a)) });
        try {
          const moved = await api.applications.move(applicationId, { status: to, ...(note ? { note } : {}) });
          set((state) => ({ applications: state.applications.map((a) => (a.id === moved.id ? moved : a)) }));
        } catch (error) {
          set({ applications: before });
          throw error;
        }
      },
    };
  });
}

export type JobsStore = ReturnType<typeof createJobsStore>;

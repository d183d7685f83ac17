// Jobs: the searchable, paged list, the job being viewed and its pipeline board, kept live by the
// event stream: 'job.changed' and 'application.changed' (any writer: another window, the REST API,
// a sync from another device) read again only what they are about, a burst of them as one request.
import { createStore } from 'zustand/vanilla';
import type { ApplicationOut } from '../../../shared/api/applications';
import { ApiError, type ApiClient } from '../../../shared/api/client';
import type { EventStream } from '../../../shared/api/event-stream';
import type { JobCreateBody, JobListQuery, JobOut, JobPatchBody } from '../../../shared/api/jobs';
import type { ApplicationStatus } from '../../../shared/schemas/application';
import { createBoardOrder } from './board-order';
import { messageOf, type LoadStatus } from './load-status';

export const JOBS_PAGE_SIZE = 20;
/** Applications the board shows per job; the pipeline of one job rarely holds more. */
const BOARD_QUERY = { limit: 100, sort: 'updatedAt', order: 'desc' } as const;
/** How long change events are gathered before what they are about is read again. */
export const LIVE_REFRESH_MS = 150;
export const JOB_DELETED_MESSAGE = 'This job was deleted, here or on another device.';

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
  /** Reads the open job and its board again (events may have been missed), keeping moves in flight. */
  refreshOpenJob(): Promise<void>;
  /** The job page was left: its changes are no longer read (what it showed stays for a quick return). */
  closeJob(): void;
  /** Starts following the event stream; returns the function that stops it. */
  follow(stream: EventStream): () => void;
}

/** Runs `fn` once, `ms` after the first request since it last ran: a burst of requests is one call. */
function coalesced(fn: () => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    request(): void {
      timer ??= setTimeout(() => {
        timer = undefined;
        fn();
      }, ms);
    },
    cancel(): void {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

export function createJobsStore({ api }: { api: ApiClient }) {
  let listRequest = 0;
  // The job last opened: answers and events about any other job leave the page alone.
  let openId: string | null = null;
  const board = createBoardOrder();
  return createStore<JobsState>()((set, get) => {
    const replaceInList = (job: JobOut) =>
      set((state) => ({ items: state.items.map((j) => (j.id === job.id ? job : j)), job: state.job?.id === job.id ? job : state.job }));

    async function readBoard(id: string): Promise<void> {
      const ticket = board.startRead();
      const page = await api.jobs.applications(id, BOARD_QUERY);
      const applications = openId === id ? board.merge(ticket, page.items, get().applications) : undefined;
      if (applications) set({ applications, applicationsTotal: page.total });
    }

    async function readJob(id: string): Promise<void> {
      try {
        const job = await api.jobs.get(id);
        if (openId === id) set({ job, jobStatus: 'ready', jobError: null });
      } catch (error) {
        if (openId !== id) return;
        if (error instanceof ApiError && error.status === 404) showDeleted();
        // Anything else (offline, say) keeps the page as it was; the next event or reconnect reads again.
        else set({ jobError: messageOf(error) });
      }
    }

    function showDeleted(): void {
      set({ job: null, applications: [], applicationsTotal: 0, jobStatus: 'error', jobError: JOB_DELETED_MESSAGE });
    }

    // Reads the board again after change events, or after a failed move (someone else may have
    // changed that application): a burst of requests is one read.
    const boardRefresh = coalesced(() => {
      if (openId !== null && get().job?.id === openId) void readBoard(openId).catch((error: unknown) => set({ jobError: messageOf(error) }));
    }, LIVE_REFRESH_MS);

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
        if (openId === id) openId = null;
        set((state) => ({ job: state.job?.id === id ? null : state.job }));
        await get().load();
      },

      async seed() {
        const result = await api.jobs.seed();
        await get().load();
        return result.inserted;
      },

      async openJob(id) {
        if (openId !== id) board.forgetSettled();
        openId = id;
        set({ jobStatus: 'loading', jobError: null, ...(get().job?.id === id ? {} : { job: null, applications: [] }) });
        try {
          const ticket = board.startRead();
          const [job, page] = await Promise.all([api.jobs.get(id), api.jobs.applications(id, BOARD_QUERY)]);
          if (openId !== id) return;
          const applications = board.merge(ticket, page.items, get().applications) ?? get().applications;
          set({ job, applications, applicationsTotal: page.total, jobStatus: 'ready' });
        } catch (error) {
          if (openId === id) set({ jobStatus: 'error', jobError: messageOf(error) });
        }
      },

      async move(applicationId, to, note) {
        const before = get().applications.find((a) => a.id === applicationId);
        if (!before) throw new Error('This application is not on the board.');
        const optimistic = { ...before, status: to };
        board.moveStarted(optimistic);
        set((state) => ({ applications: state.applications.map((a) => (a.id === applicationId ? optimistic : a)) }));
        try {
          const moved = await api.applications.move(applicationId, { status: to, ...(note ? { note } : {}) });
          if (board.moveSettled(optimistic)) set((state) => ({ applications: state.applications.map((a) => (a.id === moved.id ? moved : a)) }));
        } catch (error) {
          // Undo only this move, and only if nothing newer replaced it on the board meanwhile.
          if (board.moveSettled(optimistic)) set((state) => ({ applications: state.applications.map((a) => (a === optimistic ? before : a)) }));
          boardRefresh.request();
          throw error;
        }
      },

      closeJob() {
        openId = null;
        board.forgetSettled();
        boardRefresh.cancel();
      },

      async refreshOpenJob() {
        const id = openId;
        if (id === null || get().jobStatus === 'idle') return;
        await readJob(id);
        if (openId !== id || get().job?.id !== id) return;
        try {
          await readBoard(id);
        } catch (error) {
          set({ jobError: messageOf(error) });
        }
      },

      follow(stream) {
        const list = coalesced(() => void get().load(), LIVE_REFRESH_MS);
        const openJob = coalesced(() => void get().refreshOpenJob(), LIVE_REFRESH_MS);
        const offJob = stream.subscribe('job.changed', (event) => {
          if (event.id === openId) {
            if (event.deleted) {
              openJob.cancel();
              showDeleted();
            } else openJob.request();
          }
          // A job not in the list may belong in it now (created, or changed to match the filters).
          const { status, items } = get();
          if (status !== 'idle' && (!event.deleted || items.some((j) => j.id === event.id))) list.request();
        });
        const offApplication = stream.subscribe('application.changed', (event) => {
          if (event.jobId === openId && get().job?.id === openId) boardRefresh.request();
        });
        // Events were dropped for a slow reader: read everything shown again.
        const offOverflow = stream.subscribe('stream.overflow', () => {
          openJob.request();
          if (get().status !== 'idle') list.request();
        });
        return () => {
          offJob();
          offApplication();
          offOverflow();
          list.cancel();
          openJob.cancel();
          boardRefresh.cancel();
        };
      },
    };
  });
}

export type JobsStore = ReturnType<typeof createJobsStore>;

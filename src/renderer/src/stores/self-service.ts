// A candidate's own view: the open jobs, applying to one, their applications and withdrawing.
import { createStore } from 'zustand/vanilla';
import type { ApplicationOut } from '../../../shared/api/applications';
import type { ApiClient } from '../../../shared/api/client';
import type { JobOut } from '../../../shared/api/jobs';
import { messageOf, type LoadStatus } from './load-status';

export interface SelfServiceState {
  jobs: JobOut[];
  applications: ApplicationOut[];
  status: LoadStatus;
  error: string | null;
  load(): Promise<void>;
  apply(jobId: string): Promise<void>;
  withdraw(applicationId: string): Promise<void>;
}

export function createSelfServiceStore({ api }: { api: ApiClient }) {
  return createStore<SelfServiceState>()((set, get) => ({
    jobs: [],
    applications: [],
    status: 'idle',
    error: null,

    async load() {
      set((state) => ({ status: state.status === 'ready' ? 'ready' : 'loading', error: null }));
      try {
        const [jobs, applications] = await Promise.all([api.jobs.list({ status: 'open', limit: 100 }), api.applications.list({ limit: 100 })]);
        set({ jobs: jobs.items, applications: applications.items, status: 'ready' });
      } catch (error) {
        set({ status: 'error', error: messageOf(error) });
      }
    },

    async apply(jobId) {
      await api.jobs.apply({ job_id: jobId });
      await get().load();
    },

    async withdraw(applicationId) {
      await api.applications.move(applicationId, { status: 'withdrawn' });
      await get().load();
    },
  }));
}

export type SelfServiceStore = ReturnType<typeof createSelfServiceStore>;

// The eight dashboard statistics, loaded together, with the daily chart's date range.
import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/api/client';
import type {
  ApplicationStatusBreakdown,
  ApplicationsPerJobPage,
  DailyApplications,
  DashboardOverview,
  JobsPerLocation,
  MostActiveCandidates,
  MostAppliedJobs,
  RecentActivityPage,
} from '../../../shared/api/dashboard';
import { messageOf, type LoadStatus } from './load-status';

export interface DashboardData {
  overview: DashboardOverview;
  jobsPerLocation: JobsPerLocation;
  applicationsPerJob: ApplicationsPerJobPage;
  daily: DailyApplications;
  mostAppliedJobs: MostAppliedJobs;
  mostActiveCandidates: MostActiveCandidates;
  statusBreakdown: ApplicationStatusBreakdown;
  recentActivity: RecentActivityPage;
}

export interface DateRange {
  from: string;
  to: string;
}

export interface DashboardState {
  data: DashboardData | null;
  status: LoadStatus;
  error: string | null;
  /** Empty strings: the server's default (the last 30 days). */
  range: DateRange;
  lastLoadedAt: number | null;
  load(): Promise<void>;
  setRange(range: DateRange): void;
}

export function createDashboardStore({ api, now, timeZone }: { api: ApiClient; now: () => number; timeZone: string }) {
  let request = 0;
  return createStore<DashboardState>()((set, get) => ({
    data: null,
    status: 'idle',
    error: null,
    range: { from: '', to: '' },
    lastLoadedAt: null,

    async load() {
      const mine = ++request;
      // A refresh keeps the figures on screen; only the first load shows the loading state.
      set((state) => ({ status: state.data ? state.status : 'loading', error: null }));
      const { from, to } = get().range;
      try {
        const [overview, jobsPerLocation, applicationsPerJob, daily, mostAppliedJobs, mostActiveCandidates, statusBreakdown, recentActivity] = await Promise.all([
          api.dashboard.overview(),
          api.dashboard.jobsPerLocation(),
          api.dashboard.applicationsPerJob({ limit: 20 }),
          api.dashboard.dailyApplications({ ...(from ? { from } : {}), ...(to ? { to } : {}), tz: timeZone }),
          api.dashboard.mostAppliedJobs({ limit: 10 }),
          api.dashboard.mostActiveCandidates({ limit: 10 }),
          api.dashboard.statusBreakdown(),
          api.dashboard.recentActivity({ limit: 20 }),
        ]);
        if (mine !== request) return;
        set({
          data: { overview, jobsPerLocation, applicationsPerJob, daily, mostAppliedJobs, mostActiveCandidates, statusBreakdown, recentActivity },
          status: 'ready',
          lastLoadedAt: now(),
        });
      } catch (error) {
        if (mine !== request) return;
        set({ status: 'error', error: messageOf(error) });
      }
    },

    setRange(range) {
      set({ range });
      void get().load();
    },
  }));
}

export type DashboardStore = ReturnType<typeof createDashboardStore>;

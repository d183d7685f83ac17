// The dashboard statistics (seed 5.6). Totals, per-status, per-job, per-location and per-candidate
// figures come from in-memory tallies kept in step with the collections' change streams; time
// windows and days are counted over the tally's sorted creation times; recent activity is the activity log.
// Nothing here scans the applications, so each statistic costs the same at 50k applications as at 50.
import type {
  ApplicationStatusBreakdown,
  ApplicationsPerJobPage,
  DailyApplications,
  DailyApplicationsQuery,
  DashboardOverview,
  JobApplicationCount,
  JobsPerLocation,
  MostActiveCandidates,
  MostAppliedJobs,
  RecentActivityPage,
} from '../../../../shared/api/dashboard.js';
import { MAX_PAGE_SIZE } from '../../../../shared/api/common.js';
import { APPLICATION_STATUSES } from '../../../../shared/schemas/application.js';
import type { Candidate } from '../../../../shared/schemas/candidate.js';
import { USER_ROLES } from '../../../../shared/schemas/user.js';
import type { Clock } from '../../clock.js';
import type { AppDatabase } from '../../db/database.js';
import type { ActivityLog } from '../activities/service.js';
import { followCollection } from './collection-follower.js';
import { countDailyApplications, resolveDayRange } from './daily-applications.js';
import { topRanked } from './ranking.js';
import { createApplicationTally, createJobTally, createTotalTally, createUserTally, type CandidateActivity } from './tallies.js';
import { DAY_MS, isKnownTimeZone, zonedCalendar, type ZonedCalendar } from './zoned-days.js';

export interface DashboardDependencies {
  db: AppDatabase;
  clock: Clock;
  activities: ActivityLog;
}

export interface PageRequest {
  limit: number;
  skip: number;
}

export interface DashboardService {
  overview(): DashboardOverview;
  jobsPerLocation(): JobsPerLocation;
  applicationsPerJob(page: PageRequest): Promise<ApplicationsPerJobPage>;
  dailyApplications(query: DailyApplicationsQuery): DailyApplications;
  mostAppliedJobs(limit: number): Promise<MostAppliedJobs>;
  mostActiveCandidates(limit: number): Promise<MostActiveCandidates>;
  applicationStatusBreakdown(): ApplicationStatusBreakdown;
  recentActivity(page: PageRequest): Promise<RecentActivityPage>;
  /** Stops following the collections (closing the database also does). */
  close(): void;
}

/** Time zones whose calendars are kept; more distinct zones than this and the cache starts over. */
const MAX_CALENDARS = 32;

type RankedCandidate = [id: string, activity: Readonly<CandidateActivity>];

const byActivity = ([idA, a]: RankedCandidate, [idB, b]: RankedCandidate) =>
  b.applications - a.applications || b.lastActivityAt - a.lastActivityAt || (idA < idB ? -1 : idA > idB ? 1 : 0);

/** Builds the tallies from the current data (one pass over each collection) and keeps them current. */
export async function createDashboardService({ db, clock, activities }: DashboardDependencies): Promise<DashboardService> {
  const jobs = createJobTally();
  const applications = createApplicationTally();
  const candidates = createTotalTally<Candidate>();
  const users = createUserTally();
  const subscriptions = await Promise.all([
    followCollection(db.jobs, jobs),
    followCollection(db.applications, applications),
    followCollection(db.candidates, candidates),
    followCollection(db.users, users),
  ]);

  // Every job ordered by applications (most first), newer jobs first among equals; rebuilt only
  // after a job or an application was added or removed.
  let jobRanking: { version: string; ids: string[] } | undefined;
  const rankedJobIds = (): string[] => {
    const version = `${jobs.version}/${applications.version}`;
    if (jobRanking?.version !== version) {
      const createdAt = jobs.createdAtById();
      const ids = [...createdAt.keys()];
      const count = new Map(ids.map((id) => [id, applications.countForJob(id)]));
      ids.sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0) || (createdAt.get(b) ?? 0) - (createdAt.get(a) ?? 0) || (a < b ? -1 : 1));
      jobRanking = { version, ids };
    }
    return jobRanking.ids;
  };

  // The most active candidates (as many as a request may ask for), until an application changes.
  let candidateRanking: { version: number; top: RankedCandidate[] } | undefined;

  const describeJobs = async (ids: readonly string[]): Promise<JobApplicationCount[]> => {
    const found = await db.jobs.findByIds([...ids]).exec();
    return ids.map((id) => {
      const job = found.get(id);
      return {
        jobId: id,
        title: job?.title ?? '',
        company: job?.company ?? '',
        location: job?.location ?? '',
        status: job?.status ?? 'closed',
        applications: applications.countForJob(id),
      };
    });
  };

  /** Recomputes lastActivityAt of candidates whose latest application went away. */
  const settleStaleCandidates = async () => {
    const tallied = applications.candidates();
    await Promise.all(
      applications.staleCandidates().map(async (candidateId) => {
        const changes = tallied.get(candidateId)?.changes;
        if (changes === undefined) return;
        const remaining = await db.applications.find({ selector: { candidateId } }).exec();
        const latest = remaining.reduce((max, doc) => Math.max(max, doc.updatedAt), 0);
        applications.settleLastActivity(candidateId, latest, changes);
      }),
    );
  };

  // One calendar per time zone asked for, each remembering its day starts.
  const calendars = new Map<string, ZonedCalendar>();
  const calendarFor = (timeZone: string): ZonedCalendar | undefined => {
    let calendar = calendars.get(timeZone);
    if (!calendar && isKnownTimeZone(timeZone)) {
      if (calendars.size >= MAX_CALENDARS) calendars.clear();
      calendar = zonedCalendar(timeZone);
      calendars.set(timeZone, calendar);
    }
    return calendar;
  };

  return {
    overview() {
      const now = clock.now();
      return {
        totalJobs: jobs.total,
        openJobs: jobs.open,
        closedJobs: jobs.total - jobs.open,
        totalCandidates: candidates.total,
        totalApplications: applications.total,
        // Up to a millisecond past now, so an application stamped this very millisecond is included.
        applicationsLast7Days: applications.countCreatedBetween(now - 7 * DAY_MS, now + 1),
        applicationsLast30Days: applications.countCreatedBetween(now - 30 * DAY_MS, now + 1),
        hiredCount: applications.count('hired'),
        usersByRole: USER_ROLES.map((role) => ({ role, count: users.count(role) })),
        generatedAt: now,
      };
    },

    jobsPerLocation() {
      const items = [...jobs.locations()].map(([location, { jobs: count, openJobs }]) => ({ location, jobs: count, openJobs }));
      items.sort((a, b) => b.jobs - a.jobs || (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));
      return { items };
    },

    async applicationsPerJob({ limit, skip }) {
      const ranked = rankedJobIds();
      return { items: await describeJobs(ranked.slice(skip, skip + limit)), total: ranked.length, limit, skip };
    },

    dailyApplications(query) {
      return countDailyApplications(applications, resolveDayRange(query, clock.now(), calendarFor));
    },

    async mostAppliedJobs(limit) {
      const top = rankedJobIds()
        .slice(0, limit)
        .filter((id) => applications.countForJob(id) > 0);
      return { items: await describeJobs(top) };
    },

    async mostActiveCandidates(limit) {
      await settleStaleCandidates();
      if (candidateRanking?.version !== applications.candidateVersion) {
        candidateRanking = { version: applications.candidateVersion, top: topRanked(applications.candidates(), MAX_PAGE_SIZE, byActivity) };
      }
      const top = candidateRanking.top.slice(0, limit);
      const found = await db.candidates.findByIds(top.map(([id]) => id)).exec();
      return {
        items: top.map(([candidateId, activity]) => {
          const candidate = found.get(candidateId);
          return {
            candidateId,
            name: candidate?.name ?? '',
            primaryEmail: candidate?.primaryEmail ?? '',
            applications: activity.applications,
            lastActivityAt: activity.lastActivityAt,
          };
        }),
      };
    },

    applicationStatusBreakdown() {
      return {
        total: applications.total,
        items: APPLICATION_STATUSES.map((status) => ({ status, count: applications.count(status) })),
      };
    },

    async recentActivity({ limit, skip }) {
      const { items, total } = await activities.recent({ limit, skip });
      return { items, total, limit, skip };
    },

    close() {
      for (const subscription of subscriptions) subscription.unsubscribe();
    },
  };
}

// The dashboard's in-memory counters, one per followed collection. Each is a DocumentTally: it
// only ever subtracts a document's previous state and adds its new one, so the counts are exact
// after inserts, updates and deletes, and reading one costs nothing however long the history is.
import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from '../../../../shared/schemas/application.js';
import type { Job } from '../../../../shared/schemas/job.js';
import { USER_ROLES, type User, type UserRole } from '../../../../shared/schemas/user.js';
import type { DocumentTally } from './collection-follower.js';
import { SortedTimes } from './sorted-times.js';

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

/** Counts documents of any collection. */
export interface TotalTally<T> extends DocumentTally<T> {
  readonly total: number;
}

export function createTotalTally<T>(): TotalTally<T> {
  let total = 0;
  return {
    get total() {
      return total;
    },
    change(previous, next) {
      total += (next ? 1 : 0) - (previous ? 1 : 0);
    },
  };
}

export interface UserTally extends DocumentTally<User> {
  count(role: UserRole): number;
}

export function createUserTally(): UserTally {
  const byRole = new Map<UserRole, number>(USER_ROLES.map((role) => [role, 0]));
  return {
    count: (role) => byRole.get(role) ?? 0,
    change(previous, next) {
      if (previous) byRole.set(previous.role, (byRole.get(previous.role) ?? 0) - 1);
      if (next) byRole.set(next.role, (byRole.get(next.role) ?? 0) + 1);
    },
  };
}

export interface LocationCount {
  jobs: number;
  openJobs: number;
}

export interface JobTally extends DocumentTally<Job> {
  readonly total: number;
  readonly open: number;
  /** Changes whenever the set of jobs changes, so cached rankings know when to rebuild. */
  readonly version: number;
  locations(): ReadonlyMap<string, LocationCount>;
  /** Every job's id with its creation time (the tie-break of the rankings). */
  createdAtById(): ReadonlyMap<string, number>;
}

/** Jobs are grouped by their location as written, ignoring surrounding spaces. */
export const locationKey = (job: Pick<Job, 'location'>) => job.location.trim();

export function createJobTally(): JobTally {
  let total = 0;
  let open = 0;
  let version = 0;
  const byLocation = new Map<string, LocationCount>();
  const createdAt = new Map<string, number>();
  const count = (job: Job, by: 1 | -1) => {
    const isOpen = job.status === 'open' ? by : 0;
    total += by;
    open += isOpen;
    const key = locationKey(job);
    const entry = byLocation.get(key) ?? { jobs: 0, openJobs: 0 };
    entry.jobs += by;
    entry.openJobs += isOpen;
    if (entry.jobs === 0) byLocation.delete(key);
    else byLocation.set(key, entry);
  };
  return {
    get total() {
      return total;
    },
    get open() {
      return open;
    },
    get version() {
      return version;
    },
    locations: () => byLocation,
    createdAtById: () => createdAt,
    change(previous, next) {
      if (previous) count(previous, -1);
      if (next) count(next, 1);
      if (previous && !next) createdAt.delete(previous.id);
      if (next) createdAt.set(next.id, next.createdAt);
      if (!previous || !next) version++;
    },
  };
}

/** A candidate's applications and the latest update of any of them. */
export interface CandidateActivity {
  applications: number;
  lastActivityAt: number;
  /**
   * The application that was the latest was deleted (or moved back in time), so lastActivityAt
   * may be too high until it is recomputed from the candidate's remaining applications.
   */
  stale: boolean;
  /** Bumped on every change, so a recomputation can tell whether it raced with one. */
  changes: number;
}

export interface ApplicationTally extends DocumentTally<Application> {
  readonly total: number;
  /** Changes whenever some job's application count changes. */
  readonly version: number;
  /** Changes whenever some candidate's count or latest activity may have changed. */
  readonly candidateVersion: number;
  count(status: ApplicationStatus): number;
  countForJob(jobId: string): number;
  /** Applications whose createdAt is in [start, end). */
  countCreatedBetween(start: number, end: number): number;
  candidates(): ReadonlyMap<string, Readonly<CandidateActivity>>;
  /** Candidates whose lastActivityAt must be recomputed before it is used. */
  staleCandidates(): string[];
  /** Sets a recomputed lastActivityAt, unless the candidate changed since `changes` was read. */
  settleLastActivity(candidateId: string, lastActivityAt: number, changes: number): void;
}

export function createApplicationTally(): ApplicationTally {
  let total = 0;
  let version = 0;
  let candidateVersion = 0;
  const byStatus = new Map<ApplicationStatus, number>(APPLICATION_STATUSES.map((s) => [s, 0]));
  const byJob = new Map<string, number>();
  const created = new SortedTimes();
  const byCandidate = new Map<string, CandidateActivity>();
  const stale = new Set<string>();
  const markStale = (candidateId: string, entry: CandidateActivity) => {
    entry.stale = true;
    stale.add(candidateId);
  };

  const addToCandidate = (app: Application) => {
    const entry = byCandidate.get(app.candidateId) ?? { applications: 0, lastActivityAt: 0, stale: false, changes: 0 };
    entry.applications++;
    entry.lastActivityAt = Math.max(entry.lastActivityAt, app.updatedAt);
    entry.changes++;
    byCandidate.set(app.candidateId, entry);
  };
  const removeFromCandidate = (app: Application) => {
    const entry = byCandidate.get(app.candidateId);
    if (!entry) return;
    entry.applications--;
    entry.changes++;
    if (entry.applications <= 0) {
      byCandidate.delete(app.candidateId);
      stale.delete(app.candidateId);
    } else if (app.updatedAt >= entry.lastActivityAt) {
      markStale(app.candidateId, entry);
    }
  };

  return {
    get total() {
      return total;
    },
    get version() {
      return version;
    },
    get candidateVersion() {
      return candidateVersion;
    },
    count: (status) => byStatus.get(status) ?? 0,
    countForJob: (jobId) => byJob.get(jobId) ?? 0,
    countCreatedBetween: (start, end) => created.countBetween(start, end),
    candidates: () => byCandidate,
    staleCandidates: () => [...stale],
    settleLastActivity(candidateId, lastActivityAt, changes) {
      const entry = byCandidate.get(candidateId);
      if (!entry || entry.changes !== changes) return;
      entry.lastActivityAt = lastActivityAt;
      entry.stale = false;
      candidateVersion++;
      stale.delete(candidateId);
    },
    change(previous, next) {
      candidateVersion++;
      if (previous) {
        total--;
        bump(byStatus, previous.status, -1);
      }
      if (next) {
        total++;
        bump(byStatus, next.status, 1);
      }
      if (previous?.createdAt !== next?.createdAt) {
        if (previous) created.remove(previous.createdAt);
        if (next) created.add(next.createdAt);
      }
      if (previous?.jobId !== next?.jobId) {
        if (previous) bump(byJob, previous.jobId, -1);
        if (next) bump(byJob, next.jobId, 1);
        version++;
      }
      if (previous && next && previous.candidateId === next.candidateId) {
        // A status change: the candidate's count is unchanged and updatedAt normally moves forward.
        const entry = byCandidate.get(next.candidateId);
        if (entry) {
          entry.changes++;
          if (next.updatedAt < previous.updatedAt && previous.updatedAt >= entry.lastActivityAt) markStale(next.candidateId, entry);
          entry.lastActivityAt = Math.max(entry.lastActivityAt, next.updatedAt);
        }
      } else {
        if (previous) removeFromCandidate(previous);
        if (next) addToCandidate(next);
      }
    },
  };
}

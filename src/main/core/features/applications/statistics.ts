// Application counts for the dashboard, each answered from an index (applications by status, by
// job and status), so they do not slow down as the history grows.
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../../../shared/schemas/application.js';
import type { AppDatabase } from '../../db/database.js';

export type StatusCounts = Record<ApplicationStatus, number>;

export interface ApplicationStatistics {
  /** How many applications are in each status, overall or for one job. */
  countByStatus(filter?: { jobId?: string }): Promise<StatusCounts>;
  /** How many applications each of these jobs has (every id present in the result, 0 when none). */
  countByJob(jobIds: readonly string[]): Promise<Map<string, number>>;
  /** How many applications there are in all. */
  countAll(): Promise<number>;
}

export function createApplicationStatistics(db: AppDatabase): ApplicationStatistics {
  return {
    async countByStatus({ jobId } = {}) {
      const counts = await Promise.all(
        APPLICATION_STATUSES.map((status) =>
          db.applications.count({ selector: jobId === undefined ? { status } : { jobId, status } }).exec(),
        ),
      );
      return Object.fromEntries(APPLICATION_STATUSES.map((status, i) => [status, counts[i] ?? 0])) as StatusCounts;
    },

    async countByJob(jobIds) {
      const unique = [...new Set(jobIds)];
      const counts = await Promise.all(unique.map((jobId) => db.applications.count({ selector: { jobId } }).exec()));
      return new Map(unique.map((jobId, i) => [jobId, counts[i] ?? 0]));
    },

    countAll: () => db.applications.count().exec(),
  };
}

// What deleting a job needs to know about its applications. The composition may hand the jobs
// service the applications feature's own implementation; until that feature offers these two
// calls, this one works on the `applications` collection directly and logs each deletion the way
// the applications feature does for a deleted candidate.
import type { AppDatabase } from '../../db/database.js';
import type { ActivityLog } from '../activities/service.js';

export interface JobApplications {
  countForJob(jobId: string): Promise<number>;
  /** Deletes every application to the job; returns how many there were. */
  removeForJob(actorId: string, jobId: string): Promise<number>;
}

export function jobApplicationsInDatabase({ db, activities }: { db: AppDatabase; activities: ActivityLog }): JobApplications {
  return {
    countForJob: (jobId) => db.applications.count({ selector: { jobId } }).exec(),

    async removeForJob(actorId, jobId) {
      const docs = await db.applications.find({ selector: { jobId } }).exec();
      if (docs.length === 0) return 0;
      await db.applications.bulkRemove(docs);
      for (const doc of docs) {
        await activities.record({
          actorId,
          action: 'application.deleted',
          subjectType: 'application',
          subjectId: doc.id,
          summary: `Deleted an application (${doc.status}) with its job`,
          details: { jobId, candidateId: doc.candidateId, status: doc.status, reason: 'job deleted' },
        });
      }
      return docs.length;
    },
  };
}

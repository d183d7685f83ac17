// Adds the candidate's name and e-mail and the job's title to applications, for lists and detail
// views; one lookup per collection per page, not one per application.
import type { ApplicationOut } from '../../../../shared/api/applications.js';
import type { Application } from '../../../../shared/schemas/application.js';
import type { Principal } from '../../api/access.js';
import type { AppDatabase } from '../../db/database.js';

export async function withNames(db: AppDatabase, applications: readonly Application[]): Promise<ApplicationOut[]> {
  if (applications.length === 0) return [];
  const [candidates, jobs] = await Promise.all([
    db.candidates.findByIds([...new Set(applications.map((a) => a.candidateId))]).exec(),
    db.jobs.findByIds([...new Set(applications.map((a) => a.jobId))]).exec(),
  ]);
  return applications.map((application) => {
    const candidate = candidates.get(application.candidateId);
    return {
      ...application,
      candidateName: candidate?.name ?? '',
      candidateEmail: candidate?.primaryEmail ?? '',
      jobTitle: jobs.get(application.jobId)?.title ?? '',
    };
  });
}

export async function withName(db: AppDatabase, application: Application): Promise<ApplicationOut> {
  const [candidate, job] = await Promise.all([
    db.candidates.findOne(application.candidateId).exec(),
    db.jobs.findOne(application.jobId).exec(),
  ]);
  return {
    ...application,
    candidateName: candidate?.name ?? '',
    candidateEmail: candidate?.primaryEmail ?? '',
    jobTitle: job?.title ?? '',
  };
}

/**
 * What a candidate sees of their own application: the history keeps every change, but the notes
 * staff wrote are internal and only the candidate's own notes are shown.
 */
export function asSeenBy(principal: Principal, view: ApplicationOut): ApplicationOut {
  if (principal.role !== 'candidate') return view;
  return {
    ...view,
    history: view.history.map(({ note, ...change }) => (change.by === principal.userId && note !== undefined ? { ...change, note } : change)),
  };
}

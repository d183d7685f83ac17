// Which of a candidate's résumés the add-applicant dialog offers to send with an application.
import type { ResumeSummary } from '../../../../shared/api/resumes';

/** A résumé can go with an application once its profile is extracted (an analysed one was too). */
const isParsed = (resume: ResumeSummary) => resume.status === 'parsed' || resume.status === 'analyzed';

/** The parsed résumés, newest upload first (ties by id, as the API orders them); the first is the default. */
export function sendableResumes(resumes: readonly ResumeSummary[]): ResumeSummary[] {
  return resumes.filter(isParsed).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

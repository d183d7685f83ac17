// Deleting a candidate's résumés when the candidate goes: a person deleted must not leave their PDF,
// its extracted text or the analyses of it behind. Each résumé goes through the résumés feature's
// own delete (PDF attachment, queued parse, activity); analyses, which that delete leaves, go here.
import type { AppDatabase } from '../../db/database.js';
import type { CandidateResumes } from './service.js';

export interface ResumeCascadeDeps {
  db: AppDatabase;
  /** The résumés feature's delete of one résumé. */
  removeResume(actorId: string, resumeId: string): Promise<void>;
}

export function createResumeCascade({ db, removeResume }: ResumeCascadeDeps): CandidateResumes {
  return {
    async removeForCandidate(actorId, candidateId) {
      const resumes = await db.resumes.find({ selector: { candidateId } }).exec();
      for (const resume of resumes) {
        // Analyses first: stopped half-way, this leaves a résumé to delete again, never analyses of a missing one.
        await db.analyses.find({ selector: { resumeId: resume.id } }).remove();
        await removeResume(actorId, resume.id);
      }
      return resumes.length;
    },
  };
}

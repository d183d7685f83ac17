// What an analysis is about: a parsed résumé's text and profile, and optionally the job. A résumé
// without text is refused here, before anything is queued or sent: no model is ever asked about a
// scan it cannot read.
import { Compile } from 'typebox/compile';
import type { Job } from '../../../../shared/schemas/job.js';
import type { Resume } from '../../../../shared/schemas/resume.js';
import { ExtractedProfileSchema, type ExtractedProfile } from '../../../../shared/schemas/resume-profile.js';
import { ConflictError, ValidationError } from '../../errors.js';
import type { AnalysisJobContent } from './cache-key.js';

export interface AnalysableResume {
  id: string;
  sha256: string;
  candidateId: string;
  text: string;
  profile: ExtractedProfile;
}

// Compiled once: a ranking checks a thousand profiles, and the interpreted check is many times slower.
const profileValidator = Compile(ExtractedProfileSchema);

type Examined = { ok: true; resume: AnalysableResume } | { ok: false; refusal: ConflictError | ValidationError };

function examine(resume: Resume): Examined {
  const details = { resumeId: resume.id, status: resume.status };
  const refuse = (refusal: ConflictError | ValidationError): Examined => ({ ok: false, refusal });
  if (resume.status === 'uploaded' || resume.status === 'parsing') {
    return refuse(new ConflictError('The résumé has not been parsed yet; analyse it once parsing has finished.', details));
  }
  if (resume.status === 'failed') {
    const reason = resume.parseError?.message ?? 'parsing failed';
    return refuse(new ValidationError(`The résumé cannot be analysed: ${reason}`, { ...details, ...(resume.parseError ? { code: resume.parseError.code } : {}) }));
  }
  if (!resume.text || resume.text.trim() === '') {
    return refuse(new ValidationError('The résumé cannot be analysed: no text layer, so there is no text to read.', { ...details, code: 'no_text_layer' }));
  }
  const profile: unknown = resume.profile;
  if (!profileValidator.Check(profile)) {
    return refuse(new ValidationError('The résumé has no usable extracted profile; parse it again.', { ...details, code: 'no_profile' }));
  }
  return { ok: true, resume: { id: resume.id, sha256: resume.sha256, candidateId: resume.candidateId, text: resume.text, profile } };
}

/**
 * The résumé as the analysis reads it. @throws ConflictError when it is not parsed yet,
 * ValidationError when its parse failed or it has no text or no usable profile.
 */
export function analysableResume(resume: Resume): AnalysableResume {
  const examined = examine(resume);
  if (!examined.ok) throw examined.refusal;
  return examined.resume;
}

export function jobContentOf(job: Job): AnalysisJobContent {
  return { title: job.title, description: job.description, requiredSkills: [...job.requiredSkills], niceToHaveSkills: [...job.niceToHaveSkills] };
}

/** The job an analysis document points at: a stored job, an ad-hoc description, or none. */
export function jobOfAnalysis(analysis: { jobId: string; jobDescription?: string }, job: Job | undefined): AnalysisJobContent | undefined {
  if (analysis.jobId !== '') return job ? jobContentOf(job) : undefined;
  return analysis.jobDescription ? { description: analysis.jobDescription } : undefined;
}

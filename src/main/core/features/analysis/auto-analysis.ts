// Automatic analysis: when an application gets a résumé (created with one, or given one later) and
// its job has autoAnalyze on, the résumé is analysed against the job. Application changes are read
// from the database's change stream, so every writer (API, import, sync) triggers it without the
// applications feature knowing. A résumé still being parsed is analysed once its parse finishes.
import { createHash } from 'node:crypto';
import type { Application } from '../../../../shared/schemas/application.js';
import type { Job } from '../../../../shared/schemas/job.js';
import type { AppEventBus } from '../../app-events.js';
import type { AppDatabase } from '../../db/database.js';
import { DomainError } from '../../errors.js';
import type { Log } from '../../log.js';
import type { AnalysisService } from './service.js';

export const AUTO_ANALYSIS_ACTOR = 'system:auto-analysis';

export interface AutoAnalysisDeps {
  db: AppDatabase;
  events: AppEventBus;
  analysis: Pick<AnalysisService, 'analyze'>;
  getJob(id: string): Promise<Job | undefined>;
  log: Log;
}

export interface AutoAnalysis {
  /** Settles when every analysis asked for so far has been queued (or refused). */
  idle(): Promise<void>;
  stop(): void;
}

/** One analysis per application and résumé, however often the change is seen. */
export function autoAnalysisId(applicationId: string, resumeId: string): string {
  return `auto_${createHash('sha256').update(JSON.stringify([applicationId, resumeId])).digest('hex').slice(0, 40)}`;
}

export function startAutoAnalysis({ db, events, analysis, getJob, log }: AutoAnalysisDeps): AutoAnalysis {
  let pending: Promise<void> = Promise.resolve();

  async function consider(application: Pick<Application, 'id' | 'jobId' | 'resumeId'>): Promise<void> {
    const resumeId = application.resumeId;
    if (!resumeId || !(await getJob(application.jobId))?.autoAnalyze) return;
    const resume = await db.resumes.findOne(resumeId).exec();
    // Not parsed yet: the 'resume.changed' listener below comes back to it.
    if (!resume || resume.status === 'uploaded' || resume.status === 'parsing') return;
    try {
      await analysis.analyze(AUTO_ANALYSIS_ACTOR, resumeId, { jobId: application.jobId, analysisId: autoAnalysisId(application.id, resumeId) });
    } catch (error) {
      // A résumé that cannot be analysed (a scan, a failed parse) is the expected refusal here.
      if (error instanceof DomainError) log.info({ applicationId: application.id, resumeId, code: error.code }, 'automatic analysis skipped');
      else log.error({ err: error, applicationId: application.id }, 'automatic analysis could not be queued');
    }
  }

  // One at a time, in order: keeps the queue's writes from racing and gives tests a point to await.
  const schedule = (work: () => Promise<void>) => {
    pending = pending.then(work, work);
  };

  const subscription = db.applications.$.subscribe((change) => {
    if (change.operation === 'DELETE') return;
    const now = change.documentData;
    const before = change.operation === 'UPDATE' ? change.previousDocumentData : undefined;
    if (now.resumeId && now.resumeId !== before?.resumeId) schedule(() => consider(now));
  });

  const unsubscribeParsed = events.on('resume.changed', ({ id, status }) => {
    if (status !== 'parsed') return;
    schedule(async () => {
      const applications = await db.applications.find({ selector: { resumeId: id } }).exec();
      for (const application of applications) await consider(application);
    });
  });

  return {
    idle: () => pending,
    stop() {
      subscription.unsubscribe();
      unsubscribeParsed();
    },
  };
}

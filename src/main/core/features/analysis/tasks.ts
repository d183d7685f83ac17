// The analysis queue handlers. `analysis.run` runs one analysis document. `analysis.rank` analyses
// every applicant of a job (or the résumés given), with BM25 statistics over them for the offline
// analyser and progress on the event stream; a ranking re-run after a crash skips what it finished.
//
// Decided: an analysis that failed with every provider is recorded as a failed analysis and its
// task SUCCEEDS (result { status: 'failed' }): the providers' transient failures were already
// retried inside the run, so a task retry would only pay again. The UI reads the analysis status.
// Only when the pool itself cannot run the analysis does the task fail and retry; after its last
// attempt the analysis is recorded as failed so it never stays 'running'. A cancelled task (either
// type) records its unfinished analyses as failed with code `cancelled`; a shutdown leaves them for
// the task's next run.
import { createHash } from 'node:crypto';
import { ANALYSIS_PROVIDERS, type AnalysisProvider } from '../../../../shared/schemas/analysis.js';
import type { Job } from '../../../../shared/schemas/job.js';
import type { AppDatabase } from '../../db/database.js';
import { DomainError } from '../../errors.js';
import { PermanentTaskError, type TaskHandler } from '../../tasks/queue.js';
import { analysableResume, jobContentOf, type AnalysableResume } from './analysis-subject.js';
import { reusableFor, type AnalysisExecutor, type AnalysisPlan } from './analysis-executor.js';
import { queuedAnalysis, type AnalysisStore } from './analysis-store.js';
import { corpusFingerprint } from './cache-key.js';
import { buildCorpusStats } from './offline/bm25.js';
import { termBag } from './offline/terms.js';

export const ANALYSIS_RUN_TASK = 'analysis.run';
export const ANALYSIS_RANK_TASK = 'analysis.rank';

export interface RunPayload {
  analysisId: string;
}

export interface RankPayload {
  jobId: string;
  /** Absent: the job's applicants (applications with a résumé) when the task runs. */
  resumeIds?: string[];
  requestedProvider?: AnalysisProvider;
}

export interface AnalysisTaskDeps {
  db: AppDatabase;
  store: AnalysisStore;
  executor: AnalysisExecutor;
  getJob(id: string): Promise<Job | undefined>;
  /** Analyses a ranking runs at once (a multiple of the pool's size keeps every worker busy). */
  rankConcurrency: number;
  /** Whether the task was cancelled (rather than interrupted by a shutdown, which requeues it). */
  wasCancelled(taskId: string): Promise<boolean>;
}

function isProvider(value: unknown): value is AnalysisProvider {
  return typeof value === 'string' && (ANALYSIS_PROVIDERS as readonly string[]).includes(value);
}

function runPayload(payload: Record<string, unknown>): RunPayload {
  if (typeof payload.analysisId !== 'string') throw new PermanentTaskError('analysis.run needs { analysisId }', 'BAD_PAYLOAD');
  return { analysisId: payload.analysisId };
}

function rankPayload(payload: Record<string, unknown>): RankPayload {
  const { jobId, resumeIds, requestedProvider } = payload;
  const ids: unknown[] | undefined = Array.isArray(resumeIds) ? resumeIds : undefined;
  const stringIds = ids?.filter((id): id is string => typeof id === 'string');
  const idsOk = resumeIds === undefined || (ids !== undefined && stringIds?.length === ids.length);
  if (typeof jobId !== 'string' || !idsOk || (requestedProvider !== undefined && !isProvider(requestedProvider))) {
    throw new PermanentTaskError('analysis.rank needs { jobId, resumeIds?, requestedProvider? }', 'BAD_PAYLOAD');
  }
  return { jobId, ...(stringIds ? { resumeIds: stringIds } : {}), ...(requestedProvider ? { requestedProvider } : {}) };
}

/** The analysis a ranking task makes for a résumé: the same id when the task runs again. */
export function rankAnalysisId(taskId: string, resumeId: string): string {
  return `rank_${createHash('sha256').update(JSON.stringify([taskId, resumeId])).digest('hex').slice(0, 40)}`;
}

/**
 * The term bags the offline analyser's `corpusOf` builds (text words plus the profile's skills),
 * made here because corpus statistics span all résumés and must be computed before they are
 * spread over the pool's workers.
 */
function corpusOf(resumes: readonly AnalysableResume[]) {
  return buildCorpusStats(resumes.map((resume) => termBag(resume.text, resume.profile.skills.map((skill) => skill.name))));
}

/**
 * Runs `work` over `items`, at most `limit` at a time, stopping early when `signal` aborts. Rejects
 * only once every lane has stopped, so nothing is still writing when the caller cleans up.
 */
async function forEachLimited<T>(items: readonly T[], limit: number, signal: AbortSignal, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      signal.throwIfAborted();
      const item = items[next++] as T;
      await work(item);
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  const failed = lanes.find((lane): lane is PromiseRejectedResult => lane.status === 'rejected');
  if (failed) throw failed.reason;
}

export interface RunTaskDeps {
  executor: AnalysisExecutor;
  /** Whether the task was cancelled (rather than interrupted by a shutdown, which requeues it). */
  wasCancelled(taskId: string): Promise<boolean>;
}

export function createRunTaskHandler({ executor, wasCancelled }: RunTaskDeps): TaskHandler {
  return async (task, ctx) => {
    const { analysisId } = runPayload(task.payload);
    try {
      const outcome = await executor.run(analysisId, { signal: ctx.signal });
      if (!outcome) return { analysisId, skipped: true };
      const { analysis, cached, fallbacks } = outcome;
      return { analysisId, status: analysis.status, provider: analysis.provider, ...(analysis.requestedProvider ? { requestedProvider: analysis.requestedProvider } : {}), cached, fallbacks };
    } catch (error) {
      // A cancelled analysis must not stay 'running'; one cut short by a shutdown runs again later.
      if (ctx.signal.aborted && (await wasCancelled(task.id))) {
        await executor.fail(analysisId, 'cancelled', 'The analysis was cancelled.');
      } else if (!ctx.signal.aborted && ctx.attempt >= task.maxAttempts) {
        await executor.fail(analysisId, 'run_failed', 'The analysis could not run; retry it later.');
      }
      throw error;
    }
  };
}

export function createRankTaskHandler({ db, store, executor, getJob, rankConcurrency, wasCancelled }: AnalysisTaskDeps): TaskHandler {
  async function resumeIdsOf(payload: RankPayload): Promise<string[]> {
    if (payload.resumeIds) return payload.resumeIds;
    // The applications feature offers no "résumés of a job" read; this is that one query. An
    // applicant added without a résumé is ranked on their newest readable one.
    const applications = await db.applications.find({ selector: { jobId: payload.jobId } }).exec();
    const ids = new Set<string>();
    for (const application of applications) {
      const resumeId = application.resumeId || (await newestReadableResumeOf(application.candidateId));
      if (resumeId) ids.add(resumeId);
    }
    return [...ids].sort();
  }

  async function newestReadableResumeOf(candidateId: string): Promise<string | undefined> {
    const newest = await db.resumes
      .findOne({ selector: { candidateId, status: { $in: ['parsed', 'analyzed'] } }, sort: [{ candidateId: 'desc' }, { createdAt: 'desc' }] })
      .exec();
    return newest?.id;
  }

  return async (task, ctx) => {
    const payload = rankPayload(task.payload);
    const job = await getJob(payload.jobId);
    if (!job) throw new PermanentTaskError(`The job ${payload.jobId} no longer exists.`, 'JOB_MISSING');
    const ids = await resumeIdsOf(payload);
    const docs = await db.resumes.findByIds(ids).exec();
    const refused: { resumeId: string; reason: string }[] = [];
    const resumes: AnalysableResume[] = [];
    for (const id of ids) {
      const doc = docs.get(id);
      if (!doc) {
        refused.push({ resumeId: id, reason: 'not found' });
        continue;
      }
      try {
        resumes.push(analysableResume(doc.toMutableJSON()));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refused.push({ resumeId: id, reason: error.message });
      }
    }

    const plan: AnalysisPlan = await executor.plan(payload.requestedProvider);
    const usesCorpus = plan.chain.some((run) => run.name === 'mock');
    const corpus = usesCorpus ? corpusOf(resumes) : undefined;
    const fingerprint = corpusFingerprint(resumes.map((r) => r.sha256));
    const jobContent = jobContentOf(job);
    const counts = { analysed: 0, cached: 0, failed: 0 };
    let done = 0;
    const progressStep = Math.max(1, Math.floor(resumes.length / 100));
    await ctx.progress(0, resumes.length, `Ranking ${resumes.length} résumés for ${job.title}`);

    const rankOne = async (resume: AnalysableResume): Promise<void> => {
      const cacheKey = executor.cacheKey(resume, jobContent, plan, fingerprint);
      const earlier = await store.findCompleted(cacheKey, reusableFor(plan));
      if (earlier) {
        // Already analysed with this very question by the chain's first provider (by an earlier
        // ranking, or by this one before a crash): nothing runs and nothing is recorded again. A
        // fallback's result is not reused: the run below asks the preferred provider again.
        counts.cached++;
      } else {
        const id = rankAnalysisId(task.id, resume.id);
        if (!(await store.find(id))) {
          await store.insert(
            queuedAnalysis({
              id,
              resumeId: resume.id,
              jobId: job.id,
              ...(payload.requestedProvider ? { requestedProvider: payload.requestedProvider } : {}),
              provider: plan.chain[0]?.name ?? 'mock',
              blind: plan.blind,
              cacheKey,
              taskId: task.id,
            }),
          );
        }
        const outcome = await executor.run(id, { signal: ctx.signal, plan, ...(corpus ? { corpus } : {}), corpusFingerprint: fingerprint });
        if (outcome?.analysis.status === 'completed') counts[outcome.cached ? 'cached' : 'analysed']++;
        else counts.failed++;
      }
      done++;
      // About a hundred progress writes per ranking, however many résumés: each is a task write.
      if (done === resumes.length || done % progressStep === 0) await ctx.progress(done, resumes.length);
    };

    try {
      await forEachLimited(resumes, rankConcurrency, ctx.signal, rankOne);
    } catch (error) {
      await settleUnfinished(task.id, resumes, ctx.signal.aborted, ctx.attempt >= task.maxAttempts);
      throw error;
    }
    return { jobId: job.id, total: resumes.length, ...counts, refused };
  };

  /**
   * A ranking that stops for good must not leave analyses 'queued' or 'running': cancelled, each one
   * it made and did not finish (this attempt's or an earlier one's) fails as `cancelled`; failed on
   * its last attempt, as `run_failed`. Cut short by a shutdown, they stay for the resumed task.
   */
  async function settleUnfinished(taskId: string, resumes: readonly AnalysableResume[], aborted: boolean, lastAttempt: boolean): Promise<void> {
    let code: string;
    let message: string;
    if (aborted && (await wasCancelled(taskId))) {
      [code, message] = ['cancelled', 'The ranking was cancelled before this analysis finished.'];
    } else if (!aborted && lastAttempt) {
      [code, message] = ['run_failed', 'The ranking could not finish this analysis; rank again later.'];
    } else {
      return;
    }
    // executor.fail keeps a finished analysis as it is and skips one never made.
    for (const resume of resumes) await executor.fail(rankAnalysisId(taskId, resume.id), code, message);
  }
}

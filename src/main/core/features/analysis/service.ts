// Analyses as the API offers them: request one (queued as a durable task, which answers from an
// identical completed analysis at no cost when there is one), read a résumé's analyses, rank a
// job's applicants and read the ranking, and sum tokens and cost. The work itself runs in tasks.ts.
import { randomUUID } from 'node:crypto';
import type { AnalyzeAccepted, AnalyzeBody, Ranking, RankBody, UsageQuery, UsageSummary } from '../../../../shared/api/analysis.js';
import type { Analysis } from '../../../../shared/schemas/analysis.js';
import type { Job } from '../../../../shared/schemas/job.js';
import type { Task } from '../../../../shared/schemas/task.js';
import type { AppDatabase } from '../../db/database.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { TaskQueue } from '../../tasks/queue.js';
import { taskIdFor } from '../../tasks/task-store.js';
import type { ActivityLog } from '../activities/service.js';
import { reusableFor, type AnalysisExecutor } from './analysis-executor.js';
import { queuedAnalysis, type AnalysisStore } from './analysis-store.js';
import { analysableResume, jobContentOf } from './analysis-subject.js';
import type { AnalysisJobContent } from './cache-key.js';
import { rankAnalyses } from './ranking.js';
import { ANALYSIS_RANK_TASK, ANALYSIS_RUN_TASK, type RankPayload } from './tasks.js';
import { summariseUsage } from './usage.js';

/** Attempts of an analysis task: provider retries happen inside a run, these cover the pool failing. */
const RUN_MAX_ATTEMPTS = 3;
const RANK_MAX_ATTEMPTS = 3;

export interface AnalysisRequest {
  jobId?: string;
  jobDescription?: string;
  provider?: AnalyzeBody['provider'];
  /** Fixes the analysis id (automatic analysis: one per application and résumé); random otherwise. */
  analysisId?: string;
}

export interface AnalysisService {
  /** @throws NotFoundError (résumé, job), ConflictError (not parsed yet), ValidationError (no text, both job fields) */
  analyze(actorId: string, resumeId: string, request: AnalysisRequest): Promise<AnalyzeAccepted>;
  get(id: string): Promise<Analysis>;
  /** Every analysis of the résumé, newest first; @throws NotFoundError for an unknown résumé with none. */
  listForResume(resumeId: string): Promise<Analysis[]>;
  rank(actorId: string, jobId: string, body: RankBody): Promise<Task>;
  ranking(jobId: string): Promise<Ranking>;
  usage(query: UsageQuery): Promise<UsageSummary>;
  /** Queues the task of analyses a crash left 'queued' without one; returns how many. */
  requeueQueued(): Promise<number>;
}

export interface AnalysisServiceDeps {
  db: AppDatabase;
  store: AnalysisStore;
  executor: AnalysisExecutor;
  queue: TaskQueue;
  activities: ActivityLog;
  getJob(id: string): Promise<Job | undefined>;
}

const runKey = (analysisId: string) => `${ANALYSIS_RUN_TASK}:${analysisId}`;

export function createAnalysisService({ db, store, executor, queue, activities, getJob }: AnalysisServiceDeps): AnalysisService {
  async function jobOf(jobId: string): Promise<Job> {
    const job = await getJob(jobId);
    if (!job) throw new NotFoundError(`No job with id ${jobId}.`, { field: 'job_id', jobId });
    return job;
  }

  async function resumeOf(resumeId: string) {
    const doc = await db.resumes.findOne(resumeId).exec();
    if (!doc) throw new NotFoundError(`No résumé with id ${resumeId}.`, { field: 'resume_id', resumeId });
    return doc.toMutableJSON();
  }

  const enqueueRun = (analysisId: string) =>
    queue.enqueue({ type: ANALYSIS_RUN_TASK, payload: { analysisId }, idempotencyKey: runKey(analysisId), maxAttempts: RUN_MAX_ATTEMPTS });

  return {
    async analyze(actorId, resumeId, request) {
      if (request.jobId !== undefined && request.jobDescription !== undefined) {
        throw new ValidationError('Give job_id or job_description, not both.', { field: 'job_description' });
      }
      const resume = analysableResume(await resumeOf(resumeId));
      const job: AnalysisJobContent | undefined =
        request.jobId !== undefined ? jobContentOf(await jobOf(request.jobId)) : request.jobDescription !== undefined ? { description: request.jobDescription } : undefined;
      const plan = await executor.plan(request.provider);
      const cacheKey = executor.cacheKey(resume, job, plan);

      const id = request.analysisId ?? randomUUID();
      const existing = await store.find(id);
      if (existing) return { task_id: existing.taskId ?? taskIdFor(runKey(id)), analysis_id: id, cached: existing.cachedFrom !== undefined };

      // Repeating an analysis is free: the identical completed one (answered by the chain's first
      // provider, not a fallback) is copied into a record of its own, marked `cachedFrom`, by the
      // run task, which calls no provider and bills nothing. Checked again when the task runs.
      const earlier = await store.findCompleted(cacheKey, reusableFor(plan));
      await store.insert(
        queuedAnalysis({
          id,
          resumeId,
          ...(request.jobId !== undefined ? { jobId: request.jobId } : {}),
          ...(request.jobDescription !== undefined ? { jobDescription: request.jobDescription } : {}),
          ...(request.provider ? { requestedProvider: request.provider } : {}),
          provider: request.provider ?? plan.chain[0]?.name ?? 'mock',
          blind: plan.blind,
          cacheKey,
          // The task's id follows from its idempotency key, so the document names it before it exists.
          taskId: taskIdFor(runKey(id)),
        }),
      );
      const task = await enqueueRun(id);
      await activities.record({
        actorId,
        action: 'analysis.requested',
        subjectType: 'resume',
        subjectId: resumeId,
        summary: 'Asked for an analysis of a résumé',
        details: { analysisId: id, taskId: task.id, ...(request.jobId ? { jobId: request.jobId } : {}), ...(request.provider ? { provider: request.provider } : {}) },
      });
      return { task_id: task.id, analysis_id: id, cached: earlier !== undefined, ...(earlier ? { cached_from: earlier.id } : {}) };
    },

    get: (id) => store.get(id),

    async listForResume(resumeId) {
      const analyses = await store.listForResume(resumeId);
      // A deleted résumé's analyses stay readable; a résumé that never existed is "not found".
      if (analyses.length === 0) await resumeOf(resumeId);
      return analyses;
    },

    async rank(actorId, jobId, body) {
      const job = await jobOf(jobId);
      if (body.resume_ids) {
        const found = await db.resumes.findByIds(body.resume_ids).exec();
        const missing = body.resume_ids.filter((id) => !found.has(id));
        if (missing.length > 0) throw new NotFoundError(`No résumé with id ${missing[0] ?? ''}.`, { field: 'resume_ids', missing: missing.slice(0, 20) });
      }
      const payload: RankPayload = {
        jobId,
        ...(body.resume_ids ? { resumeIds: body.resume_ids } : {}),
        ...(body.provider ? { requestedProvider: body.provider } : {}),
      };
      const task = await queue.enqueue({ type: ANALYSIS_RANK_TASK, payload: { ...payload }, idempotencyKey: `${ANALYSIS_RANK_TASK}:${randomUUID()}`, maxAttempts: RANK_MAX_ATTEMPTS });
      await activities.record({
        actorId,
        action: 'analysis.rank_requested',
        subjectType: 'job',
        subjectId: jobId,
        summary: `Asked to rank applicants for ${job.title}`,
        details: { taskId: task.id, ...(body.resume_ids ? { resumes: body.resume_ids.length } : {}), ...(body.provider ? { provider: body.provider } : {}) },
      });
      return task;
    },

    async ranking(jobId) {
      await jobOf(jobId);
      const analyses = await store.completedForJob(jobId);
      const resumeIds = [...new Set(analyses.map((a) => a.resumeId))];
      const resumes = await db.resumes.findByIds(resumeIds).exec();
      const candidateIds = [...new Set([...resumes.values()].map((r) => r.candidateId).filter((id) => id !== ''))];
      const candidates = await db.candidates.findByIds(candidateIds).exec();
      const items = rankAnalyses(analyses, (resumeId) => {
        const candidateId = resumes.get(resumeId)?.candidateId ?? '';
        return { candidateId, name: candidates.get(candidateId)?.name ?? '' };
      });
      return { job_id: jobId, items, total: items.length };
    },

    async usage(query) {
      if (query.from !== undefined && query.to !== undefined && query.from >= query.to) {
        throw new ValidationError('from must be before to.', { field: 'from' });
      }
      return summariseUsage(await store.createdBetween(query.from, query.to), query);
    },

    async requeueQueued() {
      const waiting = await store.queued();
      // Only single analyses: a ranking's analyses run inside their ranking task, which the queue
      // itself recovers. Enqueueing is idempotent per analysis, so a task that exists is kept.
      const single = waiting.filter((a) => a.taskId === taskIdFor(runKey(a.id)));
      for (const analysis of single) await enqueueRun(analysis.id);
      return single.length;
    },
  };
}

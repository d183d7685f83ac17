// Runs one queued analysis document to its end: reads the résumé and job, answers from the cache
// when an identical analysis answered by the chain's first provider has completed (no provider call,
// zero usage, `cachedFrom` naming it), otherwise runs the fallback chain in the worker pool
// (leaving out providers found unreachable moments ago), then records the outcome, marks the résumé
// analysed and announces 'analysis.completed'. Shared by the single-analysis and the ranking tasks.
import type { Analysis, AnalysisProvider, AnalysisUsage } from '../../../../shared/schemas/analysis.js';
import type { Job } from '../../../../shared/schemas/job.js';
import type { AppEventBus } from '../../app-events.js';
import type { Clock } from '../../clock.js';
import type { AppDatabase } from '../../db/database.js';
import type { Log } from '../../log.js';
import { DEFAULT_MODELS } from './providers/index.js';
import { PROMPT_VERSION } from './providers/prompt.js';
import { OFFLINE_MODEL, type AnalysisFallback, type AnalysisRunInput, type AnalysisRunOutcome, type ProviderRun } from './analysis-run.js';
import { analysableResume, jobOfAnalysis, type AnalysableResume } from './analysis-subject.js';
import type { AnalysisStore } from './analysis-store.js';
import { mergeSkipped, type ProviderReachability } from './provider-reachability.js';
import { analysisCacheKey, type AnalysisJobContent } from './cache-key.js';
import type { CorpusStats } from './offline/bm25.js';

/** What the executor needs of the worker pool. */
export interface AnalysisRunner {
  /** Answers every provider failure with a failed outcome; rejects only when `signal` aborts. */
  analyze(input: AnalysisRunInput, options?: { signal?: AbortSignal }): Promise<AnalysisRunOutcome>;
}

/** What it needs of the analysis settings: the chain for a requested provider, and blind mode. */
export interface AnalysisPlanner {
  resolveChain(requested?: AnalysisProvider): Promise<ProviderRun[]>;
  get(): Promise<{ blindMode: boolean }>;
}

export interface AnalysisPlan {
  chain: ProviderRun[];
  blind: boolean;
}

export interface RunContext {
  signal: AbortSignal;
  /** Resolved once for a whole ranking; resolved per analysis otherwise. */
  plan?: AnalysisPlan;
  corpus?: CorpusStats;
  corpusFingerprint?: string;
}

export interface RunResult {
  analysis: Analysis;
  /** Answered from an identical completed analysis. */
  cached: boolean;
  /** Providers that failed before the one that answered (or all of them, when none did). */
  fallbacks: { provider: string; code: string }[];
}

/**
 * Whether a completed analysis may answer a request planned as `plan`: only a result of the chain's
 * first link is. One a fallback gave (mock because the cloud provider was unreachable, say) answered
 * a lesser question than the one asked, so once the preferred provider can be used the analysis runs
 * again. When the first link is `mock` (asked for, or the only one configured), mock results are
 * the answer and are reused.
 */
export function reusableFor({ chain }: AnalysisPlan): (analysis: Analysis) => boolean {
  const first = chain[0]?.name;
  return (analysis) => analysis.result !== undefined && analysis.provider === first;
}

export interface AnalysisExecutor {
  plan(requested?: AnalysisProvider): Promise<AnalysisPlan>;
  cacheKey(resume: AnalysableResume, job: AnalysisJobContent | undefined, plan: AnalysisPlan, corpusFingerprint?: string): string;
  /** Runs a queued or interrupted analysis; a finished one is returned as it is. */
  run(analysisId: string, context: RunContext): Promise<RunResult | undefined>;
  /** Records a failure that is not a provider's (the pool could not run it); a finished one is kept. */
  fail(analysisId: string, code: string, message: string): Promise<Analysis | undefined>;
}

export interface AnalysisExecutorDeps {
  db: AppDatabase;
  store: AnalysisStore;
  runner: AnalysisRunner;
  planner: AnalysisPlanner;
  /** Which providers were found unreachable moments ago, so runs skip them for a while. */
  reachability: ProviderReachability;
  /** Reads a job by id (the jobs feature's in-memory index). */
  getJob(id: string): Promise<Job | undefined>;
  events: AppEventBus;
  clock: Clock;
  log: Log;
}

const ZERO_USAGE: AnalysisUsage = { inputTokens: 0, outputTokens: 0, costUsd: 0 };
const RAW_REPLY_MAX = 500_000;
const ERROR_MESSAGE_MAX = 2000;

/** The model a chain link will use, for the cache key: the configured one or the provider's default. */
export function modelOf(run: ProviderRun): string {
  return run.name === 'mock' ? OFFLINE_MODEL : (run.model ?? DEFAULT_MODELS[run.name]);
}

/** A run's whole charge: the answering provider's tokens plus what failed providers still billed. */
function totalUsage(main: AnalysisUsage | undefined, fallbacks: readonly AnalysisFallback[], mainIsLastFallback: boolean): AnalysisUsage {
  const parts = [...(mainIsLastFallback ? [] : [main]), ...fallbacks.map((f) => f.usage)];
  return parts.reduce<AnalysisUsage>(
    (sum, usage) =>
      usage
        ? { inputTokens: sum.inputTokens + usage.inputTokens, outputTokens: sum.outputTokens + usage.outputTokens, costUsd: sum.costUsd + usage.costUsd }
        : sum,
    ZERO_USAGE,
  );
}

export function createAnalysisExecutor(deps: AnalysisExecutorDeps): AnalysisExecutor {
  const { db, store, runner, planner, reachability, events, clock } = deps;
  const log = deps.log.child({ module: 'analysis' });

  async function plan(requested?: AnalysisProvider): Promise<AnalysisPlan> {
    const [chain, settings] = await Promise.all([planner.resolveChain(requested), planner.get()]);
    return { chain, blind: settings.blindMode };
  }

  function cacheKey(resume: AnalysableResume, job: AnalysisJobContent | undefined, { chain, blind }: AnalysisPlan, corpusFingerprint?: string): string {
    return analysisCacheKey({
      resumeSha256: resume.sha256,
      job,
      chain: chain.map((run) => ({ provider: run.name, model: modelOf(run) })),
      promptVersion: PROMPT_VERSION,
      blind,
      ...(corpusFingerprint === undefined ? {} : { corpusFingerprint }),
    });
  }

  /** Writes the final state unless the document already has one; announces it. */
  async function finish(id: string, final: (current: Analysis) => Analysis): Promise<Analysis | undefined> {
    const written = await store.modify(id, (current) => (current.status === 'completed' || current.status === 'failed' ? null : final(current)));
    if (!written) return undefined;
    if (written.status === 'completed') await markResumeAnalyzed(written.resumeId);
    events.emit('analysis.completed', {
      id: written.id,
      resumeId: written.resumeId,
      ...(written.jobId ? { jobId: written.jobId } : {}),
      status: written.status === 'completed' ? 'completed' : 'failed',
      provider: written.provider,
    });
    return written;
  }

  /**
   * A parsed résumé becomes 'analyzed' (one conditional write; a résumé being re-parsed meanwhile is
   * left alone). Written here rather than through the résumés service, which offers no such change.
   */
  async function markResumeAnalyzed(resumeId: string): Promise<void> {
    const doc = await db.resumes.findOne(resumeId).exec();
    if (doc?.status !== 'parsed') return;
    let changed = false;
    const written = await doc.incrementalModify((current) => {
      changed = current.status === 'parsed';
      return changed ? { ...current, status: 'analyzed' } : current;
    });
    if (changed) {
      events.emit('resume.changed', {
        id: written.id,
        status: written.status,
        ...(written.candidateId ? { candidateId: written.candidateId } : {}),
        ...(written.importId ? { importId: written.importId } : {}),
      });
    }
  }

  /** Every link was skipped as unreachable: the run fails as the last of them, without the pool. */
  function allSkipped(chain: readonly ProviderRun[], skipped: readonly AnalysisFallback[]): AnalysisRunOutcome {
    const last = skipped.at(-1);
    const run = chain.find((link) => link.name === last?.provider);
    return {
      ok: false,
      provider: last?.provider ?? null,
      model: run ? modelOf(run) : '',
      error: last ? { code: last.code, message: last.message } : { code: 'no_provider', message: 'No analysis provider is configured.' },
      fallbacks: [],
    };
  }

  const failWith = (id: string, code: string, message: string) =>
    finish(id, (current) => ({ ...current, status: 'failed', error: { code, message }, completedAt: clock.now() }));

  async function run(analysisId: string, context: RunContext): Promise<RunResult | undefined> {
    const queued = await store.find(analysisId);
    if (!queued) return undefined;
    if (queued.status === 'completed' || queued.status === 'failed') return { analysis: queued, cached: false, fallbacks: [] };

    const resumeDoc = await db.resumes.findOne(queued.resumeId).exec();
    let resume: AnalysableResume;
    try {
      if (!resumeDoc) throw new Error(`The résumé ${queued.resumeId} no longer exists.`);
      resume = analysableResume(resumeDoc.toMutableJSON());
    } catch (error) {
      const failed = await failWith(analysisId, resumeDoc ? 'resume_not_analysable' : 'resume_missing', (error as Error).message.slice(0, ERROR_MESSAGE_MAX));
      return failed && { analysis: failed, cached: false, fallbacks: [] };
    }
    const storedJob = queued.jobId ? await deps.getJob(queued.jobId) : undefined;
    if (queued.jobId && !storedJob) {
      const failed = await failWith(analysisId, 'job_missing', `The job ${queued.jobId} no longer exists.`);
      return failed && { analysis: failed, cached: false, fallbacks: [] };
    }
    const job = jobOfAnalysis(queued, storedJob);
    const runPlan = context.plan ?? (await plan(queued.requestedProvider));
    const key = cacheKey(resume, job, runPlan, context.corpusFingerprint);

    const hit = await store.findCompleted(key, reusableFor(runPlan));
    if (hit?.result && hit.id !== analysisId) {
      const result = hit.result;
      const copied = await finish(analysisId, (current) => ({
        ...current,
        status: 'completed',
        cacheKey: key,
        provider: hit.provider,
        model: hit.model,
        promptVersion: hit.promptVersion,
        blind: hit.blind,
        result,
        ...(hit.checks ? { checks: hit.checks } : {}),
        cachedFrom: hit.id,
        usage: ZERO_USAGE,
        durationMs: 0,
        completedAt: clock.now(),
      }));
      return copied && { analysis: copied, cached: true, fallbacks: [] };
    }

    await store.modify(analysisId, (current) => (current.status === 'queued' || current.status === 'running' ? { ...current, status: 'running', cacheKey: key, blind: runPlan.blind } : null));
    // The cache key above is the whole chain's: skipping an unreachable link changes who answers,
    // not what was asked.
    const { runnable, skipped } = reachability.split(runPlan.chain);
    const ran = runnable.length === 0
      ? allSkipped(runPlan.chain, skipped)
      : await runner.analyze({
          resumeText: resume.text,
          profile: resume.profile,
          ...(job ? { job } : {}),
          chain: runnable,
          blind: runPlan.blind,
          ...(context.corpus ? { corpus: context.corpus } : {}),
          now: clock.now(),
        }, { signal: context.signal });
    // Cancelled while the pool worked: the queue records nothing, and neither does the analysis.
    context.signal.throwIfAborted();
    reachability.observe(runnable, ran);
    const outcome: AnalysisRunOutcome = { ...ran, fallbacks: mergeSkipped(runPlan.chain, skipped, ran) };
    const fallbacks = outcome.fallbacks.map((f) => ({ provider: f.provider, code: f.code }));

    if (outcome.ok) {
      const done = await finish(analysisId, (current) => ({
        ...current,
        status: 'completed',
        provider: outcome.provider,
        model: outcome.model,
        promptVersion: outcome.promptVersion,
        blind: outcome.blind,
        result: outcome.result,
        checks: outcome.checks,
        usage: totalUsage(outcome.usage, outcome.fallbacks, false),
        durationMs: Math.max(0, Math.round(outcome.durationMs)),
        completedAt: clock.now(),
      }));
      if (done && outcome.fallbacks.length > 0) log.info({ analysisId, provider: outcome.provider, fallbacks }, 'analysis answered by a fallback provider');
      return done && { analysis: done, cached: false, fallbacks };
    }
    const failed = await finish(analysisId, (current) => ({
      ...current,
      status: 'failed',
      provider: outcome.provider ?? current.provider,
      model: outcome.model,
      error: { code: outcome.error.code.slice(0, 64) || 'failed', message: outcome.error.message.slice(0, ERROR_MESSAGE_MAX) },
      ...(outcome.rawReply === undefined ? {} : { rawReply: outcome.rawReply.slice(0, RAW_REPLY_MAX) }),
      usage: totalUsage(outcome.usage, outcome.fallbacks, true),
      completedAt: clock.now(),
    }));
    if (failed) log.warn({ analysisId, code: outcome.error.code, fallbacks }, 'analysis failed with every provider');
    return failed && { analysis: failed, cached: false, fallbacks };
  }

  return { plan, cacheKey, run, fail: failWith };
}

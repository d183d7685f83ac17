// One analysis of one résumé, run inside a pool worker: walks the fallback chain (for example
// gemini → openai → mock), asks each provider for the validated analysis, checks its quotes and
// skills against the text it was sent, and answers with the first success or the last failure.
// Every provider's time, retries included, comes out of a fixed budget, so a run has a deadline the
// pool can enforce; failures are described by stable codes and messages built here, never by a
// provider's own text (which can echo the key or the résumé).
import type { AnalysisResult, EvidenceChecks, EvidencedPoint } from '../../../../shared/schemas/analysis.js';
import type { ExtractedProfile } from '../../../../shared/schemas/resume-profile.js';
import { systemClock } from '../../clock.js';
import { extractProfile } from '../resumes/profile/extract-profile.js';
import { redactPersonalDetails } from './blind.js';
import { verifyClaims } from './evidence.js';
import type { CorpusStats } from './offline/bm25.js';
import type { OfflineAnalyser } from './offline/offline-analyser.js';
import {
  DEFAULT_RETRY_POLICY,
  InvalidReplyError,
  PROMPT_VERSION,
  ProviderError,
  buildAnalysisPrompt,
  createProvider,
  estimateCost,
  requestStructured,
  sleepOn,
  type AnalysisJob,
  type LlmProviderName,
  type Sleep,
  type TokenUsage,
} from './providers/index.js';

export type AnalysisProviderName = LlmProviderName | 'mock';

/** One link of the fallback chain, with everything a worker needs to reach the provider. */
export interface ProviderRun {
  name: AnalysisProviderName;
  model?: string;
  baseUrl?: string;
  /** Read from the credential store by the main thread just before the run; never stored. */
  apiKey?: string;
  /** Per request; also sets the provider's share of the run's deadline. */
  timeoutMs: number;
  /** Requests per structured call for rate limits, outages and time-outs. */
  maxAttempts?: number;
}

export interface AnalysisRunInput {
  resumeText: string;
  /** The profile extracted at import; when null it is extracted here from the text. */
  profile: ExtractedProfile | null;
  job?: AnalysisJob;
  /** Ordered: the first provider that answers wins. */
  chain: ProviderRun[];
  /** Remove personal details before the text goes to a cloud provider (gemini, openai). */
  blind: boolean;
  /** BM25 statistics of the résumés ranked together, for the offline analyser. */
  corpus?: CorpusStats;
  /** Epoch ms that "present" in a work history stands for. */
  now: number;
}

export interface AnalysisRunUsage extends TokenUsage {
  costUsd: number;
}

export interface AnalysisFallback {
  provider: AnalysisProviderName;
  code: string;
  message: string;
  /** Tokens the failed provider still charged for (invalid replies are paid for). */
  usage?: AnalysisRunUsage;
}

export type AnalysisRunOutcome =
  | {
      ok: true;
      provider: AnalysisProviderName;
      model: string;
      result: AnalysisResult;
      checks: EvidenceChecks;
      usage: AnalysisRunUsage;
      attempts: number;
      promptVersion: string;
      /** Whether the text the provider saw had personal details removed. */
      blind: boolean;
      durationMs: number;
      fallbacks: AnalysisFallback[];
    }
  | {
      ok: false;
      provider: AnalysisProviderName | null;
      model: string;
      error: { code: string; message: string };
      /** The last reply that failed validation, when that is why the last provider failed. */
      rawReply?: string;
      usage?: AnalysisRunUsage;
      fallbacks: AnalysisFallback[];
    };

export interface AnalysisRunDeps {
  /** The offline analyser (`mock`); its skill matcher also checks the providers' skill claims. */
  offline: OfflineAnalyser;
  /** Cancels the whole run; the run then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Waits between retries; real time by default (tests pass a recorder). */
  sleep?: Sleep;
  /** Jitter source for backoff, in [0, 1). */
  random?: () => number;
  /** Reads the time for durations and budgets; the system clock by default. */
  now?: () => number;
}

/** The model name recorded for the offline analyser: bump with changes that alter its results. */
export const OFFLINE_MODEL = 'offline-v1';

/** Time the offline analyser and the evidence checks may take, on top of the providers' budgets. */
const LOCAL_WORK_ALLOWANCE_MS = 10_000;

const CLOUD_PROVIDERS: ReadonlySet<AnalysisProviderName> = new Set(['gemini', 'openai']);
/** The credential each cloud provider cannot run without. */
const KEY_NAMES: Readonly<Partial<Record<AnalysisProviderName, string>>> = { gemini: 'GOOGLE_API_KEY', openai: 'OPENAI_API_KEY' };

/**
 * How long a provider may take in all: each request (the corrective one included) its full time-out.
 * Waits between retries come out of the same budget, so a long Retry-After ends the provider's turn
 * instead of stretching the run.
 */
export function providerBudgetMs(run: ProviderRun): number {
  if (run.name === 'mock') return 0;
  const attempts = run.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts;
  return run.timeoutMs * (attempts + 1);
}

/** The run's overall deadline: the pool stops a worker that runs past it. */
export function analysisDeadlineMs(chain: readonly ProviderRun[]): number {
  return chain.reduce((total, run) => total + providerBudgetMs(run), LOCAL_WORK_ALLOWANCE_MS);
}

/** Says a provider's budget ran out; becomes a `timeout` fallback. */
class BudgetSpent extends Error {}

// Placeholders blind mode puts in the text ("[name]", "[marital status]"): a quote made of nothing
// else is found in the text sent but is no evidence of anything.
const PLACEHOLDER_RE = /\[[a-z ]+\]/gu;

export async function runAnalysis(input: AnalysisRunInput, deps: AnalysisRunDeps): Promise<AnalysisRunOutcome> {
  const now = deps.now ?? (() => Date.now());
  const sleep = deps.sleep ?? sleepOn(systemClock);
  const started = now();
  const profile = input.profile ?? extractProfile(input.resumeText, { skills: deps.offline.matcher, now: new Date(input.now) });
  const fallbacks: AnalysisFallback[] = [];
  let last: Extract<AnalysisRunOutcome, { ok: false }> = {
    ok: false,
    provider: null,
    model: '',
    error: { code: 'no_provider', message: 'No analysis provider is configured.' },
    fallbacks,
  };

  for (const run of input.chain) {
    deps.signal?.throwIfAborted();
    if (run.name === 'mock') {
      try {
        const result = deps.offline.analyze({
          resumeText: input.resumeText,
          profile,
          ...(input.job ? { job: input.job } : {}),
          ...(input.corpus ? { corpus: input.corpus } : {}),
        });
        return {
          ok: true,
          provider: 'mock',
          model: OFFLINE_MODEL,
          result,
          checks: { droppedEvidence: 0, droppedSkills: 0 },
          usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
          attempts: 1,
          promptVersion: PROMPT_VERSION,
          blind: false,
          durationMs: now() - started,
          fallbacks,
        };
      } catch {
        last = failure(run, OFFLINE_MODEL, 'offline_failed', 'The offline analyser failed on this résumé.');
        continue;
      }
    }

    const name = run.name;
    const secret = KEY_NAMES[name];
    if (secret && !run.apiKey) {
      last = failure(run, run.model ?? '', 'no_key', `${name} needs ${secret}, which is not set`);
      continue;
    }
    const blind = input.blind && CLOUD_PROVIDERS.has(name);
    const sentText = blind ? redactPersonalDetails(input.resumeText, profile).text : input.resumeText;
    const prompt = buildAnalysisPrompt({ resumeText: sentText, ...(input.job ? { job: input.job } : {}) });
    const provider = createProvider(name, {
      timeoutMs: run.timeoutMs,
      ...(run.model ? { model: run.model } : {}),
      ...(run.baseUrl ? { baseUrl: run.baseUrl } : {}),
      ...(run.apiKey ? { apiKey: run.apiKey } : {}),
    });
    const budgetMs = providerBudgetMs(run);
    const budgetEnds = now() + budgetMs;
    const budget = AbortSignal.timeout(budgetMs);
    const signal = deps.signal ? AbortSignal.any([deps.signal, budget]) : budget;
    const budgetedSleep: Sleep = (ms, sleepSignal) =>
      ms >= budgetEnds - now() ? Promise.reject(new BudgetSpent()) : sleep(ms, sleepSignal);

    try {
      const answer = await requestAnalysis();
      const verified = verifyClaims(answer.value, sentText, deps.offline.matcher);
      const { result, dropped } = withoutPlaceholderEvidence(verified.result);
      return {
        ok: true,
        provider: name,
        model: answer.model,
        result,
        checks: { ...verified.checks, droppedEvidence: verified.checks.droppedEvidence + dropped },
        usage: priced(name, answer.model, answer.usage),
        attempts: answer.attempts,
        promptVersion: prompt.promptVersion,
        blind,
        durationMs: now() - started,
        fallbacks,
      };
    } catch (error) {
      if (deps.signal?.aborted) throw deps.signal.reason;
      const model = provider.model;
      if (error instanceof InvalidReplyError) {
        last = { ...failure(run, model, 'invalid_reply', error.message, priced(name, model, error.usage)), rawReply: error.rawReply };
      } else if (error instanceof ProviderError) {
        last = failure(run, model, error.kind, error.message);
      } else if (error instanceof BudgetSpent || budget.aborted) {
        last = failure(run, model, 'timeout', `${name} did not answer within the ${budgetMs} ms allowed for it, retries included`);
      } else {
        last = failure(run, model, 'provider_failed', `${name} failed unexpectedly`);
      }
    }

    // Quotes are not a `validate` check here: one invented quote among good ones would cost the
    // whole reply (corrective request, then fallback). verifyClaims drops it afterwards and counts it.
    async function requestAnalysis() {
      const answer = await requestStructured(provider, prompt, {
        sleep: budgetedSleep,
        signal,
        retry: { maxAttempts: run.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts },
        ...(deps.random ? { random: deps.random } : {}),
      });
      // The prompt's schema is JobAnalysisSchema or ResumeOnlyAnalysisSchema, both narrower than
      // AnalysisResult, and requestStructured has validated the value against it.
      return { ...answer, value: answer.value as AnalysisResult };
    }
  }
  return last;

  function failure(
    run: ProviderRun,
    model: string,
    code: string,
    message: string,
    usage?: AnalysisRunUsage,
  ): Extract<AnalysisRunOutcome, { ok: false }> {
    fallbacks.push({ provider: run.name, code, message, ...(usage ? { usage } : {}) });
    return { ok: false, provider: run.name, model, error: { code, message }, ...(usage ? { usage } : {}), fallbacks };
  }
}

function priced(provider: LlmProviderName, model: string, usage: TokenUsage): AnalysisRunUsage {
  return { ...usage, costUsd: estimateCost(provider, model, usage).costUsd };
}

function withoutPlaceholderEvidence(result: AnalysisResult): { result: AnalysisResult; dropped: number } {
  let dropped = 0;
  const keep = (points: readonly EvidencedPoint[]) =>
    points.filter((point) => {
      const empty = point.evidence.trim() === '';
      const substance = point.evidence.replace(PLACEHOLDER_RE, '').replace(/[^\p{L}\p{N}]/gu, '');
      if (!empty && substance === '') {
        dropped++;
        return false;
      }
      return true;
    });
  return { result: { ...result, strengths: keep(result.strengths), concerns: keep(result.concerns) }, dropped };
}

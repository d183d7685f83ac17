// Remembers, for a short while, which providers could not be reached, so that a ranking of a
// thousand résumés while offline tries the network a handful of times rather than a thousand: a
// provider found unreachable is left out of the chain until its skip window ends. Kept on the main
// thread (pool workers come and go) and keyed by provider and address, since a changed base URL is
// a different server. The settings screen's "test" bypasses it and always really tries.
import type { Clock } from '../../clock.js';
import type { AnalysisFallback, AnalysisProviderName, AnalysisRunOutcome, ProviderRun } from './analysis-run.js';

/** How long a provider found unreachable is skipped. */
export const UNREACHABLE_SKIP_MS = 60_000;

export const UNREACHABLE_CODE = 'unreachable';

export interface ChainSplit {
  /** The links to try, in chain order. */
  runnable: ProviderRun[];
  /** The fallbacks the skipped links stand for, recorded as `unreachable`. */
  skipped: AnalysisFallback[];
}

export interface ProviderReachability {
  /** Leaves out the links found unreachable within the skip window. */
  split(chain: readonly ProviderRun[]): ChainSplit;
  /** Learns from a run over `tried`: unreachable providers start a window, the one that answered ends its own. */
  observe(tried: readonly ProviderRun[], outcome: AnalysisRunOutcome): void;
}

export function createProviderReachability({ clock, skipMs = UNREACHABLE_SKIP_MS }: { clock: Pick<Clock, 'now'>; skipMs?: number }): ProviderReachability {
  /** Key → epoch ms until which the provider is skipped. */
  const skipUntil = new Map<string, number>();
  const keyOf = (run: ProviderRun) => `${run.name} ${run.baseUrl ?? ''}`;

  function skippedUntil(run: ProviderRun): number | undefined {
    const until = skipUntil.get(keyOf(run));
    if (until === undefined) return undefined;
    if (until > clock.now()) return until;
    skipUntil.delete(keyOf(run));
    return undefined;
  }

  return {
    split(chain) {
      const runnable: ProviderRun[] = [];
      const skipped: AnalysisFallback[] = [];
      for (const run of chain) {
        const until = run.name === 'mock' ? undefined : skippedUntil(run);
        if (until === undefined) {
          runnable.push(run);
          continue;
        }
        const seconds = Math.ceil((until - clock.now()) / 1000);
        skipped.push({ provider: run.name, code: UNREACHABLE_CODE, message: `${run.name} could not be reached moments ago; not tried again for ${seconds} s` });
      }
      return { runnable, skipped };
    },

    observe(tried, outcome) {
      const byName = new Map<AnalysisProviderName, ProviderRun>(tried.map((run) => [run.name, run]));
      for (const fallback of outcome.fallbacks) {
        const run = byName.get(fallback.provider);
        if (run && fallback.code === UNREACHABLE_CODE) skipUntil.set(keyOf(run), clock.now() + skipMs);
      }
      const answered = outcome.ok ? byName.get(outcome.provider) : undefined;
      if (answered) skipUntil.delete(keyOf(answered));
    },
  };
}

/**
 * The run's fallbacks with the skipped links put back where they stand in the chain; when a provider
 * answered, only the skipped links before it (the chain never got to the others).
 */
export function mergeSkipped(chain: readonly ProviderRun[], skipped: readonly AnalysisFallback[], outcome: AnalysisRunOutcome): AnalysisFallback[] {
  const position = (name: AnalysisProviderName) => chain.findIndex((run) => run.name === name);
  const answeredAt = outcome.ok ? position(outcome.provider) : chain.length;
  const before = skipped.filter((fallback) => position(fallback.provider) < answeredAt);
  return [...before, ...outcome.fallbacks].sort((a, b) => position(a.provider) - position(b.provider));
}

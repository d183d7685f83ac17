// One abort signal per provider request: the caller's cancellation joined with the per-request
// time-out, so a hung provider fails with `timeout` while a cancelled task stays a cancellation.
import { ProviderError, type LlmProviderName } from './provider.js';

export interface AttemptSignal {
  readonly signal: AbortSignal;
  /**
   * What an SDK error really means once either signal fired: the caller's abort reason when the
   * caller cancelled, a `timeout` ProviderError when the time-out fired, otherwise undefined.
   */
  abortOutcome(provider: LlmProviderName): unknown;
}

export function startAttempt(timeoutMs: number, callerSignal: AbortSignal | undefined): AttemptSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
  return {
    signal,
    abortOutcome(provider) {
      if (callerSignal?.aborted) return callerSignal.reason;
      if (timeout.aborted) return new ProviderError(provider, 'timeout');
      return undefined;
    },
  };
}

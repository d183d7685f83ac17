// When to try a provider again and how long to wait first: exponential backoff with jitter, or the
// provider's own Retry-After when it gave one, both capped.
import type { Clock } from '../../../clock.js';

export interface RetryPolicy {
  /** Requests per structured call before giving up on rate limits, outages and time-outs (≥ 1). */
  maxAttempts: number;
  /** First backoff; doubled each retry. */
  baseDelayMs: number;
  /** No wait is longer than this, whatever Retry-After says. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/**
 * The wait before retry number `retry` (1 for the first retry). Retry-After wins when given; otherwise
 * base·2^(retry−1) scaled by a random factor in [0.5, 1) so that many clients do not retry in step.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  retry: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(0, retryAfterMs), policy.maxDelayMs);
  const exponential = Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
  return Math.round(exponential * (0.5 + random() * 0.5));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** A Sleep on the app's Clock, so a FakeClock drives backoff in tests. */
export function sleepOn(clock: Clock): Sleep {
  return (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        cancel();
        reject(signal?.reason);
      };
      const cancel = clock.setTimer(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
}

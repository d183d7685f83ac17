// Retry delays: exponential backoff with "full jitter" (a uniform pick between 0 and the capped
// exponential), so many tasks failing together (the network dropped) do not retry in lockstep.

export interface BackoffPolicy {
  /** Upper bound of the first retry's delay. */
  baseMs: number;
  /** No delay is ever longer than this. */
  capMs: number;
  /** Growth per failed attempt (2 doubles the window each time). */
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 10 * 60_000, factor: 2 };

/** The largest delay `retryDelayMs` can give after the `failedAttempts`-th failure. */
export function backoffWindowMs(failedAttempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // A huge exponent gives Infinity, which the cap absorbs.
  return Math.min(policy.capMs, policy.baseMs * policy.factor ** exponent);
}

/**
 * Delay in whole milliseconds before retrying after the `failedAttempts`-th failure (1 = first):
 * `floor(random() * min(cap, base * factor^(failedAttempts-1)))`. `random` returns [0, 1).
 */
export function retryDelayMs(
  failedAttempts: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const window = backoffWindowMs(failedAttempts, policy);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.min(Math.floor(r * window), Math.max(0, Math.ceil(window) - 1));
}

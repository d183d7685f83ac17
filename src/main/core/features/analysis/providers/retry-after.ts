// Reading how long a provider asks us to wait: the HTTP Retry-After header (seconds or an HTTP
// date), OpenAI's retry-after-ms, or Google's RetryInfo detail ("17s") in the error body.

/** Milliseconds to wait from a Retry-After header value, or undefined when it says nothing usable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Milliseconds from OpenAI's `retry-after-ms` header. */
export function parseRetryAfterMs(value: string | null | undefined): number | undefined {
  if (value == null || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  return Math.round(Number(value.trim()));
}

/** Milliseconds from a google.rpc.RetryInfo `retryDelay` such as "17s" or "0.5s". */
export function parseGoogleRetryDelay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match?.[1] === undefined ? undefined : Math.round(Number(match[1]) * 1000);
}

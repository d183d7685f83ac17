// Asks a provider for JSON that fits a schema, and does not trust what comes back: the reply is parsed
// and validated; an invalid reply gets one corrective request naming what was wrong; rate limits,
// outages and time-outs are retried with backoff (Retry-After honoured); a provider not reached at
// all gets one immediate retry and no backoff. Model output never reaches the caller unvalidated.
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import {
  ProviderError,
  type LlmProvider,
  type LlmProviderName,
  type ProviderReply,
  type StructuredRequest,
  type TokenUsage,
} from './provider.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy, type Sleep } from './retry-policy.js';

export interface StructuredRequestOptions<T> {
  /** How waits between retries happen: `sleepOn(clock)` in the app, a recorder in tests. */
  sleep: Sleep;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  /** Jitter source, in [0, 1). */
  random?: () => number;
  /** Checks beyond the schema (e.g. that quotes come from the résumé); returns problems, empty when fine. */
  validate?: (value: T) => string[];
}

export interface StructuredResult<T> {
  value: T;
  /** The reply the value came from. */
  reply: ProviderReply;
  /** Requests sent in all, counting retries and the corrective request. */
  attempts: number;
  provider: LlmProviderName;
  model: string;
  /** Tokens over every request that got an answer (the rejected ones were paid for too). */
  usage: TokenUsage;
}

/**
 * The reply still did not fit the schema after the corrective request. The raw reply is kept for the
 * analysis record but held in a private field, so logging or serialising the error (pino's error
 * serialiser copies enumerable fields) cannot spill résumé quotes it may contain.
 */
export class InvalidReplyError extends ProviderError {
  readonly #rawReply: string;

  constructor(
    provider: LlmProviderName,
    rawReply: string,
    readonly problems: readonly string[],
    readonly attempts: number,
    readonly usage: TokenUsage,
  ) {
    super(provider, 'invalid_reply');
    this.#rawReply = rawReply;
  }

  get rawReply(): string {
    return this.#rawReply;
  }
}

const MAX_PROBLEMS_LISTED = 20;

export async function requestStructured<Schema extends TSchema>(
  provider: LlmProvider,
  request: StructuredRequest<Schema>,
  options: StructuredRequestOptions<Static<Schema>>,
): Promise<StructuredResult<Static<Schema>>> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const random = options.random ?? Math.random;
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  let attempts = 0;

  const send = async (prompt: string): Promise<ProviderReply> => {
    let unreachableRetried = false;
    for (let tryNumber = 1; ; tryNumber++) {
      attempts++;
      try {
        const reply = await provider.complete({ ...request, prompt }, options.signal ? { signal: options.signal } : {});
        usage.inputTokens += reply.usage.inputTokens;
        usage.outputTokens += reply.usage.outputTokens;
        return reply;
      } catch (error) {
        if (!(error instanceof ProviderError) || tryNumber >= policy.maxAttempts) throw error;
        // Not reached at all: one immediate retry covers a pooled connection the server had just
        // closed; a second failure means offline (or nothing listening), where backoff only delays
        // the fallback.
        if (error.kind === 'unreachable') {
          if (unreachableRetried) throw error;
          unreachableRetried = true;
          continue;
        }
        if (!error.retryable) throw error;
        await options.sleep(retryDelayMs(policy, tryNumber, error.retryAfterMs, random), options.signal);
      }
    }
  };

  const check = (reply: ProviderReply) => checkReply(request.schema, reply.text, options.validate);

  const first = await send(request.prompt);
  const firstCheck = check(first);
  if (firstCheck.ok) return done(firstCheck.value, first);

  const second = await send(correctivePrompt(request.prompt, firstCheck.problems));
  const secondCheck = check(second);
  if (secondCheck.ok) return done(secondCheck.value, second);
  throw new InvalidReplyError(provider.name, second.text, secondCheck.problems, attempts, { ...usage });

  function done(value: Static<Schema>, reply: ProviderReply): StructuredResult<Static<Schema>> {
    return { value, reply, attempts, provider: provider.name, model: reply.model, usage: { ...usage } };
  }
}

type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Parses (tolerating a ```json fence) and validates a reply against the schema and extra checks. */
export function checkReply<Schema extends TSchema>(
  schema: Schema,
  text: string,
  validate?: (value: Static<Schema>) => string[],
): Checked<Static<Schema>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(withoutCodeFence(text));
  } catch {
    return { ok: false, problems: ['the reply is not valid JSON'] };
  }
  if (!Value.Check(schema, parsed)) {
    const problems = [...Value.Errors(schema, parsed)].map(
      (error) => `${error.instancePath === '' ? '(root)' : error.instancePath}: ${error.message}`,
    );
    return { ok: false, problems: problems.slice(0, MAX_PROBLEMS_LISTED) };
  }
  const value = parsed as Static<Schema>;
  const extra = validate?.(value) ?? [];
  return extra.length > 0 ? { ok: false, problems: extra.slice(0, MAX_PROBLEMS_LISTED) } : { ok: true, value };
}

/** Models sometimes wrap JSON in a Markdown fence even when asked for JSON only. */
export function withoutCodeFence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('```') || !trimmed.endsWith('```') || trimmed.length < 6) return text;
  // Drop the opening fence with its language tag ("```json"), and the closing fence.
  const body = trimmed.slice(3, -3).replace(/^[A-Za-z]*/, '');
  return body.trim();
}

function correctivePrompt(prompt: string, problems: readonly string[]): string {
  return [
    prompt,
    '',
    'Your previous reply was rejected because it did not match the required JSON schema:',
    ...problems.map((problem) => `- ${problem}`),
    'Reply again with only the corrected JSON object, matching the schema exactly.',
  ].join('\n');
}

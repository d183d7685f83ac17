// The one interface every LLM provider (Gemini, OpenAI, Ollama) implements, and the one error they
// throw. The analysis service talks only to this; which SDK sits behind it is the provider's affair.
import type { TSchema } from 'typebox';
import type { Clock } from '../../../clock.js';
import { ExternalServiceError } from '../../../errors.js';

export const LLM_PROVIDER_NAMES = ['gemini', 'openai', 'ollama'] as const;
export type LlmProviderName = (typeof LLM_PROVIDER_NAMES)[number];

/** The model used when none is configured, per provider (the one place these defaults live). */
export const DEFAULT_MODELS: Readonly<Record<LlmProviderName, string>> = {
  gemini: 'gemini-2.5-flash',
  openai: 'gpt-4o-mini',
  ollama: 'llama3.1',
};

/** Where each provider is reached when no base URL is configured. */
export const DEFAULT_BASE_URLS: Readonly<Record<LlmProviderName, string>> = {
  gemini: 'https://generativelanguage.googleapis.com',
  openai: 'https://api.openai.com/v1',
  ollama: 'http://127.0.0.1:11434',
};

/** A request for a JSON reply that matches `schema` (a TypeBox schema, i.e. plain JSON Schema). */
export interface StructuredRequest<Schema extends TSchema = TSchema> {
  system: string;
  prompt: string;
  /** A short identifier for the schema (OpenAI requires one: letters, digits, `_` and `-`). */
  schemaName: string;
  schema: Schema;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface ProviderReply {
  /** The model's text, expected to be JSON; not yet parsed or validated. */
  text: string;
  /** The model that answered, as the provider reports it (falls back to the one asked for). */
  model: string;
  usage: TokenUsage;
}

export interface LlmProvider {
  readonly name: LlmProviderName;
  readonly model: string;
  /**
   * One request, no retries (the SDKs' own retries are off; `requestStructured` owns the policy).
   * Rejects with a ProviderError, or with the caller's abort reason when `signal` aborts.
   */
  complete(request: StructuredRequest, options?: { signal?: AbortSignal }): Promise<ProviderReply>;
}

/** Settings every provider takes; config wiring supplies them (keys come from the credential store). */
export interface ProviderOptions {
  baseUrl?: string;
  model?: string;
  apiKey?: string;
  /** Per-request time-out; past it the request is aborted and fails with `timeout`. */
  timeoutMs: number;
  /** Reads "now" for Retry-After given as an HTTP date; the system clock when omitted. */
  clock?: Pick<Clock, 'now'>;
}

export type ProviderErrorKind =
  | 'rate_limited'
  | 'unavailable'
  /** Not reached at all (offline, DNS, refused, reset before any reply): fall back at once, no backoff. */
  | 'unreachable'
  | 'timeout'
  | 'auth'
  | 'bad_request'
  | 'invalid_reply';

/** Kinds worth another attempt after a pause. */
export const RETRYABLE_KINDS: ReadonlySet<ProviderErrorKind> = new Set(['rate_limited', 'unavailable', 'timeout']);

/**
 * A provider failed. `kind` is the stable reason; the message is built here from the provider name,
 * the kind and the HTTP status only, never from the SDK's or server's text, which can echo the API
 * key (OpenAI prints part of a wrong key) or the résumé sent.
 */
export class ProviderError extends ExternalServiceError {
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;

  constructor(
    readonly provider: LlmProviderName,
    readonly kind: ProviderErrorKind,
    options: { status?: number; retryAfterMs?: number; message?: string } = {},
  ) {
    super(options.message ?? describe(provider, kind, options.status), {
      provider,
      kind,
      ...(options.status === undefined ? {} : { status: options.status }),
      ...(options.retryAfterMs === undefined ? {} : { retryAfterMs: options.retryAfterMs }),
    });
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  get retryable(): boolean {
    return RETRYABLE_KINDS.has(this.kind);
  }
}

const KIND_TEXT: Record<ProviderErrorKind, string> = {
  rate_limited: 'is rate limiting requests',
  unavailable: 'is unavailable',
  unreachable: 'could not be reached (offline, or nothing answers at its address)',
  timeout: 'did not answer in time',
  auth: 'refused the credentials',
  bad_request: 'rejected the request',
  invalid_reply: 'sent a reply that is not the JSON asked for',
};

function describe(provider: LlmProviderName, kind: ProviderErrorKind, status: number | undefined): string {
  return `${provider} ${KIND_TEXT[kind]}${status === undefined ? '' : ` (HTTP ${status})`}`;
}

/** The ProviderError kind for an HTTP status from a provider. */
export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'unavailable';
  return 'bad_request';
}

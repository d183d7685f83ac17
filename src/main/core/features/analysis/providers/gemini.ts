// Gemini through Google's current SDK, @google/genai (the older @google/generative-ai is end-of-life).
//
// The schema goes in `responseJsonSchema`, not `responseSchema`: `responseSchema` is Gemini's own
// OpenAPI-3.0 subset (upper-case `Type` enums, no `additionalProperties`), while `responseJsonSchema`
// takes JSON Schema as it is, which is exactly what a TypeBox schema already is — no translation.
import { systemClock } from '../../../clock.js';
import { ApiError, GoogleGenAI, type GenerateContentResponse } from '@google/genai';
import { startAttempt } from './attempt-signal.js';
import { isConnectFailure } from './connect-failure.js';
import {
  DEFAULT_BASE_URLS,
  DEFAULT_MODELS,
  ProviderError,
  kindForStatus,
  type LlmProvider,
  type ProviderOptions,
  type ProviderReply,
  type StructuredRequest,
} from './provider.js';
import { parseGoogleRetryDelay, parseRetryAfter } from './retry-after.js';

export function createGeminiProvider(options: ProviderOptions): LlmProvider {
  const model = options.model ?? DEFAULT_MODELS.gemini;
  const clock = options.clock ?? systemClock;
  // No `retryOptions`: the SDK then makes exactly one request, and requestStructured's policy rules.
  const client = new GoogleGenAI({
    apiKey: options.apiKey ?? '',
    httpOptions: { baseUrl: options.baseUrl ?? DEFAULT_BASE_URLS.gemini },
  });

  return {
    name: 'gemini',
    model,
    async complete(request: StructuredRequest, callOptions = {}): Promise<ProviderReply> {
      const attempt = startAttempt(options.timeoutMs, callOptions.signal);
      // ApiError carries only status and body; the Retry-After header is read on the way past.
      let retryAfterHeader: string | null = null;
      const recordingFetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
        const response = await fetch(input, init);
        retryAfterHeader = response.headers.get('retry-after');
        return response;
      };
      let response: GenerateContentResponse;
      try {
        response = await client.models.generateContent({
          model,
          contents: [{ role: 'user', parts: [{ text: request.prompt }] }],
          config: {
            systemInstruction: request.system,
            temperature: 0,
            responseMimeType: 'application/json',
            responseJsonSchema: request.schema,
            abortSignal: attempt.signal,
            httpOptions: { fetch: recordingFetch },
          },
        });
      } catch (error) {
        throw attempt.abortOutcome('gemini') ?? toProviderError(error, retryAfterHeader, clock.now());
      }
      return {
        text: replyText(response),
        model: response.modelVersion ?? model,
        usage: {
          inputTokens: response.usageMetadata?.promptTokenCount ?? 0,
          // Thinking tokens are billed as output on the 2.5 models.
          outputTokens:
            (response.usageMetadata?.candidatesTokenCount ?? 0) + (response.usageMetadata?.thoughtsTokenCount ?? 0),
        },
      };
    },
  };
}

/** The answer's text parts, leaving out any "thought" parts. */
function replyText(response: GenerateContentResponse): string {
  const parts = response.candidates?.[0]?.content?.parts ?? [];
  return parts
    .filter((part) => part.thought !== true && typeof part.text === 'string')
    .map((part) => part.text)
    .join('');
}

function toProviderError(error: unknown, retryAfterHeader: string | null, now: number): ProviderError {
  if (error instanceof ApiError) {
    const details = googleErrorDetails(error.message);
    // A wrong key is a 400 INVALID_ARGUMENT whose ErrorInfo says API_KEY_INVALID.
    const kind = details.some((d) => d.reason === 'API_KEY_INVALID') ? 'auth' : kindForStatus(error.status);
    const retryAfterMs =
      kind === 'rate_limited'
        ? (parseRetryAfter(retryAfterHeader, now) ??
          parseGoogleRetryDelay(details.find((d) => String(d['@type']).endsWith('google.rpc.RetryInfo'))?.retryDelay))
        : undefined;
    return new ProviderError('gemini', kind, {
      status: error.status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  // The SDK passes fetch's TypeError('fetch failed') through as it is; its cause says why.
  if (isConnectFailure(error)) return new ProviderError('gemini', 'unreachable');
  // A reply cut off or unreadable: the service is not answering properly.
  return new ProviderError('gemini', 'unavailable');
}

/** The `details` of a google.rpc.Status error body; ApiError's message is that body as JSON. */
function googleErrorDetails(body: string): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const details = (parsed as { error?: { details?: unknown } } | null)?.error?.details;
  if (!Array.isArray(details)) return [];
  return details.filter((d: unknown): d is Record<string, unknown> => typeof d === 'object' && d !== null);
}

// OpenAI through the official `openai` SDK: chat completions with a `json_schema` response format in
// strict mode (see openai-strict-schema.ts for how our schema is made strict-compatible).
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { systemClock } from '../../../clock.js';
import { startAttempt } from './attempt-signal.js';
import { isConnectFailure } from './connect-failure.js';
import { dropNullOptionals, toStrictSchema } from './openai-strict-schema.js';
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
import { parseRetryAfter, parseRetryAfterMs } from './retry-after.js';

export function createOpenAiProvider(options: ProviderOptions): LlmProvider {
  const model = options.model ?? DEFAULT_MODELS.openai;
  const clock = options.clock ?? systemClock;
  // maxRetries 0: the SDK would otherwise retry twice by itself, multiplying requestStructured's policy.
  const client = new OpenAI({
    apiKey: options.apiKey ?? '',
    baseURL: options.baseUrl ?? DEFAULT_BASE_URLS.openai,
    maxRetries: 0,
    timeout: options.timeoutMs,
  });

  return {
    name: 'openai',
    model,
    async complete(request: StructuredRequest, callOptions = {}): Promise<ProviderReply> {
      const attempt = startAttempt(options.timeoutMs, callOptions.signal);
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(
          {
            model,
            temperature: 0,
            messages: [
              { role: 'system', content: request.system },
              { role: 'user', content: request.prompt },
            ],
            response_format: {
              type: 'json_schema',
              json_schema: { name: schemaName(request.schemaName), schema: toStrictSchema(request.schema), strict: true },
            },
          },
          { signal: attempt.signal },
        );
      } catch (error) {
        throw attempt.abortOutcome('openai') ?? toProviderError(error, clock.now());
      }
      const content = completion.choices[0]?.message.content ?? '';
      return {
        text: withoutStrictNulls(request, content),
        model: completion.model || model,
        usage: {
          inputTokens: completion.usage?.prompt_tokens ?? 0,
          outputTokens: completion.usage?.completion_tokens ?? 0,
        },
      };
    },
  };
}

/** OpenAI's schema names allow only letters, digits, `_` and `-`, up to 64 characters. */
function schemaName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'reply';
}

/** Maps strict mode's nulls back to absent properties; text that is not JSON is returned untouched. */
function withoutStrictNulls(request: StructuredRequest, content: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return content;
  }
  return JSON.stringify(dropNullOptionals(request.schema, parsed));
}

function toProviderError(error: unknown, now: number): ProviderError {
  if (error instanceof APIConnectionTimeoutError) return new ProviderError('openai', 'timeout');
  if (error instanceof APIError && typeof error.status === 'number') {
    const kind = kindForStatus(error.status);
    const retryAfterMs =
      kind === 'rate_limited'
        ? (parseRetryAfterMs(error.headers?.get('retry-after-ms')) ?? parseRetryAfter(error.headers?.get('retry-after'), now))
        : undefined;
    return new ProviderError('openai', kind, {
      status: error.status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  // APIConnectionError wraps fetch's TypeError('fetch failed'), whose cause says why it failed.
  if (error instanceof APIConnectionError && isConnectFailure(error.cause)) return new ProviderError('openai', 'unreachable');
  // Anything else unexpected from the transport (a reply cut off mid-body, an unreadable body).
  return new ProviderError('openai', 'unavailable');
}

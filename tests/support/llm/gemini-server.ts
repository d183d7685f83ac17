// Loopback Gemini API: POST /v1beta/models/{model}:generateContent, key in x-goog-api-key, replies
// with candidates + usageMetadata and errors as google.rpc.Status (429 carries a RetryInfo detail).
import { startScriptedLlmServer, type ScriptedLlmServer, type WireFormat } from './scripted-llm-server.js';

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  418: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const geminiWire: WireFormat = {
  matches: (method, path) => method === 'POST' && /^\/v1beta\/models\/[^/:]+:generateContent$/.test(path),
  authFailure(headers, apiKey) {
    if (apiKey === undefined || headers['x-goog-api-key'] === apiKey) return undefined;
    return {
      status: 400,
      body: {
        error: {
          code: 400,
          message: 'API key not valid. Please pass a valid API key.',
          status: 'INVALID_ARGUMENT',
          details: [
            { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
          ],
        },
      },
    };
  },
  okBody: (content, usage) => ({
    candidates: [{ content: { role: 'model', parts: [{ text: content }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: {
      promptTokenCount: usage.inputTokens,
      candidatesTokenCount: usage.outputTokens,
      totalTokenCount: usage.inputTokens + usage.outputTokens,
    },
    modelVersion: 'gemini-2.5-flash',
    responseId: 'loopback-response',
  }),
  errorBody: (status, step) => ({
    error: {
      code: status,
      message: status === 429 ? 'Resource has been exhausted (e.g. check quota).' : 'An internal error has occurred.',
      status: STATUS_NAMES[status] ?? 'UNKNOWN',
      ...(step.retryAfterBodySeconds === undefined
        ? {}
        : {
            details: [
              { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${step.retryAfterBodySeconds}s` },
            ],
          }),
    },
  }),
};

export function startGeminiServer(options: { apiKey?: string } = {}): Promise<ScriptedLlmServer> {
  return startScriptedLlmServer(geminiWire, options);
}

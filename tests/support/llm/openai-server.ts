// Loopback OpenAI API: POST /v1/chat/completions with a Bearer key; replies as chat.completion with
// usage, errors as { error: { message, type, param, code } }. A wrong key is echoed in the error
// message as the real API does (partly), so tests can prove the key never reaches our errors.
import { startScriptedLlmServer, type ScriptedLlmServer, type WireFormat } from './scripted-llm-server.js';

const openAiWire: WireFormat = {
  matches: (method, path) => method === 'POST' && path === '/v1/chat/completions',
  authFailure(headers, apiKey) {
    if (apiKey === undefined || headers.authorization === `Bearer ${apiKey}`) return undefined;
    const sent = (headers.authorization ?? '').replace(/^Bearer /, '');
    return {
      status: 401,
      body: {
        error: {
          message: `Incorrect API key provided: ${sent}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      },
    };
  },
  okBody: (content, usage, requestBody) => ({
    id: 'chatcmpl-loopback',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: `${(requestBody as { model?: string } | undefined)?.model ?? 'gpt-4o-mini'}-2024-07-18`,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: {
      prompt_tokens: usage.inputTokens,
      completion_tokens: usage.outputTokens,
      total_tokens: usage.inputTokens + usage.outputTokens,
    },
  }),
  errorBody: (status) => ({
    error:
      status === 429
        ? { message: 'Rate limit reached for requests.', type: 'requests', param: null, code: 'rate_limit_exceeded' }
        : { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null },
  }),
};

export function startOpenAiServer(options: { apiKey?: string } = {}): Promise<ScriptedLlmServer> {
  return startScriptedLlmServer(openAiWire, options);
}

// Loopback Ollama daemon: POST /api/chat (stream: false) answering { model, message, done,
// prompt_eval_count, eval_count }; errors are { "error": "<string>" } as Ollama sends them.
import { startScriptedLlmServer, type ScriptedLlmServer, type WireFormat } from './scripted-llm-server.js';

const ollamaWire: WireFormat = {
  matches: (method, path) => method === 'POST' && path === '/api/chat',
  authFailure: () => undefined,
  okBody: (content, usage, requestBody) => ({
    model: (requestBody as { model?: string } | undefined)?.model ?? 'llama3.1',
    created_at: '2026-01-01T00:00:00.000Z',
    message: { role: 'assistant', content },
    done: true,
    done_reason: 'stop',
    total_duration: 1_000_000,
    load_duration: 1_000,
    prompt_eval_count: usage.inputTokens,
    prompt_eval_duration: 1_000,
    eval_count: usage.outputTokens,
    eval_duration: 1_000,
  }),
  errorBody: (status) => ({ error: status === 429 ? 'too many requests' : 'llama runner process has terminated' }),
};

export function startOllamaServer(): Promise<ScriptedLlmServer> {
  return startScriptedLlmServer(ollamaWire);
}

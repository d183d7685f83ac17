// Ollama through the real `ollama` client against a loopback /api/chat server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProvider } from '../../../src/main/core/features/analysis/providers/create-provider.js';
import { DEFAULT_BASE_URLS } from '../../../src/main/core/features/analysis/providers/provider.js';
import { requestStructured } from '../../../src/main/core/features/analysis/providers/structured-request.js';
import { startOllamaServer } from '../../support/llm/ollama-server.js';
import { describeProviderContract, jobRequest, validReply } from '../../support/llm/provider-contract.js';
import { llmStep, type ScriptedLlmServer } from '../../support/llm/scripted-llm-server.js';

describeProviderContract({
  name: 'ollama',
  usesApiKey: false,
  start: () => startOllamaServer(),
  create: (server, { timeoutMs, clock }) => createProvider('ollama', { baseUrl: server.url, timeoutMs, clock }),
});

describe('ollama request on the wire', () => {
  let server: ScriptedLlmServer;
  beforeEach(async () => {
    server = await startOllamaServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('posts /api/chat unstreamed with the schema as format, the model and temperature 0, and no key', async () => {
    server.script(llmStep.ok(validReply(), { inputTokens: 40, outputTokens: 9 }));
    const request = jobRequest();
    const result = await requestStructured(
      createProvider('ollama', { baseUrl: server.url, model: 'qwen2.5:7b', timeoutMs: 5_000 }),
      request,
      { sleep: () => Promise.resolve() },
    );
    const body = server.requests[0]?.body as {
      model: string;
      stream: boolean;
      format: unknown;
      options: { temperature: number };
      messages: { role: string; content: string }[];
    };
    expect(server.requests[0]?.path).toBe('/api/chat');
    expect(body.model).toBe('qwen2.5:7b');
    expect(body.stream).toBe(false);
    expect(body.format).toEqual(JSON.parse(JSON.stringify(request.schema)));
    expect(body.options.temperature).toBe(0);
    expect(body.messages[1]).toEqual({ role: 'user', content: request.prompt });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(result.usage).toEqual({ inputTokens: 40, outputTokens: 9 });
    expect(result.model).toBe('qwen2.5:7b');
  });

  it('defaults to the local daemon so no résumé leaves the machine', () => {
    expect(DEFAULT_BASE_URLS.ollama).toBe('http://127.0.0.1:11434');
    expect(createProvider('ollama', { timeoutMs: 1_000 }).model).toBe('llama3.1');
  });
});

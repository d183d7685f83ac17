// Gemini through the real @google/genai SDK against a loopback generateContent server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProvider } from '../../../src/main/core/features/analysis/providers/create-provider.js';
import { ProviderError } from '../../../src/main/core/features/analysis/providers/provider.js';
import { requestStructured } from '../../../src/main/core/features/analysis/providers/structured-request.js';
import { startGeminiServer } from '../../support/llm/gemini-server.js';
import { TEST_API_KEY, describeProviderContract, jobRequest, validReply } from '../../support/llm/provider-contract.js';
import { llmStep, type ScriptedLlmServer } from '../../support/llm/scripted-llm-server.js';

describeProviderContract({
  name: 'gemini',
  usesApiKey: true,
  start: (apiKey) => startGeminiServer({ apiKey }),
  create: (server, { timeoutMs, apiKey, clock }) => createProvider('gemini', { baseUrl: server.url, apiKey, timeoutMs, clock }),
});

describe('gemini request on the wire', () => {
  let server: ScriptedLlmServer;
  const delays: number[] = [];
  beforeEach(async () => {
    server = await startGeminiServer({ apiKey: TEST_API_KEY });
    delays.length = 0;
  });
  afterEach(async () => {
    await server.close();
  });
  const provider = () => createProvider('gemini', { baseUrl: server.url, apiKey: TEST_API_KEY, model: 'gemini-2.5-flash', timeoutMs: 5_000 });
  const sleep = (ms: number) => {
    delays.push(ms);
    return Promise.resolve();
  };

  it('posts generateContent for the model with the key header, JSON mime type and the schema as responseJsonSchema', async () => {
    server.script(llmStep.ok(validReply()));
    const request = jobRequest();
    await requestStructured(provider(), request, { sleep });
    const sent = server.requests[0];
    expect(sent?.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(sent?.headers['x-goog-api-key']).toBe(TEST_API_KEY);
    const body = sent?.body as {
      contents: { role: string; parts: { text: string }[] }[];
      systemInstruction: { parts: { text: string }[] };
      generationConfig: { responseMimeType: string; responseJsonSchema: unknown; responseSchema?: unknown; temperature: number };
    };
    expect(body.generationConfig.responseMimeType).toBe('application/json');
    expect(body.generationConfig.responseJsonSchema).toEqual(JSON.parse(JSON.stringify(request.schema)));
    expect(body.generationConfig.responseSchema).toBeUndefined();
    expect(body.generationConfig.temperature).toBe(0);
    expect(body.contents[0]?.parts[0]?.text).toBe(request.prompt);
    expect(body.systemInstruction.parts[0]?.text).toBe(request.system);
  });

  it("takes the wait from Google's RetryInfo detail when a 429 has no Retry-After header", async () => {
    server.script({ kind: 'error', status: 429, retryAfterBodySeconds: 12 }, llmStep.ok(validReply()));
    await requestStructured(provider(), jobRequest(), { sleep });
    expect(delays).toEqual([12_000]);
  });

  it('maps a refused connection to unreachable (nothing listening: fall back at once)', async () => {
    await server.close();
    const refused = createProvider('gemini', { baseUrl: server.url, apiKey: TEST_API_KEY, timeoutMs: 5_000 });
    const error = await refused.complete(jobRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('unreachable');
    server = await startGeminiServer();
  });
});

// OpenAI through the real `openai` SDK against a loopback chat-completions server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProvider } from '../../../src/main/core/features/analysis/providers/create-provider.js';
import { buildAnalysisPrompt } from '../../../src/main/core/features/analysis/providers/prompt.js';
import { requestStructured } from '../../../src/main/core/features/analysis/providers/structured-request.js';
import { RESUME_TEXT, makeAnalysis } from '../../support/llm/analysis-fixtures.js';
import { startOpenAiServer } from '../../support/llm/openai-server.js';
import { TEST_API_KEY, describeProviderContract, jobRequest, validReply } from '../../support/llm/provider-contract.js';
import { llmStep, type ScriptedLlmServer } from '../../support/llm/scripted-llm-server.js';

describeProviderContract({
  name: 'openai',
  usesApiKey: true,
  start: (apiKey) => startOpenAiServer({ apiKey }),
  create: (server, { timeoutMs, apiKey, clock }) =>
    createProvider('openai', { baseUrl: `${server.url}/v1`, apiKey, timeoutMs, clock }),
});

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; required?: string[]; additionalProperties?: boolean; items?: JsonSchema; anyOf?: JsonSchema[]; maxLength?: number; minLength?: number };

/** Every object in a schema, depth first. */
function objectsIn(schema: JsonSchema): JsonSchema[] {
  const nested = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.items ? [schema.items] : []),
    ...(schema.anyOf ?? []),
  ].flatMap(objectsIn);
  return schema.properties ? [schema, ...nested] : nested;
}

describe('openai request on the wire', () => {
  let server: ScriptedLlmServer;
  beforeEach(async () => {
    server = await startOpenAiServer({ apiKey: TEST_API_KEY });
  });
  afterEach(async () => {
    await server.close();
  });
  const provider = () => createProvider('openai', { baseUrl: `${server.url}/v1`, apiKey: TEST_API_KEY, timeoutMs: 5_000 });
  const sleep = () => Promise.resolve();

  it('posts chat completions with the bearer key, the model and a strict json_schema response format', async () => {
    server.script(llmStep.ok(validReply()));
    const request = jobRequest();
    await requestStructured(provider(), request, { sleep });
    const sent = server.requests[0];
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    const body = sent?.body as {
      model: string;
      messages: { role: string; content: string }[];
      response_format: { type: string; json_schema: { name: string; strict: boolean; schema: JsonSchema } };
    };
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.messages).toEqual([
      { role: 'system', content: request.system },
      { role: 'user', content: request.prompt },
    ]);
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.name).toBe('resume_job_analysis');
    expect(body.response_format.json_schema.strict).toBe(true);
    for (const object of objectsIn(body.response_format.json_schema.schema)) {
      expect(object.additionalProperties).toBe(false);
      expect([...(object.required ?? [])].sort()).toEqual(Object.keys(object.properties ?? {}).sort());
    }
    expect(JSON.stringify(body.response_format.json_schema.schema)).not.toMatch(/"(min|max)Length"/);
  });

  it('sends the SDK retry-count header as 0 and makes one request per attempt (SDK retries off)', async () => {
    server.script(llmStep.serverError());
    await requestStructured(provider(), jobRequest(), { sleep, retry: { maxAttempts: 1 } }).catch(() => undefined);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers['x-stainless-retry-count']).toBe('0');
  });

  it('turns the nulls strict mode puts in optional fields back into absent fields', async () => {
    const request = buildAnalysisPrompt({ resumeText: RESUME_TEXT });
    server.script(llmStep.ok({ ...makeAnalysis(), jobMatch: null }));
    const sentSchema = () =>
      (server.requests[0]?.body as { response_format: { json_schema: { schema: JsonSchema } } }).response_format.json_schema.schema;
    const result = await requestStructured(provider(), request, { sleep });
    expect(result.value).toEqual(makeAnalysis());
    expect(sentSchema().properties?.jobMatch).toBeUndefined();
    expect(result.model).toBe('gpt-4o-mini-2024-07-18');
  });
});

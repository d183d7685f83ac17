// Analysing through the API with each real SDK (Gemini, OpenAI, Ollama) pointed at loopback servers
// that speak its wire format, through the real queue and worker pool: success with usage and cost,
// a 429 then success, 500s falling back to the next provider, invalid replies recorded as a failed
// analysis with the raw reply, the cache sparing the provider, and the usage summary.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UsageSummary } from '../../../src/shared/api/analysis.js';
import type { TaskOut } from '../../../src/shared/api/tasks.js';
import type { Resume } from '../../../src/shared/schemas/resume.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { RESUME_TEXT, makeAnalysis, makeJobMatch } from '../../support/llm/analysis-fixtures.js';
import { startGeminiServer } from '../../support/llm/gemini-server.js';
import { startOllamaServer } from '../../support/llm/ollama-server.js';
import { startOpenAiServer } from '../../support/llm/openai-server.js';
import { TEST_API_KEY } from '../../support/llm/provider-contract.js';
import { llmStep, type ScriptedLlmServer } from '../../support/llm/scripted-llm-server.js';
import { insertParsedResume, requestAnalysis, waitForAnalysis } from './analysis.fixtures.js';
import { waitForTask } from './resumes.fixtures.js';

let api: TestApi;
let admin: string;
let servers: Record<'gemini' | 'openai' | 'ollama', ScriptedLlmServer>;
let serial = 0;

const JOB_DESCRIPTION = 'Platform engineer: TypeScript and Kubernetes required, Go a plus.';
const reply = () => makeAnalysis({ jobMatch: makeJobMatch() });

beforeAll(async () => {
  const [gemini, openai, ollama] = await Promise.all([startGeminiServer({ apiKey: TEST_API_KEY }), startOpenAiServer({ apiKey: TEST_API_KEY }), startOllamaServer()]);
  servers = { gemini, openai, ollama };
  api = await createTestApi(
    {
      GEMINI_BASE_URL: gemini.url,
      OPENAI_BASE_URL: `${openai.url}/v1`,
      OLLAMA_HOST: ollama.url,
      ANALYSIS_TIMEOUT_MS: '5000',
      // The credential store reads keys from the environment first.
      GOOGLE_API_KEY: TEST_API_KEY,
      OPENAI_API_KEY: TEST_API_KEY,
    },
    { poolSize: 1, startQueue: true },
  );
  admin = (await api.signIn('admin')).token;
});
afterAll(async () => {
  await api.close();
  await Promise.all(Object.values(servers).map((server) => server.close()));
});

async function setSettings(patch: Record<string, unknown>) {
  const response = await api.as(admin, { method: 'PUT', url: '/api/v1/settings/analysis', payload: patch });
  expect(response.statusCode, response.body).toBe(200);
}

beforeEach(async () => {
  await setSettings({ fallbackChain: ['gemini', 'openai', 'mock'], providers: { gemini: { maxAttempts: 2 }, openai: { maxAttempts: 2 }, ollama: { maxAttempts: 2 } } });
});

/** A fresh résumé each time (the cache would otherwise answer). */
async function freshResume(): Promise<Resume> {
  serial++;
  return insertParsedResume(api, `${RESUME_TEXT}\nReference ${serial}.`);
}

describe.each(['gemini', 'openai', 'ollama'] as const)('analysing with %s through its SDK', (provider) => {
  it('completes with the validated result, the provider that answered, and its tokens and cost', async () => {
    const server = servers[provider];
    const before = server.requests.length;
    server.script(llmStep.ok(reply(), { inputTokens: 1_000, outputTokens: 200 }));
    const resume = await freshResume();
    const accepted = await requestAnalysis(api, admin, resume.id, { provider, job_description: JOB_DESCRIPTION });
    const analysis = await waitForAnalysis(api, accepted.analysis_id);

    expect(analysis, JSON.stringify(analysis.error)).toMatchObject({ status: 'completed', provider, requestedProvider: provider });
    expect(analysis.result?.jobMatch?.compatibility).toBe(82);
    expect(analysis.usage?.inputTokens).toBe(1_000);
    expect(analysis.usage?.outputTokens).toBe(200);
    if (provider !== 'ollama') expect(analysis.usage?.costUsd).toBeGreaterThan(0);
    expect(server.requests.length - before).toBe(1);
    const sent = server.requests.at(-1)?.rawBody ?? '';
    // Blind mode is on by default for cloud providers: the e-mail never leaves the machine.
    if (provider !== 'ollama') expect(sent).not.toContain('ada@example.com');
  });
});

describe('failures', () => {
  it('waits out a 429 and then records the answer', async () => {
    servers.gemini.script(llmStep.rateLimited('1'), llmStep.ok(reply()));
    const before = servers.gemini.requests.length;
    const accepted = await requestAnalysis(api, admin, (await freshResume()).id, { provider: 'gemini', job_description: JOB_DESCRIPTION });
    const analysis = await waitForAnalysis(api, accepted.analysis_id);
    expect(analysis).toMatchObject({ status: 'completed', provider: 'gemini' });
    expect(servers.gemini.requests.length - before).toBe(2);
  });

  it('falls back to the next provider after 500s, and records which answered', async () => {
    servers.gemini.script(llmStep.serverError(), llmStep.serverError(503));
    servers.openai.script(llmStep.ok(reply()));
    const accepted = await requestAnalysis(api, admin, (await freshResume()).id, { provider: 'gemini', job_description: JOB_DESCRIPTION });
    const analysis = await waitForAnalysis(api, accepted.analysis_id);
    expect(analysis).toMatchObject({ status: 'completed', provider: 'openai', requestedProvider: 'gemini' });
    expect(await waitForTask(api, accepted.task_id)).toBe('succeeded');
    const task = (await api.as(admin, { method: 'GET', url: `/api/v1/tasks/${accepted.task_id}` })).json<TaskOut>();
    expect(task.result).toMatchObject({ provider: 'openai', requestedProvider: 'gemini', fallbacks: [{ provider: 'gemini', code: 'unavailable' }] });
  });

  it('records a failed analysis with the raw reply when every reply is invalid, and the task still succeeds', async () => {
    await setSettings({ fallbackChain: ['openai'] });
    servers.openai.script(llmStep.text('this is not JSON'), llmStep.text('{"still": "not the schema"}'));
    const accepted = await requestAnalysis(api, admin, (await freshResume()).id, { provider: 'openai' });
    const analysis = await waitForAnalysis(api, accepted.analysis_id);
    expect(analysis).toMatchObject({ status: 'failed', provider: 'openai', error: { code: 'invalid_reply' } });
    expect(analysis.rawReply).toContain('still');
    expect(analysis.result).toBeUndefined();
    expect(await waitForTask(api, accepted.task_id)).toBe('succeeded');
    const resume = await api.db.resumes.findOne(analysis.resumeId).exec();
    expect(resume?.status).toBe('parsed');
  });
});

describe('cancelling', () => {
  it('records a cancelled analysis as failed with code cancelled instead of leaving it running', async () => {
    servers.ollama.script(llmStep.hang());
    const accepted = await requestAnalysis(api, admin, (await freshResume()).id, { provider: 'ollama', job_description: JOB_DESCRIPTION });
    await new Promise<void>((resolve) => {
      const subscription = api.db.analyses.findOne(accepted.analysis_id).$.subscribe((doc) => {
        if (doc?.status === 'running') {
          subscription.unsubscribe();
          resolve();
        }
      });
    });
    const cancel = await api.as(admin, { method: 'POST', url: `/api/v1/tasks/${accepted.task_id}/cancel` });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const analysis = await waitForAnalysis(api, accepted.analysis_id);
    expect(analysis).toMatchObject({ status: 'failed', error: { code: 'cancelled' } });
  });
});

describe('cache and usage', () => {
  it('answers a repeated request without calling the provider, and the usage summary does not grow', async () => {
    const resume = await freshResume();
    servers.ollama.script(llmStep.ok(reply(), { inputTokens: 10, outputTokens: 5 }));
    const first = await requestAnalysis(api, admin, resume.id, { provider: 'ollama', job_description: JOB_DESCRIPTION });
    await waitForAnalysis(api, first.analysis_id);
    const usageBefore = (await api.as(admin, { method: 'GET', url: '/api/v1/analysis/usage' })).json<UsageSummary>();
    const requestsBefore = servers.ollama.requests.length;

    const second = await requestAnalysis(api, admin, resume.id, { provider: 'ollama', job_description: JOB_DESCRIPTION });
    expect(second).toMatchObject({ cached: true, cached_from: first.analysis_id });
    expect(await waitForAnalysis(api, second.analysis_id)).toMatchObject({ status: 'completed', provider: 'ollama', cachedFrom: first.analysis_id });
    expect(servers.ollama.requests.length).toBe(requestsBefore);
    // The copy is one more analysis in the summary, at zero tokens and zero cost.
    const usageAfter = (await api.as(admin, { method: 'GET', url: '/api/v1/analysis/usage' })).json<UsageSummary>();
    expect(usageAfter.total).toEqual({ ...usageBefore.total, analyses: usageBefore.total.analyses + 1 });
  });

  it('sums tokens and cost per provider and model, within a date range', async () => {
    const all = (await api.db.analyses.find().exec()).map((doc) => doc.toMutableJSON());
    const summary = (await api.as(admin, { method: 'GET', url: '/api/v1/analysis/usage' })).json<UsageSummary>();
    for (const row of summary.providers) {
      const mine = all.filter((a) => a.provider === row.provider && a.usage);
      expect(row.input_tokens).toBe(mine.reduce((sum, a) => sum + (a.usage?.inputTokens ?? 0), 0));
      expect(row.analyses).toBe(mine.length);
    }
    expect(summary.total.input_tokens).toBe(all.reduce((sum, a) => sum + (a.usage?.inputTokens ?? 0), 0));
    expect(summary.models.find((row) => row.provider === 'gemini')?.model).toBeTruthy();

    const future = api.clock.now() + 1;
    const empty = (await api.as(admin, { method: 'GET', url: `/api/v1/analysis/usage?from=${future}` })).json<UsageSummary>();
    expect(empty.total).toEqual({ analyses: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 });
    expect((await api.as(admin, { method: 'GET', url: `/api/v1/analysis/usage?from=${future}&to=${future}` })).statusCode).toBe(400);
  });
});

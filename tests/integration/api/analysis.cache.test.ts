// The analysis cache through the API, the real queue and worker pool, with Ollama behind a loopback
// relay the test takes down and brings back. A repeated question is answered by a new analysis that
// copies the earlier result (cachedFrom), calls no provider and costs nothing; a result the offline
// analyser gave only because Ollama was unreachable is not reused once Ollama answers again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UNREACHABLE_SKIP_MS } from '../../../src/main/core/features/analysis/provider-reachability.js';
import type { AnalysisList, AnalysisOut, Ranking } from '../../../src/shared/api/analysis.js';
import type { TaskOut } from '../../../src/shared/api/tasks.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { RESUME_TEXT, makeAnalysis, makeJobMatch } from '../../support/llm/analysis-fixtures.js';
import { startOllamaServer } from '../../support/llm/ollama-server.js';
import { llmStep, type ScriptedLlmServer } from '../../support/llm/scripted-llm-server.js';
import { startSwitchableEndpoint, type SwitchableEndpoint } from '../../support/llm/switchable-endpoint.js';
import { insertParsedResume, requestAnalysis, waitForAnalysis } from './analysis.fixtures.js';
import { createJob } from './jobs.fixtures.js';
import { waitForTask } from './resumes.fixtures.js';

let api: TestApi;
let admin: string;
let ollama: ScriptedLlmServer;
let relay: SwitchableEndpoint;
let serial = 0;

const JOB_DESCRIPTION = 'Platform engineer: TypeScript and Kubernetes required, Go a plus.';

beforeAll(async () => {
  ollama = await startOllamaServer();
  relay = await startSwitchableEndpoint(ollama.url);
  api = await createTestApi({ OLLAMA_HOST: relay.url, ANALYSIS_TIMEOUT_MS: '5000' }, { poolSize: 1, startQueue: true });
  admin = (await api.signIn('admin')).token;
  const response = await api.as(admin, { method: 'PUT', url: '/api/v1/settings/analysis', payload: { fallbackChain: ['ollama', 'mock'], providers: { ollama: { maxAttempts: 1 } } } });
  expect(response.statusCode, response.body).toBe(200);
});
afterAll(async () => {
  await api.close();
  await relay.close();
  await ollama.close();
});
beforeEach(() => {
  relay.up();
  // Past any window in which an earlier test's unreachable Ollama is skipped.
  api.clock.advance(UNREACHABLE_SKIP_MS);
});

async function freshResumeId(): Promise<string> {
  serial++;
  return (await insertParsedResume(api, `${RESUME_TEXT}\nReference ${serial}.`)).id;
}

/** Asks for the analysis (the chain ollama → mock) and waits for it and its task. */
async function analyse(resumeId: string, body: Record<string, unknown> = { job_description: JOB_DESCRIPTION }) {
  const accepted = await requestAnalysis(api, admin, resumeId, body);
  const analysis = await waitForAnalysis(api, accepted.analysis_id);
  expect(await waitForTask(api, accepted.task_id)).toBe('succeeded');
  return { accepted, analysis };
}

async function listed(resumeId: string): Promise<Map<string, AnalysisOut>> {
  const response = await api.as(admin, { method: 'GET', url: `/api/v1/resumes/analysis/${resumeId}` });
  expect(response.statusCode, response.body).toBe(200);
  return new Map(response.json<AnalysisList>().items.map((item) => [item.id, item]));
}

describe('the analysis cache', { timeout: 60_000 }, () => {
  it('answers a repeated question with a new analysis copying the first: cachedFrom, no provider request, no cost', async () => {
    const resumeId = await freshResumeId();
    ollama.script(llmStep.ok(makeAnalysis({ jobMatch: makeJobMatch() }), { inputTokens: 700, outputTokens: 90 }));
    const first = await analyse(resumeId);
    expect(first.accepted.cached).toBe(false);
    expect(first.analysis).toMatchObject({ status: 'completed', provider: 'ollama' });
    expect(first.analysis.usage?.inputTokens).toBe(700);
    const requests = ollama.requests.length;

    const second = await analyse(resumeId);
    expect(second.accepted).toMatchObject({ cached: true, cached_from: first.analysis.id });
    expect(second.accepted.analysis_id).not.toBe(first.analysis.id);
    expect(second.analysis).toMatchObject({ status: 'completed', provider: 'ollama', cachedFrom: first.analysis.id, usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 } });
    expect(second.analysis.result).toEqual(first.analysis.result);
    expect(ollama.requests.length).toBe(requests);
    const task = (await api.as(admin, { method: 'GET', url: `/api/v1/tasks/${second.accepted.task_id}` })).json<TaskOut>();
    expect(task.result).toMatchObject({ analysisId: second.analysis.id, cached: true });

    const items = await listed(resumeId);
    expect(items.get(first.analysis.id)).toMatchObject({ cached: false });
    expect(items.get(first.analysis.id)?.cachedFrom).toBeUndefined();
    expect(items.get(second.analysis.id)).toMatchObject({ cached: true, cachedFrom: first.analysis.id });
  });

  it('does not reuse a fallback result once the preferred provider answers again, and reuses the new one', async () => {
    const resumeId = await freshResumeId();
    relay.down();
    const refusedBefore = relay.refused;
    const offline = await analyse(resumeId);
    expect(offline.analysis).toMatchObject({ status: 'completed', provider: 'mock' });
    expect(relay.refused).toBeGreaterThan(refusedBefore);

    // Ollama is back (and its skip window over): the same question goes to it, not to the cache.
    relay.up();
    api.clock.advance(UNREACHABLE_SKIP_MS);
    ollama.script(llmStep.ok(makeAnalysis({ jobMatch: makeJobMatch() })));
    const requests = ollama.requests.length;
    const online = await analyse(resumeId);
    expect(online.accepted.cached).toBe(false);
    expect(online.analysis).toMatchObject({ status: 'completed', provider: 'ollama' });
    expect(online.analysis.cachedFrom).toBeUndefined();
    expect(ollama.requests.length).toBe(requests + 1);

    // The first link's result is the one the cache now answers with.
    const again = await analyse(resumeId);
    expect(again.accepted).toMatchObject({ cached: true, cached_from: online.analysis.id });
    expect(again.analysis).toMatchObject({ provider: 'ollama', cachedFrom: online.analysis.id });
    expect(ollama.requests.length).toBe(requests + 1);
  });

  it('reuses an offline result when the offline analyser was asked for: it is the first link then', async () => {
    const resumeId = await freshResumeId();
    const requests = ollama.requests.length;
    const first = await analyse(resumeId, { job_description: JOB_DESCRIPTION, provider: 'mock' });
    expect(first.analysis).toMatchObject({ status: 'completed', provider: 'mock' });
    const second = await analyse(resumeId, { job_description: JOB_DESCRIPTION, provider: 'mock' });
    expect(second.accepted).toMatchObject({ cached: true, cached_from: first.analysis.id });
    expect(second.analysis.cachedFrom).toBe(first.analysis.id);
    expect(ollama.requests.length).toBe(requests);
  });

  it("marks a job's ranking entry cached when its analysis is a copy", async () => {
    const resumeId = await freshResumeId();
    const job = await createJob(api, admin, { title: 'Platform engineer', description: JOB_DESCRIPTION, requiredSkills: ['TypeScript', 'Kubernetes'] });
    const first = await analyse(resumeId, { job_id: job.id, provider: 'mock' });
    const rankingOf = async () => (await api.as(admin, { method: 'GET', url: `/api/v1/jobs/${job.id}/ranking` })).json<Ranking>().items;
    expect(await rankingOf()).toMatchObject([{ analysis_id: first.analysis.id, cached: false }]);

    // The ranking takes the newest analysis per résumé; the test clock stands still otherwise.
    api.clock.advance(1_000);
    const second = await analyse(resumeId, { job_id: job.id, provider: 'mock' });
    expect(second.analysis.cachedFrom).toBe(first.analysis.id);
    expect(await rankingOf()).toMatchObject([{ analysis_id: second.analysis.id, cached: true }]);
  });

  it('a ranking runs again the analyses a fallback answered, once the preferred provider is back', async () => {
    const resumeIds = [await freshResumeId(), await freshResumeId()];
    const job = await createJob(api, admin, { title: 'Site reliability engineer', description: JOB_DESCRIPTION, requiredSkills: ['Kubernetes'] });
    const rank = async () => {
      const response = await api.as(admin, { method: 'POST', url: `/api/v1/jobs/${job.id}/rank`, payload: { resume_ids: resumeIds } });
      expect(response.statusCode, response.body).toBe(202);
      const taskId = response.json<{ task_id: string }>().task_id;
      expect(await waitForTask(api, taskId)).toBe('succeeded');
      return (await api.as(admin, { method: 'GET', url: `/api/v1/tasks/${taskId}` })).json<TaskOut>().result;
    };

    relay.down();
    expect(await rank()).toMatchObject({ total: 2, analysed: 2, cached: 0, failed: 0 });
    relay.up();
    api.clock.advance(UNREACHABLE_SKIP_MS);
    ollama.script(...resumeIds.map(() => llmStep.ok(makeAnalysis({ jobMatch: makeJobMatch() }))));
    const requests = ollama.requests.length;
    expect(await rank()).toMatchObject({ total: 2, analysed: 2, cached: 0 });
    expect(ollama.requests.length).toBe(requests + 2);
    // Now the first link's results are there, and a third ranking is free.
    expect(await rank()).toMatchObject({ total: 2, analysed: 0, cached: 2 });
    expect(ollama.requests.length).toBe(requests + 2);
  });
});

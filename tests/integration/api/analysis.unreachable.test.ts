// Offline with a cloud key set, through the API, the real queue and worker pool: Gemini's address
// resets every connection before a byte (counted, so the test sees each real attempt). An analysis
// falls back to the offline analyser at once with the fallback recorded as `unreachable`; for the
// next minute (the app's clock) Gemini is skipped without touching the network, a ranking tries it
// only for its first analyses, and the settings "test" button still really tries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNREACHABLE_SKIP_MS } from '../../../src/main/core/features/analysis/provider-reachability.js';
import type { ProviderTestOut } from '../../../src/shared/api/analysis-settings.js';
import type { TaskOut } from '../../../src/shared/api/tasks.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { RESUME_TEXT } from '../../support/llm/analysis-fixtures.js';
import { TEST_API_KEY } from '../../support/llm/provider-contract.js';
import { startResettingEndpoint, type CountingEndpoint } from '../../support/llm/unreachable-endpoints.js';
import { createJob } from './jobs.fixtures.js';
import { insertParsedResume, requestAnalysis, waitForAnalysis } from './analysis.fixtures.js';
import { waitForTask } from './resumes.fixtures.js';

let api: TestApi;
let admin: string;
let gemini: CountingEndpoint;
let serial = 0;

beforeAll(async () => {
  gemini = await startResettingEndpoint();
  // The default chain is gemini → openai → mock; without an OpenAI key it is gemini → mock.
  api = await createTestApi({ GEMINI_BASE_URL: gemini.url, GOOGLE_API_KEY: TEST_API_KEY, ANALYSIS_TIMEOUT_MS: '30000' }, { poolSize: 1, startQueue: true });
  admin = (await api.signIn('admin')).token;
});
afterAll(async () => {
  await api.close();
  await gemini.close();
});

async function freshResumeId(): Promise<string> {
  serial++;
  return (await insertParsedResume(api, `${RESUME_TEXT}\nReference ${serial}.`)).id;
}

/** Analyses a fresh résumé; answers with the analysis, its task and the connections it cost. */
async function analyseOffline() {
  const before = gemini.connections;
  const accepted = await requestAnalysis(api, admin, await freshResumeId(), { job_description: 'Platform engineer: TypeScript, Kubernetes.' });
  const analysis = await waitForAnalysis(api, accepted.analysis_id);
  expect(await waitForTask(api, accepted.task_id)).toBe('succeeded');
  const task = (await api.as(admin, { method: 'GET', url: `/api/v1/tasks/${accepted.task_id}` })).json<TaskOut>();
  return { analysis, task, connections: gemini.connections - before };
}

describe('analysing while Gemini cannot be reached', { timeout: 120_000 }, () => {
  it('falls back to the offline analyser at once, records the fallback as unreachable, then skips Gemini for a minute', async () => {
    const first = await analyseOffline();
    expect(first.analysis).toMatchObject({ status: 'completed', provider: 'mock' });
    expect(first.task.result).toMatchObject({ provider: 'mock', fallbacks: [{ provider: 'gemini', code: 'unreachable' }] });
    // One immediate retry, not the four attempts with backoff a rate limit or outage would get.
    expect(first.connections).toBe(2);

    const skipped = await analyseOffline();
    expect(skipped.analysis).toMatchObject({ status: 'completed', provider: 'mock' });
    expect(skipped.task.result).toMatchObject({ fallbacks: [{ provider: 'gemini', code: 'unreachable' }] });
    expect(skipped.connections).toBe(0);

    // The settings screen's test is a real request, skip window or not.
    const before = gemini.connections;
    const tested = await api.as(admin, { method: 'POST', url: '/api/v1/settings/analysis/test', payload: { provider: 'gemini' } });
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.json<ProviderTestOut>()).toMatchObject({ ok: false, provider: 'gemini', error: { code: 'unreachable' } });
    expect(gemini.connections - before).toBe(1);

    api.clock.advance(UNREACHABLE_SKIP_MS);
    const afterWindow = await analyseOffline();
    expect(afterWindow.task.result).toMatchObject({ fallbacks: [{ provider: 'gemini', code: 'unreachable' }] });
    expect(afterWindow.connections).toBe(2);
  });

  it('a ranking tries the network only for the analyses it starts before Gemini is known unreachable', async () => {
    api.clock.advance(UNREACHABLE_SKIP_MS);
    const job = await createJob(api, admin, { title: 'Platform engineer', description: 'TypeScript and Kubernetes required.' });
    const resumeIds: string[] = [];
    for (let i = 0; i < 10; i++) resumeIds.push(await freshResumeId());
    const before = gemini.connections;

    const response = await api.as(admin, { method: 'POST', url: `/api/v1/jobs/${job.id}/rank`, payload: { resume_ids: resumeIds } });
    expect(response.statusCode, response.body).toBe(202);
    const taskId = response.json<{ task_id: string }>().task_id;
    expect(await waitForTask(api, taskId)).toBe('succeeded');

    const task = (await api.as(admin, { method: 'GET', url: `/api/v1/tasks/${taskId}` })).json<TaskOut>();
    expect(task.result).toMatchObject({ total: 10, analysed: 10, failed: 0 });
    const ranking = await api.as(admin, { method: 'GET', url: `/api/v1/jobs/${job.id}/ranking` });
    expect(ranking.json<{ total: number }>().total).toBe(10);
    // Two analyses start at once (one pool worker); each tries twice, and the rest skip Gemini.
    const tried = gemini.connections - before;
    expect(tried).toBeGreaterThanOrEqual(2);
    expect(tried).toBeLessThanOrEqual(4);
  });
});

// The renderer's analysis and ranking stores against the real core on a loopback port, with the
// real event stream: an analysis shows up queued and ends completed from 'analysis.completed', and
// "Rank applicants" follows the task's progress to its end and then shows the ranking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../src/shared/api/client.js';
import { createEventStream, type EventStream } from '../../../src/shared/api/event-stream.js';
import { createAnalysisStore } from '../../../src/renderer/src/stores/analysis.js';
import { createRankingStore } from '../../../src/renderer/src/stores/ranking.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { makeResumeText } from '../../unit/analysis/analysis-fixtures.js';
import { insertParsedResume } from '../../integration/api/analysis.fixtures.js';
import { until } from '../stores/support.js';

let api: TestApi;
let client: ApiClient;
let stream: EventStream;

beforeAll(async () => {
  api = await createTestApi({}, { poolSize: 1, startQueue: true });
  const origin = await api.app.listen({ host: '127.0.0.1', port: 0 });
  const { token } = await api.signIn('recruiter');
  client = createApiClient({ baseUrl: origin, getToken: () => token });
  const opened = new Promise<void>((resolve) => {
    stream = createEventStream({ baseUrl: origin, getToken: () => token, onStateChange: (state) => state === 'open' && resolve() });
  });
  stream.start();
  await opened;
});
afterAll(async () => {
  stream.stop();
  await api.close();
});

describe('the analysis store', () => {
  it('shows a new analysis at once and its completion from the event stream', async () => {
    const resume = await insertParsedResume(api, makeResumeText({ name: 'Store Person' }), { candidateName: 'Store Person' });
    const store = createAnalysisStore({ api: client });
    const stop = store.getState().follow(stream);
    await store.getState().open([resume.id]);
    expect(store.getState().byResume.get(resume.id)).toEqual([]);

    const accepted = await store.getState().analyze(resume.id, { job_description: 'Kubernetes engineer', provider: 'mock' });
    expect(store.getState().byResume.get(resume.id)?.[0]?.id).toBe(accepted.analysis_id);
    const done = await until(store, (s) => s.byResume.get(resume.id)?.[0]?.status === 'completed');
    stop();
    const [analysis] = done.byResume.get(resume.id) ?? [];
    expect(analysis?.id).toBe(accepted.analysis_id);
    expect(analysis?.result?.scores.overall).toBeGreaterThanOrEqual(0);
  });
});

describe('the ranking store', () => {
  it('ranks the applicants, follows the task to its end and then shows them best first', async () => {
    const job = await client.jobs.create({ title: 'Site reliability engineer', requiredSkills: ['Kubernetes', 'Terraform'] });
    for (const name of ['Ada Ranked', 'Bo Ranked']) {
      const resume = await insertParsedResume(api, makeResumeText({ name }), { candidateName: name });
      await client.applications.create({ job_id: job.id, candidate_id: resume.candidateId, resume_id: resume.id });
    }
    const store = createRankingStore({ api: client });
    const stop = store.getState().follow(stream);
    await store.getState().open(job.id);
    expect(store.getState().ranking?.total).toBe(0);

    await store.getState().rank(job.id, 'mock');
    const done = await until(store, (s) => s.run?.status === 'succeeded' && s.ranking?.total === 2);
    stop();
    expect(done.run?.error).toBeUndefined();
    const names = done.ranking?.items.map((r) => r.candidate_name).sort();
    expect(names).toEqual(['Ada Ranked', 'Bo Ranked']);
  });
});

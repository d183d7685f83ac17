// The analysis and ranking stores, built by createStores around one client and one event stream, on
// the real core with the offline (mock) analyser. The task queue starts only after the store has
// shown the work as queued, so what the stream then delivers is what moves the store on.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ranking } from '../../../src/shared/api/analysis.js';
import type { Stores } from '../../../src/renderer/src/stores/index.js';
import { insertParsedResume } from '../../integration/api/analysis.fixtures.js';
import { TEST_PASSWORD } from '../../support/api-harness.js';
import { makeResumeText } from '../analysis/analysis-fixtures.js';
import { openStream, signedIn, startCore, until, type Core } from './support.js';

let core: Core;
let stores: Stores;
let token: string;
const stops: (() => void)[] = [];

beforeAll(async () => {
  core = await startCore({ poolSize: 1 });
  stores = await signedIn(core, 'recruiter');
  token = stores.session.getState().token ?? '';
  stops.push(stores.analysis.getState().follow(stores.stream), stores.ranking.getState().follow(stores.stream));
  await openStream(stores);
});
afterEach(async () => {
  await core.api.queue.stop();
});
afterAll(async () => {
  for (const stop of stops) stop();
  await core?.close();
});

describe('analysing a résumé', () => {
  it('shows the analysis queued at once and completed when the stream says it ended', async () => {
    const { analysis } = stores;
    const resume = await insertParsedResume(core.api, makeResumeText({ name: 'Olga Store' }), { candidateName: 'Olga Store' });
    await analysis.getState().open([resume.id]);
    expect(analysis.getState()).toMatchObject({ status: 'ready', error: null });
    expect(analysis.getState().byResume.get(resume.id)).toEqual([]);

    const accepted = await analysis.getState().analyze(resume.id, { job_description: 'Platform engineer with Terraform and Kubernetes', provider: 'mock' });
    expect(analysis.getState().byResume.get(resume.id)).toEqual([expect.objectContaining({ id: accepted.analysis_id, status: 'queued' })]);

    core.api.queue.start();
    const done = await until(analysis, (s) => s.byResume.get(resume.id)?.[0]?.status === 'completed');
    const [record] = done.byResume.get(resume.id) ?? [];
    expect(record).toMatchObject({ id: accepted.analysis_id, provider: 'mock' });
    // What the store holds is what the core stored.
    const stored = await core.api.as(token, { method: 'GET', url: `/api/v1/resumes/analysis/${resume.id}` });
    expect(done.byResume.get(resume.id)).toEqual(stored.json<{ items: unknown[] }>().items);
  });
});

describe('ranking a job’s applicants', () => {
  it('follows the rank task’s progress to its end, then shows the ranking in the core’s order', async () => {
    const { ranking, api } = stores;
    const job = await api.jobs.create({ title: 'Platform engineer', requiredSkills: ['Terraform', 'Kubernetes', 'Python'] });
    const applicants = [
      { name: 'Ana Allskills', skills: 'Terraform, Kubernetes, Python, AWS' },
      { name: 'Bo Someskills', skills: 'Terraform, Java' },
      { name: 'Cy Noskills', skills: 'Photoshop, Illustrator' },
      { name: 'Di Twoskills', skills: 'Kubernetes, Python' },
    ];
    for (const { name, skills } of applicants) {
      const resume = await insertParsedResume(core.api, makeResumeText({ name, skills }), { candidateName: name });
      await api.applications.create({ job_id: job.id, candidate_id: resume.candidateId, resume_id: resume.id });
    }
    await ranking.getState().open(job.id);
    expect(ranking.getState()).toMatchObject({ jobId: job.id, status: 'ready', ranking: { total: 0 }, run: null });

    await ranking.getState().rank(job.id, 'mock');
    expect(ranking.getState().run).toMatchObject({ jobId: job.id, status: 'queued' });

    const progress: { done: number; total: number }[] = [];
    const offProgress = ranking.subscribe((s) => {
      if (s.run?.status === 'running' && s.run.total > 0) progress.push({ done: s.run.done, total: s.run.total });
    });
    core.api.queue.start();
    const done = await until(ranking, (s) => s.run?.status === 'succeeded' && s.status === 'ready' && s.ranking?.total === applicants.length);
    offProgress();

    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.total === applicants.length && p.done <= p.total)).toBe(true);
    expect(done.run?.error).toBeUndefined();
    const fromCore = (await core.api.as(token, { method: 'GET', url: `/api/v1/jobs/${job.id}/ranking` })).json<Ranking>();
    expect(done.ranking?.items.map((r) => r.resume_id)).toEqual(fromCore.items.map((r) => r.resume_id));
    expect(done.ranking?.items.map((r) => r.candidate_name).sort()).toEqual(applicants.map((a) => a.name).sort());
  });

  it('a job that is opened while its ranking is still queued shows that run', async () => {
    const { api } = stores;
    const job = await api.jobs.create({ title: 'Data engineer', requiredSkills: ['Python'] });
    const resume = await insertParsedResume(core.api, makeResumeText({ name: 'Eli Queued' }), { candidateName: 'Eli Queued' });
    await api.applications.create({ job_id: job.id, candidate_id: resume.candidateId, resume_id: resume.id });
    const { task_id } = await api.analysis.rank(job.id, { provider: 'mock' });

    // Another window (another set of stores) opens the job: it finds the queued task.
    const elsewhere = core.stores();
    await elsewhere.session.getState().signIn(stores.session.getState().user?.username ?? '', TEST_PASSWORD);
    await elsewhere.ranking.getState().open(job.id);
    expect(elsewhere.ranking.getState().run).toMatchObject({ taskId: task_id, jobId: job.id, status: 'queued' });
  });
});

// Analysing a résumé through the API with the offline analyser (`mock`), through the real queue and
// worker pool: the analysis document's life, the résumé's status, the event, the cache, refusals
// and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { AnalysisResultSchema, type Analysis } from '../../../src/shared/schemas/analysis.js';
import type { TaskOut } from '../../../src/shared/api/tasks.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { makeResumeText } from '../../unit/analysis/analysis-fixtures.js';
import { createJob } from './jobs.fixtures.js';
import { analysisOf, insertParsedResume, insertScannedResume, requestAnalysis, waitForAnalysis } from './analysis.fixtures.js';
import { waitForTask } from './resumes.fixtures.js';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await createTestApi({}, { poolSize: 1, startQueue: true });
  admin = (await api.signIn('admin')).token;
});
afterAll(async () => {
  await api.close();
});

const JOB = {
  title: 'Site Reliability Engineer',
  description: 'Keep our platform available.\nRequirements:\n- 5+ years running production infrastructure\n- Kubernetes and Terraform',
  requiredSkills: ['Kubernetes', 'Terraform'],
  niceToHaveSkills: ['Ansible'],
};

describe('POST /resumes/analyze/{resume_id} with the offline analyser', () => {
  it('completes a schema-valid analysis, marks the résumé analyzed, emits analysis.completed and the task succeeds', async () => {
    const resume = await insertParsedResume(api, makeResumeText(), { candidateName: 'Marta Kowalska-Reyes' });
    const job = await createJob(api, admin, JOB);
    const completed: unknown[] = [];
    const off = api.events.on('analysis.completed', (event) => completed.push(event));

    const accepted = await requestAnalysis(api, admin, resume.id, { job_id: job.id, provider: 'mock' });
    expect(accepted.cached).toBe(false);
    const analysis = await waitForAnalysis(api, accepted.analysis_id);
    off();

    expect(analysis.status, JSON.stringify(analysis.error)).toBe('completed');
    expect(analysis.provider).toBe('mock');
    expect(analysis.requestedProvider).toBe('mock');
    expect(analysis.jobId).toBe(job.id);
    expect(Value.Check(AnalysisResultSchema, analysis.result)).toBe(true);
    expect(analysis.result?.jobMatch?.matchedRequiredSkills).toEqual(expect.arrayContaining(['Kubernetes', 'Terraform']));
    expect(analysis.usage).toEqual({ inputTokens: 0, outputTokens: 0, costUsd: 0 });
    expect(analysis.promptVersion.length).toBeGreaterThan(0);
    expect(completed).toContainEqual({ id: analysis.id, resumeId: resume.id, jobId: job.id, status: 'completed', provider: 'mock' });
    expect((await api.db.resumes.findOne(resume.id).exec())?.status).toBe('analyzed');

    expect(await waitForTask(api, accepted.task_id)).toBe('succeeded');
    const task = await api.as(admin, { method: 'GET', url: `/api/v1/tasks/${accepted.task_id}` });
    expect(task.statusCode).toBe(200);
    expect(task.json<TaskOut>()).toMatchObject({ status: 'succeeded', type: 'analysis.run', result: { analysisId: analysis.id, status: 'completed', provider: 'mock' } });
  });

  it('answers an identical request from the cache: a new analysis copying the first, marked cachedFrom, at no cost', async () => {
    const resume = await insertParsedResume(api, makeResumeText({ name: 'Jonas Berg', summary: 'Engineer who likes caching.' }));
    const first = await requestAnalysis(api, admin, resume.id, { job_description: 'Terraform and AWS engineer', provider: 'mock' });
    const original = await waitForAnalysis(api, first.analysis_id);

    const second = await requestAnalysis(api, admin, resume.id, { job_description: 'Terraform and AWS engineer', provider: 'mock' });
    expect(second).toMatchObject({ cached: true, cached_from: first.analysis_id });
    const copy = await waitForAnalysis(api, second.analysis_id);
    expect(copy).toMatchObject({ status: 'completed', cachedFrom: first.analysis_id, usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 } });
    expect(copy.result).toEqual(original.result);
    expect((await analysisOf(api, admin, resume.id)).map((a) => a.id)).toEqual(expect.arrayContaining([first.analysis_id, second.analysis_id]));

    // A different question is not the same analysis.
    const other = await requestAnalysis(api, admin, resume.id, { job_description: 'Kubernetes engineer', provider: 'mock' });
    expect(other.cached).toBe(false);
    await waitForAnalysis(api, other.analysis_id);
  });

  it('lists every analysis of a résumé newest first', async () => {
    const resume = await insertParsedResume(api, makeResumeText({ name: 'Lea Novak' }));
    const older = await requestAnalysis(api, admin, resume.id, { provider: 'mock' });
    await waitForAnalysis(api, older.analysis_id);
    api.clock.advance(1_000);
    const newer = await requestAnalysis(api, admin, resume.id, { provider: 'mock', job_description: 'Python developer' });
    await waitForAnalysis(api, newer.analysis_id);
    const items: Analysis[] = await analysisOf(api, admin, resume.id);
    expect(items.map((a) => a.id)).toEqual([newer.analysis_id, older.analysis_id]);
    expect(items[1]?.result?.jobMatch).toBeUndefined();
  });

  it('refuses a résumé without a text layer with 400, and queues nothing', async () => {
    const scan = await insertScannedResume(api);
    const tasksBefore = await api.db.tasks.count().exec();
    const response = await api.as(admin, { method: 'POST', url: `/api/v1/resumes/analyze/${scan.id}`, payload: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toContain('no text layer');
    expect(await api.db.tasks.count().exec()).toBe(tasksBefore);
    expect(await api.db.analyses.count({ selector: { resumeId: scan.id } }).exec()).toBe(0);
  });

  it('refuses a résumé that is still being parsed with 409', async () => {
    const resume = await insertParsedResume(api, makeResumeText({ name: 'Still Parsing' }), { status: 'parsing' });
    const response = await api.as(admin, { method: 'POST', url: `/api/v1/resumes/analyze/${resume.id}`, payload: {} });
    expect(response.statusCode).toBe(409);
  });

  it('answers 404 for an unknown résumé or job, and 400 for both job_id and job_description', async () => {
    const resume = await insertParsedResume(api, makeResumeText({ name: 'Ines Moreau' }));
    const unknownResume = await api.as(admin, { method: 'POST', url: '/api/v1/resumes/analyze/nope', payload: {} });
    expect(unknownResume.statusCode).toBe(404);
    const unknownJob = await api.as(admin, { method: 'POST', url: `/api/v1/resumes/analyze/${resume.id}`, payload: { job_id: 'nope' } });
    expect(unknownJob.statusCode).toBe(404);
    const both = await api.as(admin, { method: 'POST', url: `/api/v1/resumes/analyze/${resume.id}`, payload: { job_id: 'x', job_description: 'y' } });
    expect(both.statusCode).toBe(400);
    const unknownList = await api.as(admin, { method: 'GET', url: '/api/v1/resumes/analysis/nope' });
    expect(unknownList.statusCode).toBe(404);
  });

  it('lets staff analyse and read, refuses candidates, and keeps usage for admins', async () => {
    const resume = await insertParsedResume(api, makeResumeText({ name: 'Role Check' }));
    const recruiter = (await api.signIn('recruiter')).token;
    const candidate = (await api.signIn('candidate')).token;
    const byRecruiter = await requestAnalysis(api, recruiter, resume.id, { provider: 'mock' });
    await waitForAnalysis(api, byRecruiter.analysis_id);
    expect(await analysisOf(api, recruiter, resume.id)).toHaveLength(1);

    expect((await api.as(candidate, { method: 'POST', url: `/api/v1/resumes/analyze/${resume.id}`, payload: {} })).statusCode).toBe(403);
    expect((await api.as(candidate, { method: 'GET', url: `/api/v1/resumes/analysis/${resume.id}` })).statusCode).toBe(403);
    expect((await api.as(undefined, { method: 'GET', url: `/api/v1/resumes/analysis/${resume.id}` })).statusCode).toBe(401);
    expect((await api.as(recruiter, { method: 'GET', url: '/api/v1/analysis/usage' })).statusCode).toBe(403);
    expect((await api.as(admin, { method: 'GET', url: '/api/v1/analysis/usage' })).statusCode).toBe(200);
    expect((await api.as(candidate, { method: 'POST', url: '/api/v1/jobs/x/rank', payload: {} })).statusCode).toBe(403);
  });

  it('accepts a request with no body at all', async () => {
    const resume = await insertParsedResume(api, makeResumeText({ name: 'No Body' }));
    const response = await api.as(admin, { method: 'POST', url: `/api/v1/resumes/analyze/${resume.id}` });
    expect(response.statusCode, response.body).toBe(202);
    await waitForAnalysis(api, response.json<{ analysis_id: string }>().analysis_id);
  });
});

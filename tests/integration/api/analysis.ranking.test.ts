// Ranking a job's applicants through the API with the offline analyser, on the generated labelled
// set: the job's own family comes first, progress reaches the event bus, a repeated ranking costs
// nothing, and automatic analysis queues an analysis when an application brings a résumé.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoAnalysisId } from '../../../src/main/core/features/analysis/auto-analysis.js';
import type { Ranking } from '../../../src/shared/api/analysis.js';
import type { TaskOut } from '../../../src/shared/api/tasks.js';
import type { Resume } from '../../../src/shared/schemas/resume.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { generateLabelledSet } from '../../support/labelled-set.js';
import { makeResumeText } from '../../unit/analysis/analysis-fixtures.js';
import { createJob } from './jobs.fixtures.js';
import { insertParsedResume, waitForAnalysis } from './analysis.fixtures.js';
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

const FAMILIES = ['backend', 'frontend', 'nursing', 'sales'];
const set = generateLabelledSet({ resumesPerFamily: 3 });

async function applyWith(jobId: string, resume: Resume) {
  const response = await api.as(admin, { method: 'POST', url: '/api/v1/applications', payload: { job_id: jobId, candidate_id: resume.candidateId, resume_id: resume.id } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>();
}

async function rank(jobId: string, body: Record<string, unknown> = {}) {
  const response = await api.as(admin, { method: 'POST', url: `/api/v1/jobs/${jobId}/rank`, payload: body });
  expect(response.statusCode, response.body).toBe(202);
  const { task_id } = response.json<{ task_id: string }>();
  expect(await waitForTask(api, task_id)).toBe('succeeded');
  return (await api.as(admin, { method: 'GET', url: `/api/v1/tasks/${task_id}` })).json<TaskOut>();
}

describe('POST /jobs/{job_id}/rank and GET /jobs/{job_id}/ranking', () => {
  it("ranks applicants from several families with the job's own family first, reporting progress", async () => {
    const family = set.families.find((f) => f.id === 'backend');
    if (!family) throw new Error('the labelled set has no backend family');
    const job = await createJob(api, admin, { ...family.job, autoAnalyze: false });
    const applicants = set.resumes.filter((r) => FAMILIES.includes(r.family));
    const familyOf = new Map<string, string>();
    for (const labelled of applicants) {
      const resume = await insertParsedResume(api, labelled.text, { candidateName: `Applicant ${labelled.id}` });
      familyOf.set(resume.id, labelled.family);
      await applyWith(job.id, resume);
    }
    const progress: { done: number; total: number }[] = [];
    const off = api.events.on('task.progress', (event) => {
      if (event.type === 'analysis.rank') progress.push({ done: event.done, total: event.total });
    });

    const task = await rank(job.id, { provider: 'mock' });
    off();
    expect(task.result).toMatchObject({ total: applicants.length, analysed: applicants.length, cached: 0, failed: 0 });
    expect(progress.at(-1)).toEqual({ done: applicants.length, total: applicants.length });

    const ranking = (await api.as(admin, { method: 'GET', url: `/api/v1/jobs/${job.id}/ranking` })).json<Ranking>();
    expect(ranking.total).toBe(applicants.length);
    const ownFamily = applicants.filter((r) => r.family === 'backend').length;
    expect(ranking.items.slice(0, ownFamily).map((entry) => familyOf.get(entry.resume_id))).toEqual(Array(ownFamily).fill('backend'));
    const first = ranking.items[0];
    expect(first?.candidate_name).toMatch(/^Applicant backend-/);
    expect(first?.provider).toBe('mock');
    for (let i = 1; i < ranking.items.length; i++) {
      const [a, b] = [ranking.items[i - 1], ranking.items[i]];
      if (a && b) expect(a.compatibility >= b.compatibility).toBe(true);
    }

    // The same ranking again is answered from the cache: no new analyses.
    const before = await api.db.analyses.count().exec();
    const again = await rank(job.id, { provider: 'mock' });
    expect(again.result).toMatchObject({ total: applicants.length, analysed: 0, cached: applicants.length });
    expect(await api.db.analyses.count().exec()).toBe(before);
  });

  it('ranks only the résumés given, and answers 404 for an unknown job or résumé', async () => {
    const job = await createJob(api, admin, { title: 'Data Engineer', description: 'Python, SQL and Spark pipelines.', requiredSkills: ['Python', 'SQL'] });
    const one = await insertParsedResume(api, makeResumeText({ name: 'Given One', skills: 'Python, SQL, Spark' }));
    const task = await rank(job.id, { resume_ids: [one.id], provider: 'mock' });
    expect(task.result).toMatchObject({ total: 1, analysed: 1 });
    const ranking = (await api.as(admin, { method: 'GET', url: `/api/v1/jobs/${job.id}/ranking` })).json<Ranking>();
    expect(ranking.items.map((entry) => entry.resume_id)).toEqual([one.id]);

    expect((await api.as(admin, { method: 'POST', url: '/api/v1/jobs/nope/rank', payload: {} })).statusCode).toBe(404);
    expect((await api.as(admin, { method: 'GET', url: '/api/v1/jobs/nope/ranking' })).statusCode).toBe(404);
    expect((await api.as(admin, { method: 'POST', url: `/api/v1/jobs/${job.id}/rank`, payload: { resume_ids: ['nope'] } })).statusCode).toBe(404);
  });

  it("ranks an applicant who applied without a résumé on the candidate's newest parsed one", async () => {
    const job = await createJob(api, admin, { title: 'Platform Engineer', description: 'Go and Kubernetes.', requiredSkills: ['Go', 'Kubernetes'] });
    const resume = await insertParsedResume(api, makeResumeText({ name: 'No Attachment', skills: 'Go, Kubernetes, Terraform' }), { candidateName: 'No Attachment' });
    const response = await api.as(admin, { method: 'POST', url: '/api/v1/applications', payload: { job_id: job.id, candidate_id: resume.candidateId } });
    expect(response.statusCode, response.body).toBe(201);

    const task = await rank(job.id, { provider: 'mock' });
    expect(task.result).toMatchObject({ total: 1, analysed: 1 });
    const ranking = (await api.as(admin, { method: 'GET', url: `/api/v1/jobs/${job.id}/ranking` })).json<Ranking>();
    expect(ranking.items.map((entry) => entry.resume_id)).toEqual([resume.id]);
  });
});

describe('automatic analysis', () => {
  it('analyses the résumé of a new application when the job has autoAnalyze on', async () => {
    const job = await createJob(api, admin, { title: 'SRE', description: 'Kubernetes and Terraform.', requiredSkills: ['Kubernetes'], autoAnalyze: true });
    const resume = await insertParsedResume(api, makeResumeText({ name: 'Auto Applicant' }), { candidateName: 'Auto Applicant' });
    const application = await applyWith(job.id, resume);
    const analysis = await waitForAnalysis(api, autoAnalysisId(application.id, resume.id));
    expect(analysis).toMatchObject({ status: 'completed', resumeId: resume.id, jobId: job.id });
  });

  it('leaves applications to jobs without autoAnalyze alone', async () => {
    const manual = await createJob(api, admin, { title: 'Manual', description: 'Kubernetes.', autoAnalyze: false });
    const auto = await createJob(api, admin, { title: 'Auto', description: 'Kubernetes.', autoAnalyze: true });
    const resume = await insertParsedResume(api, makeResumeText({ name: 'Manual Applicant' }), { candidateName: 'Manual Applicant' });
    const ignored = await applyWith(manual.id, resume);
    // Application changes are handled in order, so once the later one is analysed the earlier was seen.
    const later = await applyWith(auto.id, resume);
    await waitForAnalysis(api, autoAnalysisId(later.id, resume.id));
    expect(await api.db.analyses.findOne(autoAnalysisId(ignored.id, resume.id)).exec()).toBeNull();
    expect(await api.db.analyses.count({ selector: { resumeId: resume.id } }).exec()).toBe(1);
  });
});

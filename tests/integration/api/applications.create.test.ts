// Creating applications through HTTP: a candidate applying (POST /jobs/apply) and staff adding a
// candidate (POST /applications), with the one-application-per-job rule under concurrency.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationOut } from '../../../src/shared/api/applications.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { activitiesFor, addApplication, createCandidate, insertJob, insertResume, signInCandidate } from './candidates.fixtures.js';

let api: TestApi;

beforeEach(async () => {
  api = await createTestApi();
});
afterEach(() => api.close());

const apply = (token: string | undefined, payload: object) => api.as(token, { method: 'POST', url: '/api/v1/jobs/apply', payload });

describe('a candidate applying with POST /jobs/apply', () => {
  it('creates an applied application for their own record, with its first history entry and an activity', async () => {
    const { user, token, candidate } = await signInCandidate(api, 'Ana Costa');
    const job = await insertJob(api, { title: 'Data Engineer' });
    const response = await apply(token, { job_id: job.id });
    expect(response.statusCode).toBe(201);
    const application = response.json<ApplicationOut>();
    expect(application).toMatchObject({
      jobId: job.id,
      candidateId: candidate.id,
      status: 'applied',
      history: [{ at: api.clock.now(), by: user.id, to: 'applied' }],
      candidateName: 'Ana Costa',
      jobTitle: 'Data Engineer',
    });
    expect(application).not.toHaveProperty('resumeId');
    const [activity] = await activitiesFor(api, application.id);
    expect(activity).toMatchObject({ actorId: user.id, action: 'application.created', subjectType: 'application', details: { jobId: job.id, candidateId: candidate.id, via: 'apply' } });
  });

  it('attaches one of the candidate’s own résumés', async () => {
    const { token, candidate } = await signInCandidate(api);
    const resume = await insertResume(api, candidate.id);
    const job = await insertJob(api);
    const response = await apply(token, { job_id: job.id, resume_id: resume.id });
    expect(response.statusCode).toBe(201);
    expect(response.json().resumeId).toBe(resume.id);
  });

  it('refuses a résumé of someone else (400 on resume_id) and an unknown one (404)', async () => {
    const { token } = await signInCandidate(api);
    const other = await signInCandidate(api, 'Someone Else');
    const job = await insertJob(api);
    const foreign = await insertResume(api, other.candidate.id);
    const wrongOwner = await apply(token, { job_id: job.id, resume_id: foreign.id });
    expect(wrongOwner.statusCode).toBe(400);
    expect(wrongOwner.json().error.details.field).toBe('resume_id');
    const unknown = await apply(token, { job_id: job.id, resume_id: 'no-such-resume' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.details.field).toBe('resume_id');
    expect(await api.db.applications.count().exec()).toBe(0);
  });

  it('answers 404 for an unknown job and 409 for a closed one', async () => {
    const { token } = await signInCandidate(api);
    const missing = await apply(token, { job_id: 'no-such-job' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.details.field).toBe('job_id');
    const closed = await insertJob(api, { status: 'closed' });
    const response = await apply(token, { job_id: closed.id });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'CONFLICT', details: { jobId: closed.id, status: 'closed' } });
  });

  it('refuses a second application to the same job with 409 naming the existing application', async () => {
    const { token } = await signInCandidate(api);
    const job = await insertJob(api);
    const first = (await apply(token, { job_id: job.id })).json<ApplicationOut>();
    const second = await apply(token, { job_id: job.id });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details).toMatchObject({ applicationId: first.id, jobId: job.id });
  });

  it('lets exactly one of two simultaneous applications to the same job through', async () => {
    const { token, candidate } = await signInCandidate(api);
    const job = await insertJob(api);
    const responses = await Promise.all([apply(token, { job_id: job.id }), apply(token, { job_id: job.id })]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await api.db.applications.count({ selector: { candidateId: candidate.id } }).exec()).toBe(1);
    const created = await api.db.activities.find({ selector: { action: 'application.created' } }).exec();
    expect(created).toHaveLength(1);
  });

  it('answers 409 when the account has no candidate record to apply with', async () => {
    const { token } = await api.signIn('candidate');
    const job = await insertJob(api);
    const response = await apply(token, { job_id: job.id });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details.reason).toBe('no_candidate_record');
  });

  it.each([
    ['job_id', {}],
    ['job_id', { job_id: '' }],
    ['job_id', { job_id: { $gt: '' } }],
    ['resume_id', { job_id: 'j', resume_id: '' }],
    ['resume_id', { job_id: 'j', resume_id: ['a', 'b'] }],
  ])('rejects an invalid body with 400 naming %s', async (field, body) => {
    const { token } = await signInCandidate(api);
    const response = await apply(token, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.field).toBe(field);
  });

  it('rejects unknown fields such as candidate_id (a candidate cannot apply for someone else)', async () => {
    const { token } = await signInCandidate(api);
    const other = await signInCandidate(api, 'Other');
    const job = await insertJob(api);
    const response = await apply(token, { job_id: job.id, candidate_id: other.candidate.id });
    expect(response.statusCode).toBe(400);
  });

  it('is for candidates only: staff get 403 and anonymous callers 401', async () => {
    const job = await insertJob(api);
    const { token } = await api.signIn('recruiter');
    expect((await apply(token, { job_id: job.id })).statusCode).toBe(403);
    expect((await apply(undefined, { job_id: job.id })).statusCode).toBe(401);
  });
});

describe('staff adding a candidate with POST /applications', () => {
  it('creates the application, keeps the note in the history and records the activity', async () => {
    const { user, token } = await api.signIn('recruiter');
    const candidate = await createCandidate(api, token, { name: 'Rui Lopes' });
    const job = await insertJob(api);
    const response = await api.as(token, { method: 'POST', url: '/api/v1/applications', payload: { job_id: job.id, candidate_id: candidate.id, note: 'Sourced on LinkedIn' } });
    expect(response.statusCode).toBe(201);
    const application = response.json<ApplicationOut>();
    expect(application).toMatchObject({ status: 'applied', candidateName: 'Rui Lopes', history: [{ by: user.id, to: 'applied', note: 'Sourced on LinkedIn' }] });
    const [activity] = await activitiesFor(api, application.id);
    expect(activity).toMatchObject({ actorId: user.id, action: 'application.created', details: { via: 'staff' } });
  });

  it('uses the same application id for the same candidate and job, so the candidate’s own apply conflicts', async () => {
    const { token: staff } = await api.signIn('admin');
    const { token, candidate } = await signInCandidate(api);
    const job = await insertJob(api);
    const added = await addApplication(api, staff, job.id, candidate.id);
    const response = await apply(token, { job_id: job.id });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details.applicationId).toBe(added.id);
  });

  it('lets exactly one of two simultaneous adds of the same candidate to the same job through', async () => {
    const { token } = await api.signIn('recruiter');
    const candidate = await createCandidate(api, token);
    const job = await insertJob(api);
    const payload = { job_id: job.id, candidate_id: candidate.id };
    const responses = await Promise.all([1, 2, 3].map(() => api.as(token, { method: 'POST', url: '/api/v1/applications', payload })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await api.db.applications.count().exec()).toBe(1);
  });

  it('answers 404 for an unknown candidate or job, 409 for a closed job, and checks the résumé owner', async () => {
    const { token } = await api.signIn('recruiter');
    const candidate = await createCandidate(api, token);
    const job = await insertJob(api);
    const post = (payload: object) => api.as(token, { method: 'POST', url: '/api/v1/applications', payload });
    const noCandidate = await post({ job_id: job.id, candidate_id: 'nobody' });
    expect(noCandidate.statusCode).toBe(404);
    expect(noCandidate.json().error.details.field).toBe('candidate_id');
    expect((await post({ job_id: 'nothing', candidate_id: candidate.id })).statusCode).toBe(404);
    const closed = await insertJob(api, { status: 'closed' });
    expect((await post({ job_id: closed.id, candidate_id: candidate.id })).statusCode).toBe(409);
    const unlinked = await insertResume(api, '');
    expect((await post({ job_id: job.id, candidate_id: candidate.id, resume_id: unlinked.id })).statusCode).toBe(400);
  });

  it('validates the body, naming the field', async () => {
    const { token } = await api.signIn('recruiter');
    const response = await api.as(token, { method: 'POST', url: '/api/v1/applications', payload: { job_id: 'j' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.field).toBe('candidate_id');
  });

  it('is for staff only: a candidate gets 403', async () => {
    const { token, candidate } = await signInCandidate(api);
    const job = await insertJob(api);
    const response = await api.as(token, { method: 'POST', url: '/api/v1/applications', payload: { job_id: job.id, candidate_id: candidate.id } });
    expect(response.statusCode).toBe(403);
  });
});

// Jobs through HTTP: create, read, replace, patch and delete, with validation naming the field,
// 404s, the delete policy for jobs with applications, and the activity every change records.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobOut } from '../../../src/shared/api/jobs.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { activitiesFor, createJob, insertApplication, JOBS_URL, listJobs, makeJobBody } from './jobs.fixtures.js';

let api: TestApi;
let staff: string;
let staffId: string;

beforeEach(async () => {
  api = await createTestApi();
  const signedIn = await api.signIn('recruiter');
  staff = signedIn.token;
  staffId = signedIn.user.id;
});
afterEach(() => api.close());

const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown) =>
  api.as(staff, { method, url, payload: payload as object });

function expectValidationError(response: { statusCode: number; json: () => unknown }, field: string) {
  expect(response.statusCode).toBe(400);
  expect(response.json()).toMatchObject({ error: { code: 'VALIDATION', details: { field } } });
}

describe('creating a job', () => {
  it('stores every field, stamps who posted it and when, and answers 201 with the job', async () => {
    const body = makeJobBody({ title: '  Data Engineer ', requiredSkills: ['Python', 'python', ' SQL '], remote: true, autoAnalyze: true });
    const response = await send('POST', JOBS_URL, body);
    expect(response.statusCode).toBe(201);
    const job = response.json<JobOut>();
    expect(job).toMatchObject({
      ...body,
      title: 'Data Engineer',
      requiredSkills: ['Python', 'SQL'],
      createdBy: staffId,
      createdAt: api.clock.now(),
      updatedAt: api.clock.now(),
    });
    expect(job).not.toHaveProperty('deviceId');
    expect((await api.db.jobs.findOne(job.id).exec())?.title).toBe('Data Engineer');
  });

  it('gives the fields left out their defaults', async () => {
    const response = await send('POST', JOBS_URL, { title: 'Barista' });
    expect(response.statusCode).toBe(201);
    const job = response.json<JobOut>();
    expect(job).toMatchObject({ title: 'Barista', description: '', requiredSkills: [], niceToHaveSkills: [], company: '', location: '', remote: false, tags: [], status: 'open', autoAnalyze: false });
    expect(job).not.toHaveProperty('salaryMin');
  });

  it('answers on the seed path with its trailing slash too', async () => {
    const response = await send('POST', `${JOBS_URL}/`, makeJobBody());
    expect(response.statusCode).toBe(201);
  });

  it('records a job.created activity naming the job', async () => {
    const job = await createJob(api, staff, { title: 'Android Engineer', company: 'Kiwi' });
    const [activity] = await activitiesFor(api, job.id);
    expect(activity).toMatchObject({ action: 'job.created', actorId: staffId, subjectType: 'job', summary: 'Posted job "Android Engineer" at Kiwi' });
  });

  it.each([
    ['a missing title', { title: undefined }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['an operator object as the title', { title: { $gt: '' } }, 'title'],
    ['a minimum salary above the maximum', { salaryMin: 80_000, salaryMax: 60_000 }, 'salaryMin'],
    ['a negative salary', { salaryMin: -1 }, 'salaryMin'],
    ['a lower-case currency', { salaryCurrency: 'eur' }, 'salaryCurrency'],
    ['a currency that is not ISO 4217', { salaryCurrency: 'XYZ' }, 'salaryCurrency'],
    ['a salary without a currency', { salaryCurrency: undefined }, 'salaryCurrency'],
    ['an unknown status', { status: 'draft' }, 'status'],
    ['a skill that is an object', { requiredSkills: ['Go', { $ne: null }] }, 'requiredSkills.1'],
    ['an empty skill', { niceToHaveSkills: [''] }, 'niceToHaveSkills.0'],
  ])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
    const body: Record<string, unknown> = { ...makeJobBody(), ...overrides };
    for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
    expectValidationError(await send('POST', JOBS_URL, body), field);
    expect(await api.db.jobs.count().exec()).toBe(0);
  });

  it('refuses unknown fields and the fields the server owns', async () => {
    for (const extra of [{ salary: 10 }, { id: 'mine' }, { createdAt: 1 }, { createdBy: 'someone' }]) {
      const response = await send('POST', JOBS_URL, { ...makeJobBody(), ...extra });
      expect(response.statusCode, JSON.stringify(extra)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION');
    }
  });
});

describe('reading a job', () => {
  it('returns the job by id', async () => {
    const job = await createJob(api, staff);
    const response = await api.as(staff, { method: 'GET', url: `${JOBS_URL}/${job.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(job);
  });

  it('answers 404 for an id that does not exist', async () => {
    const response = await api.as(staff, { method: 'GET', url: `${JOBS_URL}/no-such-job` });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});

describe('replacing a job (PUT)', () => {
  it('replaces every field, resets the ones left out and keeps id, creator and creation time', async () => {
    const job = await createJob(api, staff, { remote: true, tags: ['urgent'] });
    api.clock.advance(60_000);
    const response = await send('PUT', `${JOBS_URL}/${job.id}`, { title: 'Platform Engineer', location: 'Porto' });
    expect(response.statusCode).toBe(200);
    const replaced = response.json<JobOut>();
    expect(replaced).toMatchObject({ id: job.id, title: 'Platform Engineer', location: 'Porto', remote: false, tags: [], requiredSkills: [], createdBy: staffId, createdAt: job.createdAt, updatedAt: job.createdAt + 60_000 });
    expect(replaced).not.toHaveProperty('salaryMin');
    expect(replaced).not.toHaveProperty('salaryCurrency');
    expect((await api.as(staff, { method: 'GET', url: `${JOBS_URL}/${job.id}` })).json()).toEqual(replaced);
  });

  it('validates like a create', async () => {
    const job = await createJob(api, staff);
    expectValidationError(await send('PUT', `${JOBS_URL}/${job.id}`, makeJobBody({ salaryMin: 9, salaryMax: 1 })), 'salaryMin');
    expectValidationError(await send('PUT', `${JOBS_URL}/${job.id}`, { description: 'no title' }), 'title');
  });

  it('answers 404 for a job that does not exist', async () => {
    const response = await send('PUT', `${JOBS_URL}/missing`, makeJobBody());
    expect(response.statusCode).toBe(404);
  });
});

describe('changing some fields of a job (PATCH)', () => {
  it('changes only the fields given and records which ones changed', async () => {
    const job = await createJob(api, staff);
    api.clock.advance(1000);
    const response = await send('PATCH', `${JOBS_URL}/${job.id}`, { status: 'closed', location: 'Remote' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ...job, status: 'closed', location: 'Remote', updatedAt: job.createdAt + 1000 });
    const activities = await activitiesFor(api, job.id);
    expect(activities.map((a) => a.action)).toEqual(['job.created', 'job.updated']);
    expect(activities[1]).toMatchObject({ actorId: staffId, details: { fields: ['location', 'status'] } });
  });

  it('checks the salary range against the stored values', async () => {
    const job = await createJob(api, staff, { salaryMin: 50_000, salaryMax: 70_000 });
    expectValidationError(await send('PATCH', `${JOBS_URL}/${job.id}`, { salaryMin: 90_000 }), 'salaryMin');
    expect((await api.db.jobs.findOne(job.id).exec())?.salaryMin).toBe(50_000);
  });

  it('refuses an empty change and unknown fields', async () => {
    const job = await createJob(api, staff);
    expect((await send('PATCH', `${JOBS_URL}/${job.id}`, {})).statusCode).toBe(400);
    expect((await send('PATCH', `${JOBS_URL}/${job.id}`, { colour: 'red' })).statusCode).toBe(400);
  });

  it('answers 404 for a job that does not exist', async () => {
    expect((await send('PATCH', `${JOBS_URL}/missing`, { title: 'x' })).statusCode).toBe(404);
  });
});

describe('deleting a job', () => {
  const remove = (id: string, query = '') => api.as(staff, { method: 'DELETE', url: `${JOBS_URL}/${id}${query}` });

  it('deletes a job without applications, records job.deleted and drops it from the list', async () => {
    const job = await createJob(api, staff, { title: 'Temp role' });
    api.clock.advance(1000);
    const response = await remove(job.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, applicationsRemoved: 0 });
    expect((await api.as(staff, { method: 'GET', url: `${JOBS_URL}/${job.id}` })).statusCode).toBe(404);
    expect((await listJobs(api, staff)).total).toBe(0);
    const activities = await activitiesFor(api, job.id);
    expect(activities.at(-1)).toMatchObject({ action: 'job.deleted', actorId: staffId, details: { title: 'Temp role', applicationsRemoved: 0 } });
  });

  it('answers 404 for a job that does not exist, or was already deleted', async () => {
    const job = await createJob(api, staff);
    expect((await remove(job.id)).statusCode).toBe(200);
    expect((await remove(job.id)).statusCode).toBe(404);
    expect((await remove('never-there')).statusCode).toBe(404);
  });

  it('keeps a job with applications (409) and tells how to close it instead', async () => {
    const job = await createJob(api, staff);
    await insertApplication(api, job.id);
    await insertApplication(api, job.id);
    const response = await remove(job.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'CONFLICT', details: { applications: 2 } });
    expect(response.json().error.message).toMatch(/close it instead/i);
    expect((await api.as(staff, { method: 'GET', url: `${JOBS_URL}/${job.id}` })).statusCode).toBe(200);
  });

  it('deletes a job with its applications when forced, and logs each deletion', async () => {
    const job = await createJob(api, staff);
    const [first, second] = [await insertApplication(api, job.id), await insertApplication(api, job.id)];
    const other = await createJob(api, staff);
    const kept = await insertApplication(api, other.id);
    api.clock.advance(1000);
    const response = await remove(job.id, '?force=true');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, applicationsRemoved: 2 });
    expect(await api.db.applications.findByIds([first!.id, second!.id, kept.id]).exec()).toEqual(new Map([[kept.id, expect.anything()]]));
    expect((await activitiesFor(api, first!.id)).map((a) => a.action)).toEqual(['application.deleted']);
    expect((await activitiesFor(api, job.id)).at(-1)).toMatchObject({ action: 'job.deleted', details: { applicationsRemoved: 2 } });
  });

  it('refuses a force flag that is not a boolean', async () => {
    const job = await createJob(api, staff);
    const response = await remove(job.id, '?force=please');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.field).toBe('force');
  });
});

// Reading applications through HTTP: one by id, the filtered list, a job's applicants, and who may
// see what.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationOut } from '../../../src/shared/api/applications.js';
import type { Candidate } from '../../../src/shared/schemas/candidate.js';
import type { Job } from '../../../src/shared/schemas/job.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { addApplication, createCandidate, insertJob, signInCandidate } from './candidates.fixtures.js';

interface ApplicationPage {
  items: ApplicationOut[];
  total: number;
  limit: number;
  skip: number;
}

let api: TestApi;
let staff: string;
let backend: Job;
let frontend: Job;
let carla: Candidate;
let bruno: Candidate;
/** Created a second apart in this order: carla→backend (screening), bruno→backend, carla→frontend. */
let apps: ApplicationOut[];

beforeEach(async () => {
  api = await createTestApi();
  staff = (await api.signIn('recruiter')).token;
  backend = await insertJob(api, { title: 'Backend Engineer' });
  frontend = await insertJob(api, { title: 'Frontend Engineer' });
  carla = await createCandidate(api, staff, { name: 'Carla Mendes', emails: ['carla@example.com'] });
  bruno = await createCandidate(api, staff, { name: 'Bruno Dias', emails: ['bruno@example.com'] });
  apps = [];
  for (const [job, candidate] of [[backend, carla], [backend, bruno], [frontend, carla]] as const) {
    api.clock.advance(1000);
    apps.push(await addApplication(api, staff, job.id, candidate.id));
  }
  const first = apps[0] as ApplicationOut;
  const moved = await api.as(staff, { method: 'PATCH', url: `/api/v1/applications/${first.id}`, payload: { status: 'screening' } });
  expect(moved.statusCode).toBe(200);
});
afterEach(() => api.close());

async function get(token: string, url: string): Promise<ApplicationPage> {
  const response = await api.as(token, { method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ApplicationPage>();
}
const ids = (page: ApplicationPage) => page.items.map((a) => a.id);
const app = (i: number) => apps[i] as ApplicationOut;

describe('getting one application', () => {
  it('gives staff the application with its history and the candidate and job names', async () => {
    const response = await api.as(staff, { method: 'GET', url: `/api/v1/applications/${app(0).id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: app(0).id,
      status: 'screening',
      candidateName: 'Carla Mendes',
      candidateEmail: 'carla@example.com',
      jobTitle: 'Backend Engineer',
      history: [{ to: 'applied' }, { from: 'applied', to: 'screening' }],
    });
  });

  it('answers 404 for an unknown id', async () => {
    expect((await api.as(staff, { method: 'GET', url: '/api/v1/applications/nope' })).statusCode).toBe(404);
  });
});

describe('listing applications as staff', () => {
  it('lists all, newest first, with the total', async () => {
    const page = await get(staff, '/api/v1/applications');
    expect(ids(page)).toEqual([app(2).id, app(1).id, app(0).id]);
    expect(page).toMatchObject({ total: 3, limit: 20, skip: 0 });
  });

  it('filters by job_id, candidate_id and status, alone and together', async () => {
    expect(ids(await get(staff, `/api/v1/applications?job_id=${backend.id}&order=asc`))).toEqual([app(0).id, app(1).id]);
    expect(ids(await get(staff, `/api/v1/applications?candidate_id=${carla.id}&order=asc`))).toEqual([app(0).id, app(2).id]);
    expect(ids(await get(staff, '/api/v1/applications?status=applied&order=asc'))).toEqual([app(1).id, app(2).id]);
    const both = await get(staff, `/api/v1/applications?candidate_id=${carla.id}&status=applied`);
    expect(ids(both)).toEqual([app(2).id]);
    expect(both.total).toBe(1);
    expect((await get(staff, '/api/v1/applications?job_id=unknown')).total).toBe(0);
  });

  it('pages with limit and skip, and past the end gives no items but the total', async () => {
    const page = await get(staff, '/api/v1/applications?limit=1&skip=1');
    expect(ids(page)).toEqual([app(1).id]);
    expect(page).toMatchObject({ total: 3, limit: 1, skip: 1 });
    expect(await get(staff, '/api/v1/applications?skip=10')).toMatchObject({ items: [], total: 3 });
  });

  it.each(['limit=0', 'limit=101', 'skip=-1', 'status=maybe', 'sort=name', 'job_id=', 'jobId=x'])('rejects %s with 400', async (query) => {
    const response = await api.as(staff, { method: 'GET', url: `/api/v1/applications?${query}` });
    expect(response.statusCode).toBe(400);
  });

  it('treats operator-looking query text literally', async () => {
    const page = await get(staff, `/api/v1/applications?job_id=${encodeURIComponent('{"$gt":""}')}`);
    expect(page.total).toBe(0);
  });
});

describe('a job’s applicants (GET /jobs/{job_id}/applications)', () => {
  it('lists the job’s applications with candidate names, status and dates', async () => {
    const page = await get(staff, `/api/v1/jobs/${backend.id}/applications?sort=createdAt&order=asc`);
    expect(page.total).toBe(2);
    expect(page.items.map((a) => [a.candidateName, a.status])).toEqual([
      ['Carla Mendes', 'screening'],
      ['Bruno Dias', 'applied'],
    ]);
    expect(page.items[0]?.createdAt).toBe(app(0).createdAt);
    expect(page.items[0]?.updatedAt).toBeGreaterThanOrEqual(app(0).createdAt);
  });

  it('filters by status and pages', async () => {
    expect(ids(await get(staff, `/api/v1/jobs/${backend.id}/applications?status=applied`))).toEqual([app(1).id]);
    const page = await get(staff, `/api/v1/jobs/${backend.id}/applications?limit=1&skip=1&order=asc`);
    expect(ids(page)).toEqual([app(1).id]);
    expect(page.total).toBe(2);
    expect((await api.as(staff, { method: 'GET', url: `/api/v1/jobs/${backend.id}/applications?limit=101` })).statusCode).toBe(400);
  });

  it('answers 404 for an unknown job', async () => {
    expect((await api.as(staff, { method: 'GET', url: '/api/v1/jobs/nope/applications' })).statusCode).toBe(404);
  });

  it('is open to admins too, but not to candidates (403) or anonymous callers (401)', async () => {
    const admin = (await api.signIn('admin')).token;
    expect((await get(admin, `/api/v1/jobs/${frontend.id}/applications`)).total).toBe(1);
    const { token } = await signInCandidate(api);
    expect((await api.as(token, { method: 'GET', url: `/api/v1/jobs/${frontend.id}/applications` })).statusCode).toBe(403);
    expect((await api.as(undefined, { method: 'GET', url: `/api/v1/jobs/${frontend.id}/applications` })).statusCode).toBe(401);
  });
});

describe('a candidate reading applications', () => {
  async function applyingCandidate() {
    const account = await signInCandidate(api, 'Ana Costa');
    api.clock.advance(1000);
    const response = await api.as(account.token, { method: 'POST', url: '/api/v1/jobs/apply', payload: { job_id: frontend.id } });
    expect(response.statusCode).toBe(201);
    return { ...account, application: response.json<ApplicationOut>() };
  }

  it('sees only their own applications in the list, even with filters', async () => {
    const { token, application, candidate } = await applyingCandidate();
    const page = await get(token, '/api/v1/applications');
    expect(ids(page)).toEqual([application.id]);
    expect(page.total).toBe(1);
    expect((await get(token, `/api/v1/applications?job_id=${backend.id}`)).total).toBe(0);
    expect(ids(await get(token, `/api/v1/applications?candidate_id=${candidate.id}`))).toEqual([application.id]);
  });

  it('is refused (403) when asking for another candidate’s applications by candidate_id', async () => {
    const { token } = await applyingCandidate();
    expect((await api.as(token, { method: 'GET', url: `/api/v1/applications?candidate_id=${carla.id}` })).statusCode).toBe(403);
  });

  it('sees every change of their application but not the notes staff wrote', async () => {
    const { token, user, application } = await applyingCandidate();
    await api.as(staff, { method: 'PATCH', url: `/api/v1/applications/${application.id}`, payload: { status: 'screening', note: 'Weak on SQL' } });
    await api.as(token, { method: 'PATCH', url: `/api/v1/applications/${application.id}`, payload: { status: 'withdrawn', note: 'Moving abroad' } });
    const own = await api.as(token, { method: 'GET', url: `/api/v1/applications/${application.id}` });
    expect(own.json().history).toEqual([
      expect.objectContaining({ to: 'applied', by: user.id }),
      expect.not.objectContaining({ note: expect.anything() }),
      expect.objectContaining({ from: 'screening', to: 'withdrawn', note: 'Moving abroad' }),
    ]);
    expect(own.json().history[1]).toMatchObject({ from: 'applied', to: 'screening' });
    expect((await get(token, '/api/v1/applications')).items[0]?.history[1]).not.toHaveProperty('note');
    const staffView = await api.as(staff, { method: 'GET', url: `/api/v1/applications/${application.id}` });
    expect(staffView.json().history[1].note).toBe('Weak on SQL');
  });

  it('gets their own application by id but 404 for anyone else’s', async () => {
    const { token, application } = await applyingCandidate();
    const own = await api.as(token, { method: 'GET', url: `/api/v1/applications/${application.id}` });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ jobTitle: 'Frontend Engineer', candidateName: 'Ana Costa' });
    expect((await api.as(token, { method: 'GET', url: `/api/v1/applications/${app(0).id}` })).statusCode).toBe(404);
  });

  it('sees an empty list when the account has no candidate record', async () => {
    const { token } = await api.signIn('candidate');
    expect(await get(token, '/api/v1/applications')).toMatchObject({ items: [], total: 0 });
  });

  it('needs a token: the list and one application answer 401 without one', async () => {
    expect((await api.as(undefined, { method: 'GET', url: '/api/v1/applications' })).statusCode).toBe(401);
    expect((await api.as(undefined, { method: 'GET', url: `/api/v1/applications/${app(0).id}` })).statusCode).toBe(401);
  });
});

// Who may do what with jobs: staff manage them, candidates only read open jobs without the
// internal fields, and nobody gets in without a token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_INTERNAL_FIELDS, type JobOut } from '../../../src/shared/api/jobs.js';
import type { UserRole } from '../../../src/shared/schemas/user.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { createJob, JOBS_URL, listJobs, makeJobBody } from './jobs.fixtures.js';

let api: TestApi;
const tokens = {} as Record<UserRole, string>;
let open: JobOut;
let closed: JobOut;

beforeAll(async () => {
  api = await createTestApi();
  for (const role of ['admin', 'recruiter', 'candidate'] as const) tokens[role] = (await api.signIn(role)).token;
  open = await createJob(api, tokens.recruiter, { title: 'Open role', tags: ['urgent'], autoAnalyze: true });
  closed = await createJob(api, tokens.admin, { title: 'Closed role', status: 'closed' });
});
afterAll(() => api.close());

const routes = () => [
  { method: 'POST' as const, url: JOBS_URL, payload: makeJobBody() },
  { method: 'GET' as const, url: JOBS_URL },
  { method: 'POST' as const, url: `${JOBS_URL}/seed` },
  { method: 'GET' as const, url: `${JOBS_URL}/${open.id}` },
  { method: 'PUT' as const, url: `${JOBS_URL}/${open.id}`, payload: makeJobBody() },
  { method: 'PATCH' as const, url: `${JOBS_URL}/${open.id}`, payload: { title: 'x' } },
  { method: 'DELETE' as const, url: `${JOBS_URL}/${open.id}` },
];

describe('access to the jobs endpoints', () => {
  it('answers 401 to every jobs endpoint without a token', async () => {
    for (const route of routes()) {
      const response = await api.app.inject(route);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('answers 403 to a candidate creating, changing, deleting or seeding jobs', async () => {
    for (const route of routes().filter((r) => r.method !== 'GET')) {
      const response = await api.as(tokens.candidate, route);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect(await api.db.jobs.count().exec()).toBe(2);
  });

  it('lets admins and recruiters manage jobs', async () => {
    for (const role of ['admin', 'recruiter'] as const) {
      const job = await createJob(api, tokens[role], { title: `Made by ${role}` });
      const patched = await api.as(tokens[role], { method: 'PATCH', url: `${JOBS_URL}/${job.id}`, payload: { remote: true } });
      expect(patched.statusCode).toBe(200);
      const deleted = await api.as(tokens[role], { method: 'DELETE', url: `${JOBS_URL}/${job.id}` });
      expect(deleted.statusCode).toBe(200);
    }
  });
});

describe('what a candidate sees', () => {
  it('lists only open jobs, without tags, autoAnalyze or createdBy', async () => {
    const page = await listJobs(api, tokens.candidate);
    expect(page.total).toBe(1);
    expect(page.items.map((job) => job.title)).toEqual(['Open role']);
    for (const field of JOB_INTERNAL_FIELDS) expect(page.items[0]).not.toHaveProperty(field);
    expect(page.items[0]).toMatchObject({ id: open.id, title: 'Open role', salaryMin: open.salaryMin, requiredSkills: open.requiredSkills });
  });

  it('finds nothing when asking for closed jobs', async () => {
    expect(await listJobs(api, tokens.candidate, { status: 'closed' })).toMatchObject({ items: [], total: 0 });
  });

  it('gets an open job without the internal fields, and 404 for a closed one', async () => {
    const response = await api.as(tokens.candidate, { method: 'GET', url: `${JOBS_URL}/${open.id}` });
    expect(response.statusCode).toBe(200);
    const job = response.json<JobOut>();
    for (const field of JOB_INTERNAL_FIELDS) expect(job).not.toHaveProperty(field);
    expect((await api.as(tokens.candidate, { method: 'GET', url: `${JOBS_URL}/${closed.id}` })).statusCode).toBe(404);
  });

  it('shows staff every job with every field', async () => {
    const page = await listJobs(api, tokens.recruiter, { sort: 'title' });
    expect(page.items.map((job) => job.title)).toEqual(['Closed role', 'Open role']);
    expect(page.items[1]).toMatchObject({ tags: ['urgent'], autoAnalyze: true, createdBy: expect.any(String) });
  });
});

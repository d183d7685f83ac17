// The jobs store against the real core: the paged, searchable list is the API's, a job the core
// refuses names the field at fault, and a move on the pipeline board shows at once, is confirmed by
// the core's answer, or is undone when the core refuses it.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApplicationOut } from '../../../src/shared/api/applications.js';
import { ApiError } from '../../../src/shared/api/client.js';
import type { JobPage } from '../../../src/shared/api/jobs.js';
import type { Stores } from '../../../src/renderer/src/stores/index.js';
import { createCandidate } from '../../integration/api/candidates.fixtures.js';
import { createJob, makeJobBody } from '../../integration/api/jobs.fixtures.js';
import { signedIn, startCore, until, watchRequests, type Core } from './support.js';

let core: Core;
let stores: Stores;
let token: string;
const RUST_JOBS = 3;
const OTHER_JOBS = 22;

beforeAll(async () => {
  core = await startCore();
  const seeder = await core.api.signIn('recruiter');
  for (let i = 0; i < OTHER_JOBS; i++) {
    await createJob(core.api, seeder.token, { title: `Backend Engineer ${i}` });
    core.api.clock.advance(1000);
  }
  for (let i = 0; i < RUST_JOBS; i++) {
    await createJob(core.api, seeder.token, { title: `Rust Engineer ${i}`, requiredSkills: ['Rust'] });
    core.api.clock.advance(1000);
  }
});
// Each test starts from a new start of the app: its own stores, its own user.
beforeEach(async () => {
  stores = await signedIn(core, 'recruiter');
  token = stores.session.getState().token ?? '';
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await core?.close();
});

async function listFromApi(query: Record<string, string | number>): Promise<JobPage> {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  const response = await core.api.as(token, { method: 'GET', url: `/api/v1/jobs?${search.toString()}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<JobPage>();
}

describe('the job list', () => {
  it('shows the first page, then the next, as the API pages them', async () => {
    const { jobs } = stores;
    await jobs.getState().load();
    const { limit = 0, sort = '' } = jobs.getState().query;
    const firstFromApi = await listFromApi({ limit, skip: 0, sort });
    expect(firstFromApi.total).toBeGreaterThanOrEqual(RUST_JOBS + OTHER_JOBS);
    expect(jobs.getState()).toMatchObject({ status: 'ready', error: null, total: firstFromApi.total });
    expect(jobs.getState().items).toEqual(firstFromApi.items);

    jobs.getState().setQuery({ skip: limit });
    const second = await until(jobs, (s) => s.status === 'ready' && s.query.skip === limit);
    expect(second.items).toEqual((await listFromApi({ limit, skip: limit, sort })).items);
    expect(second.items.length).toBe(Math.min(limit, firstFromApi.total - limit));
  });

  it('a search starts again from the first page and shows only what the search finds', async () => {
    const { jobs } = stores;
    jobs.getState().setQuery({ skip: jobs.getState().query.limit });
    await until(jobs, (s) => s.status === 'ready');
    jobs.getState().setQuery({ keyword: 'rust' });
    const found = await until(jobs, (s) => s.status === 'ready' && s.query.keyword === 'rust');
    expect(found.query.skip).toBe(0);
    expect(found.total).toBe(RUST_JOBS);
    expect(found.items.every((j) => j.title.startsWith('Rust Engineer'))).toBe(true);
  });

  it('when an earlier search answers after a later one, the later one’s answer is what stays', async () => {
    const { jobs } = stores;
    const requests = watchRequests((url) => url.searchParams.get('keyword') === 'backend');
    jobs.getState().setQuery({ keyword: 'backend' });
    jobs.getState().setQuery({ keyword: 'rust' });
    await until(jobs, (s) => s.status === 'ready');
    await requests.release();
    expect(requests.count('GET', '/api/v1/jobs')).toBe(2);
    const settled = jobs.getState();
    expect(settled.query.keyword).toBe('rust');
    expect(settled.total).toBe(RUST_JOBS);
  });
});

describe('creating a job', () => {
  it('creates the job and shows it in the list', async () => {
    const { jobs } = stores;
    await jobs.getState().load();
    const before = jobs.getState().total;
    const job = await jobs.getState().create(makeJobBody({ title: 'Newest Job' }));
    expect(jobs.getState().items.map((j) => j.id)).toContain(job.id);
    expect(jobs.getState().total).toBe(before + 1);
  });

  it('a job the core refuses is an error naming the field, and the list is unchanged', async () => {
    const { jobs } = stores;
    const before = jobs.getState().items;
    const refused = jobs.getState().create(makeJobBody({ salaryMin: 90_000, salaryMax: 10_000 }));
    const error = (await refused.catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.field).toMatch(/salary/i);
    expect(jobs.getState().items).toEqual(before);
  });
});

describe('the pipeline board', () => {
  async function boardWithOneApplicant(): Promise<{ jobId: string; application: ApplicationOut }> {
    const job = await createJob(core.api, token, { title: 'Board Job' });
    const candidate = await createCandidate(core.api, token, { name: 'Moved Person' });
    const application = await stores.api.applications.create({ job_id: job.id, candidate_id: candidate.id });
    await stores.jobs.getState().openJob(job.id);
    return { jobId: job.id, application };
  }

  it('shows a move at once and then the core’s record of it', async () => {
    const { jobs } = stores;
    const { application } = await boardWithOneApplicant();
    expect(jobs.getState().applications).toEqual([expect.objectContaining({ id: application.id, status: 'applied' })]);

    const moving = jobs.getState().move(application.id, 'screening', 'Strong CV');
    expect(jobs.getState().applications[0]?.status).toBe('screening');
    await moving;
    const stored = (await core.api.as(token, { method: 'GET', url: `/api/v1/applications/${application.id}` })).json<ApplicationOut>();
    expect(jobs.getState().applications).toEqual([stored]);
    expect(stored.status).toBe('screening');
  });

  it('undoes a move the core refuses and passes its error on', async () => {
    const { jobs } = stores;
    const { application } = await boardWithOneApplicant();
    await jobs.getState().move(application.id, 'interview');
    const before = jobs.getState().applications;

    const shown: string[] = [];
    const off = jobs.subscribe((s) => shown.push(s.applications[0]?.status ?? ''));
    const refused = jobs.getState().move(application.id, 'applied');
    await expect(refused).rejects.toMatchObject({ status: 409 });
    off();
    expect(shown).toEqual(['applied', 'interview']);
    expect(jobs.getState().applications).toEqual(before);
  });
});

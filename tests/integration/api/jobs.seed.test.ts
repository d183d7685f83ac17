// POST /jobs/seed: a realistic, varied sample, inserted once however often it is asked for.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { activitiesFor, JOBS_URL, listJobs } from './jobs.fixtures.js';

let api: TestApi;
let staff: string;
let staffId: string;

beforeEach(async () => {
  api = await createTestApi();
  ({ token: staff, user: { id: staffId } } = await api.signIn('admin'));
});
afterEach(() => api.close());

const seed = () => api.as(staff, { method: 'POST', url: `${JOBS_URL}/seed` });

describe('seeding sample jobs', () => {
  it('inserts about 25 varied jobs: many locations, companies, currencies, remote and closed ones', async () => {
    const response = await seed();
    expect(response.statusCode).toBe(200);
    const { inserted, skipped } = response.json<{ inserted: number; skipped: number }>();
    expect(skipped).toBe(0);
    expect(inserted).toBeGreaterThanOrEqual(20);
    expect(inserted).toBeLessThanOrEqual(30);

    const { items, total } = await listJobs(api, staff, { limit: 100 });
    expect(total).toBe(inserted);
    expect(new Set(items.map((job) => job.location)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(items.map((job) => job.company)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(items.map((job) => job.salaryCurrency).filter(Boolean)).size).toBeGreaterThanOrEqual(4);
    expect(items.some((job) => job.remote)).toBe(true);
    expect(items.some((job) => !job.remote)).toBe(true);
    expect(items.some((job) => job.status === 'closed')).toBe(true);
    expect(items.filter((job) => job.status === 'open').length).toBeGreaterThan(total / 2);
    for (const job of items) {
      expect(job.requiredSkills.length).toBeGreaterThan(0);
      expect(job.description.length).toBeGreaterThan(40);
      if (job.salaryMin !== undefined) expect(job.salaryMin).toBeLessThanOrEqual(job.salaryMax as number);
      expect(job.createdAt).toBeLessThanOrEqual(api.clock.now());
      expect(job.createdBy).toBe(staffId);
    }
    // Posting dates spread over the past weeks, so "newest first" means something.
    expect(new Set(items.map((job) => job.createdAt)).size).toBeGreaterThan(5);
  });

  it('inserts nothing the second time: the sample has fixed ids', async () => {
    const first = (await seed()).json<{ inserted: number }>();
    const second = await seed();
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ inserted: 0, skipped: first.inserted });
    expect(await api.db.jobs.count().exec()).toBe(first.inserted);
  });

  it('puts back only the sample jobs that were deleted', async () => {
    const first = (await seed()).json<{ inserted: number }>();
    const { items } = await listJobs(api, staff, { limit: 1 });
    expect((await api.as(staff, { method: 'DELETE', url: `${JOBS_URL}/${items[0]!.id}` })).statusCode).toBe(200);
    expect((await seed()).json()).toEqual({ inserted: 1, skipped: first.inserted - 1 });
  });

  it('records one job.seeded activity per seeding that added jobs', async () => {
    const { inserted } = (await seed()).json<{ inserted: number }>();
    await seed();
    const activities = await activitiesFor(api, 'sample-jobs');
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({ action: 'job.seeded', actorId: staffId, subjectType: 'job', details: { inserted, skipped: 0 } });
  });

  it('makes the sample searchable at once', async () => {
    await seed();
    const { items } = await listJobs(api, staff, { keyword: 'kubernetes' });
    expect(items.length).toBeGreaterThan(1);
    for (const job of items) {
      expect([job.title, job.description, ...job.requiredSkills, ...job.niceToHaveSkills].join(' ')).toMatch(/kubernetes/i);
    }
  });
});

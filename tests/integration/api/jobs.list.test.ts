// GET /jobs: paging, sorting, keyword and location search, status and remote filters, and query
// strings that are validated or taken as literal text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobOut } from '../../../src/shared/api/jobs.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { createJob, JOBS_URL, listJobs } from './jobs.fixtures.js';

let api: TestApi;
let staff: string;
const jobs: Record<string, JobOut> = {};

const titles = (page: { items: JobOut[] }) => page.items.map((job) => job.title);

beforeAll(async () => {
  api = await createTestApi();
  staff = (await api.signIn('admin')).token;
  const make = async (key: string, overrides: Parameters<typeof createJob>[2]) => {
    jobs[key] = await createJob(api, staff, overrides);
    api.clock.advance(60_000); // distinct creation times, in this order
  };
  await make('backend', { title: 'Backend Engineer', description: 'Node.js services for payments.', requiredSkills: ['TypeScript', 'PostgreSQL'], niceToHaveSkills: [], location: 'Lisbon, Portugal', salaryMin: 50_000, salaryMax: 70_000, salaryCurrency: 'EUR' });
  await make('cpp', { title: 'Embedded Developer', description: 'Firmware for robot arms.', requiredSkills: ['C++', 'RTOS'], niceToHaveSkills: ['Rust'], location: 'Zürich, Switzerland', salaryMin: 120_000, salaryMax: 150_000, salaryCurrency: 'CHF', remote: true });
  await make('closed', { title: 'Data Engineer', description: 'Pipelines in Python.', requiredSkills: ['Python', 'SQL'], niceToHaveSkills: [], location: 'lisbon', status: 'closed', salaryMin: 40_000, salaryMax: 60_000, salaryCurrency: 'EUR' });
  await make('designer', { title: 'Product Designer', description: 'Shape the booking journey.', requiredSkills: ['Figma'], niceToHaveSkills: ['TypeScript'], location: 'Los Angeles, USA', salaryMin: undefined, salaryMax: undefined, salaryCurrency: undefined, remote: true });
  await make('resume', { title: 'Résumé Screener', description: 'Read CVs all day.', requiredSkills: [], niceToHaveSkills: [], location: 'São Paulo, Brazil', salaryMin: 100_000, salaryMax: 100_000, salaryCurrency: 'BRL' });
});
afterAll(() => api.close());

describe('paging the job list', () => {
  it('returns the newest jobs first by default, with the total of all matches', async () => {
    const page = await listJobs(api, staff, { limit: 2 });
    expect(page).toMatchObject({ total: 5, limit: 2, skip: 0 });
    expect(titles(page)).toEqual(['Résumé Screener', 'Product Designer']);
  });

  it('skips, and past the end gives no items but still the total', async () => {
    expect(titles(await listJobs(api, staff, { limit: 2, skip: 4 }))).toEqual(['Backend Engineer']);
    const past = await listJobs(api, staff, { skip: 50 });
    expect(past).toEqual({ items: [], total: 5, limit: 20, skip: 50 });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['skip=-1', 'skip'],
    ['limit=ten', 'limit'],
  ])('refuses %s with 400 naming the parameter', async (query, field) => {
    const response = await api.as(staff, { method: 'GET', url: `${JOBS_URL}?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.field).toBe(field);
  });

  it('answers on the seed path with its trailing slash too', async () => {
    const response = await api.as(staff, { method: 'GET', url: `${JOBS_URL}/?limit=1` });
    expect(response.statusCode).toBe(200);
    expect(response.json().total).toBe(5);
  });
});

describe('sorting the job list', () => {
  it('sorts by title ignoring case and accents, either way', async () => {
    expect(titles(await listJobs(api, staff, { sort: 'title' }))).toEqual(['Backend Engineer', 'Data Engineer', 'Embedded Developer', 'Product Designer', 'Résumé Screener']);
    expect(titles(await listJobs(api, staff, { sort: '-title' }))).toEqual(['Résumé Screener', 'Product Designer', 'Embedded Developer', 'Data Engineer', 'Backend Engineer']);
  });

  it('sorts by salary with jobs without a salary last in both directions', async () => {
    expect(titles(await listJobs(api, staff, { sort: 'salaryMin' }))).toEqual(['Data Engineer', 'Backend Engineer', 'Résumé Screener', 'Embedded Developer', 'Product Designer']);
    expect(titles(await listJobs(api, staff, { sort: '-salaryMin' }))).toEqual(['Embedded Developer', 'Résumé Screener', 'Backend Engineer', 'Data Engineer', 'Product Designer']);
  });

  it('sorts oldest first with createdAt', async () => {
    expect(titles(await listJobs(api, staff, { sort: 'createdAt', limit: 1 }))).toEqual(['Backend Engineer']);
  });

  it('refuses a sort key outside the list', async () => {
    for (const sort of ['description', '-tags', 'createdAt;drop', '+title']) {
      const response = await api.as(staff, { method: 'GET', url: `${JOBS_URL}?sort=${encodeURIComponent(sort)}` });
      expect(response.statusCode, sort).toBe(400);
      expect(response.json().error.details.field).toBe('sort');
    }
  });
});

describe('searching by keyword', () => {
  it('finds words in the title, description and skills, ignoring case', async () => {
    expect(titles(await listJobs(api, staff, { keyword: 'ENGINEER', sort: 'title' }))).toEqual(['Backend Engineer', 'Data Engineer']);
    expect(titles(await listJobs(api, staff, { keyword: 'firmware' }))).toEqual(['Embedded Developer']);
    expect(titles(await listJobs(api, staff, { keyword: 'typescript', sort: 'title' }))).toEqual(['Backend Engineer', 'Product Designer']);
  });

  it('matches the beginning of words, and needs every word of the keyword', async () => {
    expect(titles(await listJobs(api, staff, { keyword: 'eng', sort: 'title' }))).toEqual(['Backend Engineer', 'Data Engineer']);
    expect(titles(await listJobs(api, staff, { keyword: 'gineer' }))).toEqual([]);
    expect(titles(await listJobs(api, staff, { keyword: 'engineer python' }))).toEqual(['Data Engineer']);
  });

  it('ignores accents and keeps C++ a word of its own', async () => {
    expect(titles(await listJobs(api, staff, { keyword: 'resume' }))).toEqual(['Résumé Screener']);
    expect(titles(await listJobs(api, staff, { keyword: 'c++' }))).toEqual(['Embedded Developer']);
  });

  it('treats operator syntax and regular expression characters as text, not as patterns', async () => {
    for (const keyword of ['{"$gt":""}', '$where', '{"$ne":null}']) {
      expect((await listJobs(api, staff, { keyword })).total, keyword).toBe(0);
    }
    // Punctuation only separates words: "^data" is the word "data", not an anchored pattern.
    expect(titles(await listJobs(api, staff, { keyword: '^data' }))).toEqual(['Data Engineer']);
    expect(titles(await listJobs(api, staff, { keyword: 'engineer$', sort: 'title' }))).toEqual(['Backend Engineer', 'Data Engineer']);
    const bracketed = await api.as(staff, { method: 'GET', url: `${JOBS_URL}?keyword[$ne]=x` });
    expect(bracketed.statusCode).toBe(400);
  });

  it('does not filter on a keyword without any word', async () => {
    for (const keyword of ['  - ', '.*', '']) expect((await listJobs(api, staff, { keyword })).total, keyword).toBe(5);
  });
});

describe('filtering by location, status and remote', () => {
  it('matches the start of the location, ignoring case and accents', async () => {
    expect(titles(await listJobs(api, staff, { location: 'LISBON', sort: 'title' }))).toEqual(['Backend Engineer', 'Data Engineer']);
    expect(titles(await listJobs(api, staff, { location: 'zurich' }))).toEqual(['Embedded Developer']);
    expect(titles(await listJobs(api, staff, { location: 'sao paulo, bra' }))).toEqual(['Résumé Screener']);
    expect(titles(await listJobs(api, staff, { location: 'Lo', sort: 'title' }))).toEqual(['Product Designer']);
    expect((await listJobs(api, staff, { location: 'Portugal' })).total).toBe(0);
  });

  it('filters by status and by remote, combined with the other filters', async () => {
    expect(titles(await listJobs(api, staff, { status: 'closed' }))).toEqual(['Data Engineer']);
    expect(titles(await listJobs(api, staff, { remote: true, sort: 'title' }))).toEqual(['Embedded Developer', 'Product Designer']);
    expect((await listJobs(api, staff, { remote: false })).total).toBe(3);
    expect(titles(await listJobs(api, staff, { keyword: 'engineer', location: 'lisbon', status: 'open' }))).toEqual(['Backend Engineer']);
  });

  it('refuses an unknown status, a non-boolean remote and unknown parameters', async () => {
    for (const [query, field] of [['status=draft', 'status'], ['remote=maybe', 'remote']] as const) {
      const response = await api.as(staff, { method: 'GET', url: `${JOBS_URL}?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details.field).toBe(field);
    }
    expect((await api.as(staff, { method: 'GET', url: `${JOBS_URL}?salary=1` })).statusCode).toBe(400);
  });
});

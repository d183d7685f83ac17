// Who may read the dashboard statistics (admins and recruiters), and how paging and list-size
// parameters are validated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/api-harness.js';

const ROUTES = [
  'overview',
  'jobs-per-location',
  'applications-per-job',
  'daily-applications',
  'most-applied-jobs',
  'most-active-candidates',
  'application-status-breakdown',
  'recent-activity',
].map((name) => `/api/v1/dashboard/stats/${name}`);

let api: TestApi;
const tokens: Record<'admin' | 'recruiter' | 'candidate', string> = { admin: '', recruiter: '', candidate: '' };

beforeAll(async () => {
  api = await createTestApi();
  for (const role of ['admin', 'recruiter', 'candidate'] as const) tokens[role] = (await api.signIn(role)).token;
});
afterAll(() => api.close());

const get = (url: string, token?: string) => api.as(token, { method: 'GET', url });

describe.each(ROUTES)('GET %s', (url) => {
  it('answers 401 without a token', async () => {
    const res = await get(url);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });

  it('answers 403 to a candidate', async () => {
    const res = await get(url, tokens.candidate);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('answers 200 to a recruiter and to an admin', async () => {
    expect((await get(url, tokens.recruiter)).statusCode).toBe(200);
    expect((await get(url, tokens.admin)).statusCode).toBe(200);
  });

  it('rejects an unknown query parameter', async () => {
    const res = await get(`${url}?everything=true`, tokens.admin);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });
});

describe('list sizes and paging', () => {
  const rejects = async (query: string, field: string) => {
    const res = await get(query, tokens.admin);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: { field } });
  };

  it.each([
    ['/api/v1/dashboard/stats/applications-per-job?limit=0', 'limit'],
    ['/api/v1/dashboard/stats/applications-per-job?limit=101', 'limit'],
    ['/api/v1/dashboard/stats/applications-per-job?skip=-1', 'skip'],
    ['/api/v1/dashboard/stats/recent-activity?limit=0', 'limit'],
    ['/api/v1/dashboard/stats/recent-activity?limit=abc', 'limit'],
    ['/api/v1/dashboard/stats/most-applied-jobs?limit=0', 'limit'],
    ['/api/v1/dashboard/stats/most-active-candidates?limit=101', 'limit'],
  ])('%s is a 400 naming %s', (url, field) => rejects(url, field));

  it('the limits 1 and 100 are accepted', async () => {
    expect((await get('/api/v1/dashboard/stats/most-applied-jobs?limit=1', tokens.admin)).statusCode).toBe(200);
    expect((await get('/api/v1/dashboard/stats/recent-activity?limit=100', tokens.admin)).statusCode).toBe(200);
  });
});

describe('OpenAPI', () => {
  it('documents every statistic under the dashboard tag for admins and recruiters', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const url of ROUTES) {
      const operation = doc.paths[url]?.get;
      expect(operation, url).toBeDefined();
      expect(operation.tags).toEqual(['dashboard']);
      expect(operation['x-roles']).toEqual(['admin', 'recruiter']);
    }
  });
});

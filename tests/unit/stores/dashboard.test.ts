// The dashboard store against the real core: the eight figures it shows are the ones the API
// answers, the chart's date range is sent as chosen (in the renderer's time zone), and a refresh
// keeps the figures on screen until the new ones arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stores } from '../../../src/renderer/src/stores/index.js';
import { seedDashboardData } from '../../integration/api/dashboard.fixtures.js';
import { createJob } from '../../integration/api/jobs.fixtures.js';
import { signedIn, startCore, until, type Core } from './support.js';

let core: Core;
let stores: Stores;
let token: string;

beforeAll(async () => {
  core = await startCore();
  await seedDashboardData(core.api.db);
  stores = await signedIn(core, 'recruiter');
  token = stores.session.getState().token ?? '';
});
afterAll(async () => {
  await core?.close();
});

/** One statistic as the API answers it to the same user. */
async function fromApi(path: string): Promise<unknown> {
  const response = await core.api.as(token, { method: 'GET', url: `/api/v1/dashboard/stats/${path}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('the dashboard', () => {
  it('loads every figure as the API answers it', async () => {
    const { dashboard } = stores;
    const loading = dashboard.getState().load();
    expect(dashboard.getState().status).toBe('loading');
    await loading;

    const { data, status, error, lastLoadedAt } = dashboard.getState();
    expect({ status, error, lastLoadedAt }).toEqual({ status: 'ready', error: null, lastLoadedAt: core.api.clock.now() });
    expect(data).toEqual({
      overview: await fromApi('overview'),
      jobsPerLocation: await fromApi('jobs-per-location'),
      applicationsPerJob: await fromApi('applications-per-job?limit=20'),
      daily: await fromApi('daily-applications?tz=UTC'),
      mostAppliedJobs: await fromApi('most-applied-jobs?limit=10'),
      mostActiveCandidates: await fromApi('most-active-candidates?limit=10'),
      statusBreakdown: await fromApi('application-status-breakdown'),
      recentActivity: await fromApi('recent-activity?limit=20'),
    });
    // The seeded data is really there (not two empty answers that agree).
    expect(data?.overview.totalApplications).toBeGreaterThan(0);
  });

  it('shows the daily chart for the chosen range, each day of it, in the renderer’s time zone', async () => {
    const { dashboard } = stores;
    const range = { from: '2026-10-22', to: '2026-10-27' };
    dashboard.getState().setRange(range);
    const state = await until(dashboard, (s) => s.status === 'ready' && s.data?.daily.from === range.from);

    expect(state.range).toEqual(range);
    expect(state.data?.daily).toEqual(await fromApi(`daily-applications?from=${range.from}&to=${range.to}&tz=UTC`));
    expect(state.data?.daily).toMatchObject({ from: range.from, to: range.to, tz: 'UTC' });
    const days = state.data?.daily.days ?? [];
    expect(days.map((d) => d.date)).toEqual(['2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
    expect(days.reduce((sum, d) => sum + d.applications, 0)).toBe(state.data?.daily.total);
    expect(state.data?.daily.total).toBeGreaterThan(0);

    // Clearing the range goes back to the server's default, which ends today.
    dashboard.getState().setRange({ from: '', to: '' });
    const cleared = await until(dashboard, (s) => s.status === 'ready' && s.data?.daily.from !== range.from);
    expect(cleared.data?.daily).toEqual(await fromApi('daily-applications?tz=UTC'));
  });

  it('a refresh keeps the figures on screen while it loads and then shows what changed', async () => {
    const { dashboard } = stores;
    await dashboard.getState().load();
    const before = dashboard.getState().data?.overview.totalJobs ?? 0;
    await createJob(core.api, token, { title: 'One more job' });

    const refresh = dashboard.getState().load();
    expect(dashboard.getState()).toMatchObject({ status: 'ready', data: { overview: { totalJobs: before } } });
    await refresh;
    expect(dashboard.getState().data?.overview.totalJobs).toBe(before + 1);
  });

  it('a signed-out user sees an error instead of figures', async () => {
    const { dashboard } = core.stores();
    await dashboard.getState().load();
    expect(dashboard.getState()).toMatchObject({ status: 'error', data: null, error: expect.any(String) });
  });
});

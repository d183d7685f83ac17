// The dashboard statistics against figures worked out by hand from dashboard.fixtures.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { at, seedDashboardData } from './dashboard.fixtures.js';

let api: TestApi;
let token: string;

async function stat(path: string) {
  const res = await api.as(token, { method: 'GET', url: `/api/v1/dashboard/stats/${path}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('dashboard statistics on the seeded dataset', () => {
  beforeEach(async () => {
    api = await createTestApi();
    ({ token } = await api.signIn('admin'));
    await api.signIn('recruiter');
    await api.signIn('candidate');
    await seedDashboardData(api.db);
  });
  afterEach(() => api.close());

  it('overview counts jobs, candidates, applications, recent windows, hires and users by role', async () => {
    expect(await stat('overview')).toEqual({
      totalJobs: 6,
      openJobs: 4,
      closedJobs: 2,
      totalCandidates: 5,
      totalApplications: 12,
      // since 2026-11-18T12:00Z: a10, a11, a12
      applicationsLast7Days: 3,
      // since 2026-10-26T12:00Z: a9–a12 (a8 at 00:00 that day is just outside)
      applicationsLast30Days: 4,
      hiredCount: 2,
      usersByRole: [
        { role: 'admin', count: 1 },
        { role: 'recruiter', count: 1 },
        { role: 'candidate', count: 1 },
      ],
      generatedAt: at('2026-11-25T12:00:00Z'),
    });
  });

  it('the 7- and 30-day windows move with the clock', async () => {
    api.clock.advance(5 * 86_400_000); // 2026-11-30T12:00Z
    ({ token } = await api.signIn('admin')); // the first token has expired by then
    const overview = await stat('overview');
    // since 11-23T12:00Z: a11, a12; since 10-31T12:00Z: a9–a12
    expect(overview.applicationsLast7Days).toBe(2);
    expect(overview.applicationsLast30Days).toBe(4);
  });

  it('jobs-per-location groups jobs by location (spaces trimmed), most jobs first, with open jobs', async () => {
    expect(await stat('jobs-per-location')).toEqual({
      items: [
        { location: 'Lisbon', jobs: 3, openJobs: 2 },
        { location: 'Porto', jobs: 2, openJobs: 1 },
        { location: 'Berlin', jobs: 1, openJobs: 1 },
      ],
    });
  });

  it('applications-per-job lists every job, most applied first, newer job first among equals', async () => {
    const page = await stat('applications-per-job');
    expect(page).toMatchObject({ total: 6, limit: 20, skip: 0 });
    expect(page.items.map((i: { jobId: string; applications: number }) => [i.jobId, i.applications])).toEqual([
      ['j1', 5],
      ['j2', 3],
      ['j5', 2], // created 09-05, after j3
      ['j3', 2],
      ['j6', 0],
      ['j4', 0],
    ]);
    expect(page.items[0]).toEqual({ jobId: 'j1', title: 'Backend Engineer', company: 'Lisbon Co', location: 'Lisbon', status: 'open', applications: 5 });
  });

  it('applications-per-job pages through the ranking and past its end', async () => {
    const second = await stat('applications-per-job?limit=2&skip=2');
    expect(second.items.map((i: { jobId: string }) => i.jobId)).toEqual(['j5', 'j3']);
    expect(second).toMatchObject({ total: 6, limit: 2, skip: 2 });
    const past = await stat('applications-per-job?skip=10');
    expect(past).toEqual({ items: [], total: 6, limit: 20, skip: 10 });
  });

  it('most-applied-jobs returns the top jobs with their titles and leaves out jobs nobody applied to', async () => {
    const top3 = await stat('most-applied-jobs?limit=3');
    expect(top3.items.map((i: { title: string; applications: number }) => [i.title, i.applications])).toEqual([
      ['Backend Engineer', 5],
      ['Frontend Engineer', 3],
      ['Designer', 2],
    ]);
    const all = await stat('most-applied-jobs');
    expect(all.items.map((i: { jobId: string }) => i.jobId)).toEqual(['j1', 'j2', 'j5', 'j3']);
  });

  it('most-active-candidates ranks by applications, then by latest activity', async () => {
    const { items } = await stat('most-active-candidates');
    expect(items).toEqual([
      { candidateId: 'c1', name: 'Ana Costa', primaryEmail: 'c1@example.com', applications: 4, lastActivityAt: at('2026-11-25T11:00:00Z') },
      { candidateId: 'c2', name: 'Bruno Dias', primaryEmail: 'c2@example.com', applications: 3, lastActivityAt: at('2026-11-10T10:00:00Z') },
      // c3 and c4 both have 2: c3's latest (11-24) is more recent than c4's (10-26)
      { candidateId: 'c3', name: 'Carla Reis', primaryEmail: 'c3@example.com', applications: 2, lastActivityAt: at('2026-11-24T23:30:00Z') },
      { candidateId: 'c4', name: 'Duarte Lima', primaryEmail: 'c4@example.com', applications: 2, lastActivityAt: at('2026-10-26T00:00:00Z') },
      { candidateId: 'c5', name: 'Eva Matos', primaryEmail: 'c5@example.com', applications: 1, lastActivityAt: at('2026-11-20T09:00:00Z') },
    ]);
    const top2 = await stat('most-active-candidates?limit=2');
    expect(top2.items.map((i: { candidateId: string }) => i.candidateId)).toEqual(['c1', 'c2']);
  });

  it('application-status-breakdown lists every status in pipeline order, zeros included', async () => {
    await api.db.applications.findOne('a7').exec().then((doc) => doc?.remove()); // the only offer
    expect(await stat('application-status-breakdown')).toEqual({
      total: 11,
      items: [
        { status: 'applied', count: 4 },
        { status: 'screening', count: 2 },
        { status: 'interview', count: 1 },
        { status: 'offer', count: 0 },
        { status: 'hired', count: 2 },
        { status: 'rejected', count: 1 },
        { status: 'withdrawn', count: 1 },
      ],
    });
  });

  it('recent-activity pages the activity log newest first', async () => {
    for (const n of [1, 2, 3]) {
      await api.features.services.activities.record({ actorId: 'user-admin-1', action: 'job.updated', subjectType: 'job', subjectId: `j${n}`, summary: `Updated job ${n}` });
      api.clock.advance(1000);
    }
    const page = await stat('recent-activity?limit=2');
    expect(page).toMatchObject({ total: 3, limit: 2, skip: 0 });
    expect(page.items.map((a: { subjectId: string }) => a.subjectId)).toEqual(['j3', 'j2']);
    expect(page.items[0]).toMatchObject({ actorId: 'user-admin-1', action: 'job.updated', subjectType: 'job', summary: 'Updated job 3', at: at('2026-11-25T12:00:02Z') });
    const rest = await stat('recent-activity?limit=2&skip=2');
    expect(rest.items.map((a: { subjectId: string }) => a.subjectId)).toEqual(['j1']);
    expect(await stat('recent-activity?skip=5')).toEqual({ items: [], total: 3, limit: 20, skip: 5 });
  });
});

describe('dashboard statistics on an empty database', () => {
  it('answer zeros and empty lists rather than failing', async () => {
    api = await createTestApi();
    try {
      ({ token } = await api.signIn('admin'));
      const get = stat;
      expect(await get('overview')).toMatchObject({ totalJobs: 0, totalApplications: 0, applicationsLast30Days: 0, hiredCount: 0 });
      expect(await get('jobs-per-location')).toEqual({ items: [] });
      expect(await get('applications-per-job')).toEqual({ items: [], total: 0, limit: 20, skip: 0 });
      expect(await get('most-applied-jobs')).toEqual({ items: [] });
      expect(await get('most-active-candidates')).toEqual({ items: [] });
      expect((await get('application-status-breakdown')).items.every((i: { count: number }) => i.count === 0)).toBe(true);
    } finally {
      await api.close();
    }
  });
});

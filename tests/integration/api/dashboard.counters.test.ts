// The dashboard's in-memory counters follow the collections: after inserts, status changes, moves
// and deletes they say what a fresh load of the same data says, and writes that land while the
// initial load runs are counted exactly once.
import type { RxDocumentData } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import { followCollection } from '../../../src/main/core/features/dashboard/collection-follower.js';
import { createDashboardService, type DashboardService } from '../../../src/main/core/features/dashboard/service.js';
import type { Application, ApplicationStatus } from '../../../src/shared/schemas/application.js';
import type { Candidate } from '../../../src/shared/schemas/candidate.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { at, insertAll, makeApplication, makeCandidate, seedDashboardData } from './dashboard.fixtures.js';

let api: TestApi;
let token: string;

beforeEach(async () => {
  api = await createTestApi();
  ({ token } = await api.signIn('admin'));
  await seedDashboardData(api.db);
});
afterEach(() => api.close());

async function stat(path: string) {
  const res = await api.as(token, { method: 'GET', url: `/api/v1/dashboard/stats/${path}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/**
 * Deletes through incrementalRemove(): with remove(), RxDB hands the write-stamp hook the same object
 * it then passes to the storage as `previous`, and RxDB's memory storage (used by these tests) trusts
 * `previous` to find the old index entries, so indexes containing updatedAt keep a stale entry and
 * later queries return the deleted document. The counters themselves follow either kind of delete
 * (see "follow remove() as well").
 */
async function remove(collection: 'jobs' | 'candidates' | 'applications', id: string) {
  const doc = await api.db[collection].findOne(id).exec();
  if (!doc) throw new Error(`${collection} ${id} is missing`);
  await doc.incrementalRemove();
}

/** Every statistic that does not depend on the clock, from one service. */
async function snapshot(service: DashboardService) {
  return {
    statuses: service.applicationStatusBreakdown(),
    locations: service.jobsPerLocation(),
    perJob: await service.applicationsPerJob({ limit: 100, skip: 0 }),
    topJobs: await service.mostAppliedJobs(100),
    topCandidates: await service.mostActiveCandidates(100),
    overview: service.overview(),
  };
}

describe('dashboard counters after changes', () => {
  beforeEach(async () => {
    const { db } = api;
    await db.applications.insert(unstamped<Application>(makeApplication('a13', 'j4', 'c3', 'applied', '2026-11-25T10:00:00Z')));
    await (await db.applications.findOne('a2').exec())?.incrementalPatch({ status: 'interview' }); // c2's, stamped now
    await remove('applications', 'a12'); // c1's latest
    await (await db.jobs.findOne('j5').exec())?.incrementalPatch({ status: 'closed' });
    await (await db.jobs.findOne('j2').exec())?.incrementalPatch({ location: 'Porto' });
    await remove('jobs', 'j3'); // its applications a6 and a7 stay
    await db.candidates.insert(unstamped<Candidate>(makeCandidate('c6', 'Filipa Nunes')));
    await remove('candidates', 'c5'); // a10 stays
  });

  it('overview and status breakdown reflect the insert, the status change and the deletes', async () => {
    expect(await stat('overview')).toMatchObject({
      totalJobs: 5,
      openJobs: 2, // j1, j2
      closedJobs: 3,
      totalCandidates: 5,
      totalApplications: 12,
      applicationsLast7Days: 3, // a10, a11, a13
      applicationsLast30Days: 4, // a9, a10, a11, a13
      hiredCount: 2,
    });
    expect((await stat('application-status-breakdown')).items).toEqual([
      { status: 'applied', count: 5 },
      { status: 'screening', count: 0 },
      { status: 'interview', count: 2 },
      { status: 'offer', count: 1 },
      { status: 'hired', count: 2 },
      { status: 'rejected', count: 1 },
      { status: 'withdrawn', count: 1 },
    ]);
  });

  it('jobs move between locations and leave the lists when deleted', async () => {
    expect((await stat('jobs-per-location')).items).toEqual([
      { location: 'Lisbon', jobs: 2, openJobs: 1 },
      { location: 'Porto', jobs: 2, openJobs: 1 },
      { location: 'Berlin', jobs: 1, openJobs: 0 },
    ]);
    const perJob = await stat('applications-per-job');
    expect(perJob.total).toBe(5);
    expect(perJob.items.map((i: { jobId: string; applications: number }) => [i.jobId, i.applications])).toEqual([
      ['j1', 5],
      ['j2', 3],
      ['j5', 1],
      ['j4', 1],
      ['j6', 0],
    ]);
  });

  it('a candidate whose latest application was deleted falls back to their previous activity', async () => {
    const { items } = await stat('most-active-candidates');
    expect(items.map((i: { candidateId: string; name: string; applications: number; lastActivityAt: number }) => [i.candidateId, i.name, i.applications, i.lastActivityAt])).toEqual([
      ['c2', 'Bruno Dias', 3, at('2026-11-25T12:00:00Z')], // the status change
      ['c3', 'Carla Reis', 3, at('2026-11-25T10:00:00Z')], // a13
      ['c1', 'Ana Costa', 3, at('2026-10-25T01:30:00Z')], // a6, once a12 is gone
      ['c4', 'Duarte Lima', 2, at('2026-10-26T00:00:00Z')],
      ['c5', '', 1, at('2026-11-20T09:00:00Z')], // the candidate record was deleted
    ]);
  });

  it('a fresh load of the same data gives the same statistics as the followed counters', async () => {
    const fresh = await createDashboardService({ db: api.db, clock: api.clock, activities: api.features.services.activities });
    try {
      expect(await snapshot(fresh)).toEqual(await snapshot(api.features.services.dashboard));
    } finally {
      fresh.close();
    }
  });

  it('follow remove() as well', async () => {
    await (await api.db.applications.findOne('a11').exec())?.remove();
    await (await api.db.jobs.findOne('j6').exec())?.remove();
    expect(await stat('overview')).toMatchObject({ totalJobs: 4, totalApplications: 11 });
    expect((await stat('application-status-breakdown')).items[0]).toEqual({ status: 'applied', count: 4 });
    const c3 = (await stat('most-active-candidates')).items.find((i: { candidateId: string }) => i.candidateId === 'c3');
    expect(c3).toMatchObject({ applications: 2, lastActivityAt: at('2026-11-25T10:00:00Z') });
  });

  it('a deleted application inserted again is counted again', async () => {
    await remove('applications', 'a1');
    expect((await stat('overview')).totalApplications).toBe(11);
    await api.db.applications.insert(unstamped<Application>(makeApplication('a1', 'j1', 'c1', 'applied', '2026-10-23T22:30:00Z')));
    expect((await stat('overview')).totalApplications).toBe(12);
    expect((await stat('applications-per-job')).items[0]).toMatchObject({ jobId: 'j1', applications: 5 });
  });
});

describe('following a collection while it is written', () => {
  /** Counts applications by status, through the same follower the dashboard uses. */
  function statusTally(onChange: (changes: number) => void = () => {}) {
    const counts = new Map<ApplicationStatus, number>();
    let changes = 0;
    return {
      counts,
      change(previous: RxDocumentData<Application> | undefined, next: RxDocumentData<Application> | undefined) {
        if (previous) counts.set(previous.status, (counts.get(previous.status) ?? 0) - 1);
        if (next) counts.set(next.status, (counts.get(next.status) ?? 0) + 1);
        onChange(++changes);
      },
    };
  }

  async function actualCounts() {
    const docs = await api.db.applications.find().exec();
    const counts = new Map<ApplicationStatus, number>();
    for (const doc of docs) counts.set(doc.status, (counts.get(doc.status) ?? 0) + 1);
    return counts;
  }

  const nonZero = (counts: Map<ApplicationStatus, number>) => Object.fromEntries([...counts].filter(([, n]) => n !== 0).sort());

  it('counts every write made during the initial load exactly once, wherever the load is', async () => {
    // Each round starts its writes when the load (one document per page) has reached a later
    // document, so updates, deletes and inserts land before, inside and after the pages they touch.
    const late = Array.from({ length: 30 }, (_, i) => `z${String(i).padStart(2, '0')}`);
    await insertAll(api.db.applications, late.map((id) => unstamped<Application>(makeApplication(id, 'j6', 'c5', 'interview', '2026-11-03T00:00:00Z'))));
    for (let round = 0; round < 10; round++) {
      const updated = `a${(round % 12) + 1}`;
      // Among the last written, so the load (in write order) usually reaches it after its deletion.
      const deleted = late[late.length - 1 - round] as string;
      const writes = async () => {
        await Promise.all([
          api.db.applications.findOne(updated).exec().then((doc) => doc?.incrementalPatch({ status: 'withdrawn' })),
          api.db.applications.findOne(deleted).exec().then((doc) => doc?.incrementalRemove()),
          insertAll(api.db.applications, [0, 1, 2].map((i) => unstamped<Application>(makeApplication(`r${round}-${i}`, 'j1', 'c1', 'applied', '2026-11-01T00:00:00Z')))),
        ]);
        await Promise.all([
          api.db.applications.findOne(`r${round}-0`).exec().then((doc) => doc?.incrementalPatch({ status: 'offer' })),
          remove('applications', `r${round}-1`),
        ]);
      };
      let writing: Promise<void> | undefined;
      const tally = statusTally((changes) => {
        if (changes === round + 1) writing ??= writes();
      });
      const subscription = await followCollection(api.db.applications, tally, { pageSize: 1 });
      try {
        await writing;
        expect(nonZero(tally.counts), `round ${round}`).toEqual(nonZero(await actualCounts()));
      } finally {
        subscription.unsubscribe();
      }
    }
  });

  it('keeps counting after the load, until unsubscribed', async () => {
    const tally = statusTally();
    const subscription = await followCollection(api.db.applications, tally);
    await remove('applications', 'a9');
    expect(tally.counts.get('withdrawn')).toBe(0);
    subscription.unsubscribe();
    await remove('applications', 'a10');
    expect(tally.counts.get('hired')).toBe(2);
  });
});

// The jobs service on the project's SQLite storage (the API tests use RxDB's memory storage): the
// catalogue sees writes made behind the service at once, and a restart rebuilds it from disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/main/core/clock.js';
import { createAppDatabase, type AppDatabase } from '../../../src/main/core/db/database.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import { createActivityLog } from '../../../src/main/core/features/activities/service.js';
import { createApplicationService } from '../../../src/main/core/features/applications/service.js';
import { createJobService, type JobService } from '../../../src/main/core/features/jobs/service.js';
import { silentLog } from '../../../src/main/core/log.js';
import type { Job } from '../../../src/shared/schemas/job.js';

let dir: string;
let db: AppDatabase;
let jobs: JobService;
const clock = new FakeClock(Date.UTC(2026, 0, 1));
const actor = { userId: 'user-r' };

async function open(): Promise<void> {
  db = await createAppDatabase({ storage: getRxStorageSQLite({ databaseDir: dir }), name: 'jobs', deviceId: 'dev-1', devMode: false, log: silentLog, clock });
  const activities = createActivityLog({ db, clock });
  jobs = await createJobService({ db, clock, activities, applications: createApplicationService({ db, clock, activities }) });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobs-sqlite-'));
  await open();
});
afterEach(async () => {
  jobs.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = { limit: 100, skip: 0 };

describe('jobs on the SQLite storage', () => {
  it('finds a job written straight to the collection as soon as the write returns', async () => {
    await db.jobs.insert(
      unstamped<Job>({ id: 'direct', title: 'Kotlin Developer', description: '', requiredSkills: ['Kotlin'], niceToHaveSkills: [], company: 'Acme', location: 'Oslo', remote: false, tags: [], status: 'open', autoAnalyze: false }),
    );
    expect(jobs.getJob('direct')?.title).toBe('Kotlin Developer');
    expect(jobs.list({ keyword: 'kotlin', ...page }, 'staff').items.map((job) => job.id)).toEqual(['direct']);
    await (await db.jobs.findOne('direct').exec())?.remove();
    expect(jobs.getJob('direct')).toBeUndefined();
  });

  it('rebuilds the same search results from disk after a restart', async () => {
    await jobs.seed(actor);
    const created = await jobs.create({ title: 'Quantum Engineer', location: 'Lisbon, Portugal' }, actor);
    await jobs.update('sample-job-01', { status: 'closed' }, actor);
    await jobs.remove('sample-job-02', { force: false }, actor);
    const queries = [{ keyword: 'engineer' }, { location: 'lisbon', sort: 'title' as const }, { status: 'closed' as const }, {}];
    const before = queries.map((query) => jobs.list({ ...query, ...page }, 'staff'));

    jobs.close();
    await db.close();
    await open();

    expect(queries.map((query) => jobs.list({ ...query, ...page }, 'staff'))).toEqual(before);
    expect(jobs.getJob(created.id)?.title).toBe('Quantum Engineer');
    expect(jobs.getJob('sample-job-02')).toBeUndefined();
    expect(jobs.countByStatus()).toEqual({ open: before[3]!.total - before[2]!.total, closed: before[2]!.total });
  });
});

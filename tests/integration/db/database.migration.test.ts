import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RxCollection, RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/main/core/clock.js';
import { createAppDatabase, openRxDatabase } from '../../../src/main/core/db/database.js';
import { jobRxSchemaV0, splitV0Skills, type JobV0 } from '../../../src/main/core/db/migrations/jobs.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { silentLog } from '../../../src/main/core/log.js';
import { uniqueDatabaseName } from './factories.js';

const WRITTEN_AT = 1_690_000_000_000;

function makeJobV0(overrides: Partial<JobV0> = {}): JobV0 {
  return {
    id: `job-${Math.random().toString(36).slice(2, 10)}`,
    createdAt: WRITTEN_AT,
    updatedAt: WRITTEN_AT,
    deviceId: 'old-laptop',
    title: 'Data Engineer',
    description: 'Pipelines.',
    skills: ['Python', 'SQL', 'Airflow (nice to have)', 'dbt [optional]'],
    company: 'Acme',
    location: 'Berlin',
    tags: ['data'],
    status: 'open',
    ...overrides,
  };
}

/** Writes `jobs` into a database the way version 0 of the app did, then closes it. */
async function writeWithV0Schema(storage: RxStorage<unknown, unknown>, name: string, jobs: JobV0[]): Promise<void> {
  const db = await openRxDatabase<{ jobs: RxCollection<JobV0> }>({ storage, name, devMode: true });
  await db.addCollections({ jobs: { schema: jobRxSchemaV0 } });
  const result = await db.jobs.bulkInsert(jobs);
  expect(result.error).toEqual([]);
  await db.close();
}

const temporaryDirs: string[] = [];
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

const storages: { name: string; open: () => RxStorage<unknown, unknown> }[] = [
  // The memory storage keeps a closed database's data for the rest of the process.
  { name: 'memory storage', open: () => getRxStorageMemory() },
  (() => {
    const databaseDir = mkdtempSync(join(tmpdir(), 'db-migration-'));
    temporaryDirs.push(databaseDir);
    // A new storage object per open, as after an app restart.
    return { name: 'SQLite storage', open: () => getRxStorageSQLite({ databaseDir }) };
  })(),
];

describe.each(storages)('jobs schema v0 → v1 on the $name', ({ open }) => {
  it('migrates every job written with the v0 schema when the database is reopened', async () => {
    const name = uniqueDatabaseName('migrate');
    const remote = makeJobV0({ location: 'Remote (EU)', skills: ['Go', 'Go (nice to have)', 'Rust (Bonus)'] });
    const plain = makeJobV0({ status: 'closed', salaryMin: 60_000, salaryMax: 80_000, salaryCurrency: 'EUR' });
    const noSkills = makeJobV0({ skills: [] });
    await writeWithV0Schema(open(), name, [remote, plain, noSkills]);

    const clock = new FakeClock(WRITTEN_AT + 1_000_000);
    const db = await createAppDatabase({ storage: open(), name, deviceId: 'new-laptop', devMode: true, log: silentLog, clock });
    try {
      expect(await db.jobs.migrationNeeded()).toBe(false);
      const jobs = new Map((await db.jobs.find().exec()).map((doc) => [doc.id, doc.toJSON()]));
      expect(jobs.size).toBe(3);

      expect(jobs.get(plain.id)).toMatchObject({
        title: 'Data Engineer',
        requiredSkills: ['Python', 'SQL'],
        niceToHaveSkills: ['Airflow', 'dbt'],
        remote: false,
        autoAnalyze: false,
        status: 'closed',
        salaryMin: 60_000,
        salaryMax: 80_000,
        salaryCurrency: 'EUR',
      });
      expect(jobs.get(plain.id)).not.toHaveProperty('skills');
      expect(jobs.get(remote.id)).toMatchObject({ requiredSkills: ['Go'], niceToHaveSkills: ['Rust'], remote: true });
      expect(jobs.get(noSkills.id)).toMatchObject({ requiredSkills: [], niceToHaveSkills: [] });

      // A migration is not an edit: the stamps still say who last edited the job, and when.
      for (const job of jobs.values()) {
        expect(job).toMatchObject({ createdAt: WRITTEN_AT, updatedAt: WRITTEN_AT, deviceId: 'old-laptop' });
      }

      // The v1 indexes answer queries over the migrated documents.
      const openJobs = await db.jobs.find({ selector: { status: 'open' }, sort: [{ updatedAt: 'asc' }] }).exec();
      expect(openJobs.map((doc) => doc.id).sort()).toEqual([remote.id, noSkills.id].sort());
    } finally {
      await db.close();
    }
  });

  it('keeps the migrated jobs and needs no second migration on the next start', async () => {
    const name = uniqueDatabaseName('migrate-twice');
    const job = makeJobV0();
    await writeWithV0Schema(open(), name, [job]);
    const options = { name, deviceId: 'new-laptop', devMode: true, log: silentLog } as const;
    const first = await createAppDatabase({ ...options, storage: open() });
    await first.jobs.findOne(job.id).incrementalPatch({ title: 'Senior Data Engineer' });
    await first.close();

    const second = await createAppDatabase({ ...options, storage: open() });
    try {
      expect(await second.jobs.migrationNeeded()).toBe(false);
      expect((await second.jobs.findOne(job.id).exec())?.toJSON()).toMatchObject({
        title: 'Senior Data Engineer',
        requiredSkills: ['Python', 'SQL'],
        deviceId: 'new-laptop',
      });
    } finally {
      await second.close();
    }
  });
});

describe('splitting v0 skills', () => {
  it('moves skills marked as optional to nice-to-have and drops the mark', () => {
    expect(splitV0Skills(['TypeScript', 'GraphQL (Nice-to-have)', 'AWS (plus)', 'Docker [optional]'])).toEqual({
      requiredSkills: ['TypeScript'],
      niceToHaveSkills: ['GraphQL', 'AWS', 'Docker'],
    });
  });

  it('keeps a skill once, as required when it is listed both ways', () => {
    expect(splitV0Skills(['SQL', 'SQL (optional)', 'Spark (optional)', 'Spark'])).toEqual({
      requiredSkills: ['SQL'],
      niceToHaveSkills: ['Spark'],
    });
  });

  it('drops entries that are only a mark or blank', () => {
    expect(splitV0Skills(['  ', '(optional)', 'Kafka'])).toEqual({ requiredSkills: ['Kafka'], niceToHaveSkills: [] });
  });
});

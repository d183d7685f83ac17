import { describe, expect, it } from 'vitest';
import type { AnyRxStorage } from '../../../src/main/core/db/database.js';
import { jobRxSchemaV0, splitV0Skills, type JobV0 } from '../../../src/main/core/db/migrations/jobs.js';
import { uniqueDatabaseName } from './factories.js';
import { migrationStorages, openWithCurrentSchemas, writeWithEarlierSchema } from './migration-harness.js';

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

const writeWithV0Schema = (storage: AnyRxStorage, name: string, jobs: JobV0[]) =>
  writeWithEarlierSchema(storage, name, { collection: 'jobs', schema: jobRxSchemaV0, docs: jobs });

describe.each(migrationStorages('jobs'))('jobs schema v0 → v1 on the $name', ({ open }) => {
  it('migrates every job written with the v0 schema when the database is reopened', async () => {
    const name = uniqueDatabaseName('migrate');
    const remote = makeJobV0({ location: 'Remote (EU)', skills: ['Go', 'Go (nice to have)', 'Rust (Bonus)'] });
    const plain = makeJobV0({ status: 'closed', salaryMin: 60_000, salaryMax: 80_000, salaryCurrency: 'EUR' });
    const noSkills = makeJobV0({ skills: [] });
    await writeWithV0Schema(open(), name, [remote, plain, noSkills]);

    const db = await openWithCurrentSchemas(open(), name, WRITTEN_AT + 1_000_000);
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
    const first = await openWithCurrentSchemas(open(), name);
    await first.jobs.findOne(job.id).incrementalPatch({ title: 'Senior Data Engineer' });
    await first.close();

    const second = await openWithCurrentSchemas(open(), name);
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

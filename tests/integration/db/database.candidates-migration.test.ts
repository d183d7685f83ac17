import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RxCollection, RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/main/core/clock.js';
import { createAppDatabase, openRxDatabase } from '../../../src/main/core/db/database.js';
import { candidateRxSchemaV0, type CandidateV0 } from '../../../src/main/core/db/migrations/candidates.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { silentLog } from '../../../src/main/core/log.js';
import { primaryPhoneOf } from '../../../src/shared/schemas/candidate.js';
import { uniqueDatabaseName } from './factories.js';

const WRITTEN_AT = 1_690_000_000_000;

function makeCandidateV0(overrides: Partial<CandidateV0> = {}): CandidateV0 {
  return {
    id: `cand-${Math.random().toString(36).slice(2, 10)}`,
    createdAt: WRITTEN_AT,
    updatedAt: WRITTEN_AT,
    deviceId: 'old-laptop',
    name: 'Inês Marques',
    emails: ['ines@example.com'],
    primaryEmail: 'ines@example.com',
    phones: ['+351 912 000 111'],
    links: [],
    tags: [],
    skills: ['TypeScript'],
    ...overrides,
  };
}

/** Writes `candidates` into a database the way version 0 of the app did, then closes it. */
async function writeWithV0Schema(storage: RxStorage<unknown, unknown>, name: string, candidates: CandidateV0[]): Promise<void> {
  const db = await openRxDatabase<{ candidates: RxCollection<CandidateV0> }>({ storage, name, devMode: true });
  await db.addCollections({ candidates: { schema: candidateRxSchemaV0() } });
  const result = await db.candidates.bulkInsert(candidates);
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
    const databaseDir = mkdtempSync(join(tmpdir(), 'db-candidates-migration-'));
    temporaryDirs.push(databaseDir);
    // A new storage object per open, as after an app restart.
    return { name: 'SQLite storage', open: () => getRxStorageSQLite({ databaseDir }) };
  })(),
];

describe.each(storages)('candidates schema v0 → v1 on the $name', ({ open }) => {
  it('gives every candidate written with the v0 schema the primaryPhone its phones imply, found through the new index', async () => {
    const name = uniqueDatabaseName('migrate-candidates');
    const spaced = makeCandidateV0();
    const shortFirst = makeCandidateV0({ emails: [], primaryEmail: '', phones: ['112', '(+44) 20-7946-0958'] });
    const noPhone = makeCandidateV0({ phones: [] });
    await writeWithV0Schema(open(), name, [spaced, shortFirst, noPhone]);

    const clock = new FakeClock(WRITTEN_AT + 1_000_000);
    const db = await createAppDatabase({ storage: open(), name, deviceId: 'new-laptop', devMode: true, log: silentLog, clock });
    try {
      expect(await db.candidates.migrationNeeded()).toBe(false);
      const candidates = new Map((await db.candidates.find().exec()).map((doc) => [doc.id, doc.toJSON()]));
      expect(candidates.size).toBe(3);
      expect(candidates.get(spaced.id)).toMatchObject({ primaryPhone: '351912000111', phones: ['+351 912 000 111'], name: 'Inês Marques' });
      // Too few digits to identify anyone: the next number is the primary one.
      expect(candidates.get(shortFirst.id)?.primaryPhone).toBe('442079460958');
      expect(candidates.get(noPhone.id)?.primaryPhone).toBe('');
      // A migration is not an edit: the stamps still say who last edited the candidate, and when.
      for (const candidate of candidates.values()) {
        expect(candidate).toMatchObject({ createdAt: WRITTEN_AT, updatedAt: WRITTEN_AT, deviceId: 'old-laptop' });
      }

      const query = db.candidates.findOne({ selector: { primaryPhone: '442079460958' } });
      expect(query.getPreparedQuery().queryPlan.index).toContain('primaryPhone');
      expect((await query.exec())?.id).toBe(shortFirst.id);
    } finally {
      await db.close();
    }
  });
});

describe('the primary phone', () => {
  it('is the digits of the first number with at least seven of them, or empty', () => {
    expect(primaryPhoneOf(['+351 912-000 111'])).toBe('351912000111');
    expect(primaryPhoneOf(['ext. 12', '020 7946 0958', '+1 555 0100 200'])).toBe('02079460958');
    expect(primaryPhoneOf(['123 456'])).toBe('');
    expect(primaryPhoneOf([])).toBe('');
  });
});

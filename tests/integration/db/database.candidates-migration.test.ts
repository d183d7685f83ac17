import { describe, expect, it } from 'vitest';
import type { AnyRxStorage } from '../../../src/main/core/db/database.js';
import { candidateRxSchemaV0, type CandidateV0 } from '../../../src/main/core/db/migrations/candidates.js';
import { primaryPhoneOf } from '../../../src/shared/schemas/candidate.js';
import { uniqueDatabaseName } from './factories.js';
import { migrationStorages, openWithCurrentSchemas, writeWithEarlierSchema } from './migration-harness.js';

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

const writeWithV0Schema = (storage: AnyRxStorage, name: string, candidates: CandidateV0[]) =>
  writeWithEarlierSchema(storage, name, { collection: 'candidates', schema: candidateRxSchemaV0(), docs: candidates });

describe.each(migrationStorages('candidates'))('candidates schema v0 → v1 on the $name', ({ open }) => {
  it('gives every candidate written with the v0 schema the primaryPhone its phones imply, found through the new index', async () => {
    const name = uniqueDatabaseName('migrate-candidates');
    const spaced = makeCandidateV0();
    const shortFirst = makeCandidateV0({ emails: [], primaryEmail: '', phones: ['112', '(+44) 20-7946-0958'] });
    const noPhone = makeCandidateV0({ phones: [] });
    await writeWithV0Schema(open(), name, [spaced, shortFirst, noPhone]);

    const db = await openWithCurrentSchemas(open(), name, WRITTEN_AT + 1_000_000);
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

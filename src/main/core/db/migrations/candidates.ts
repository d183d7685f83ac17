// Migrations of the `candidates` collection, with every earlier schema kept so a test can open a
// database written by it.
//
// v0 → v1: v1 adds `primaryPhone` (the digits of the first usable phone number) and an index on it,
// so a parsed résumé finds the candidate with the same phone by an index lookup instead of reading
// every candidate that has a phone.
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { candidateRxSchema, primaryPhoneOf, type Candidate } from '../../../../shared/schemas/candidate.js';

export type CandidateV0 = Omit<Candidate, 'primaryPhone'>;

/** The v0 schema, rebuilt from v1 by undoing v1's one change. */
export function candidateRxSchemaV0(): RxJsonSchema<CandidateV0> {
  const schema = structuredClone(candidateRxSchema) as unknown as RxJsonSchema<CandidateV0> & { properties: Record<string, unknown> };
  delete schema.properties['primaryPhone'];
  return {
    ...schema,
    version: 0,
    required: ((schema.required ?? []) as string[]).filter((field) => field !== 'primaryPhone') as RxJsonSchema<CandidateV0>['required'],
    indexes: (schema.indexes ?? []).filter((index) => index !== 'primaryPhone'),
  };
}

export function migrateCandidateV0ToV1(old: CandidateV0): Candidate {
  return { ...old, primaryPhone: primaryPhoneOf(old.phones) };
}

export const candidateMigrationStrategies: MigrationStrategies = {
  1: (old: CandidateV0) => migrateCandidateV0ToV1(old),
};

// Candidates: people who apply or whose résumés were imported.
import { Type, type Static } from 'typebox';
import { NonEmptyText, StringList, SyncedDocument, Text } from './base.js';
import { toRxSchema } from './rx-schema.js';

export const CandidateLinkSchema = Type.Object(
  {
    kind: Text(32, { description: 'linkedin, github, website, portfolio, other…' }),
    url: NonEmptyText(2048),
  },
  { additionalProperties: false },
);
export type CandidateLink = Static<typeof CandidateLinkSchema>;

const PHONE_MAX_LENGTH = 40;
/** Fewer digits than this is too little to call two people one. */
export const MIN_PHONE_DIGITS = 7;

/** Phone numbers compare by their digits: '+351 912-000 111' and '351912000111' are one number. */
export const phoneDigits = (phone: string): string => phone.replace(/\D/g, '');

/** The derived `primaryPhone`: the digits of the first phone with at least MIN_PHONE_DIGITS of them. */
export function primaryPhoneOf(phones: readonly string[]): string {
  for (const phone of phones) {
    const digits = phoneDigits(phone);
    if (digits.length >= MIN_PHONE_DIGITS) return digits;
  }
  return '';
}

export const CandidateSchema = SyncedDocument(
  {
    name: NonEmptyText(200),
    emails: StringList(254, 20),
    primaryEmail: Text(254, {
      description: 'The first e-mail, lower-cased, for finding duplicates; empty when none is known.',
    }),
    phones: StringList(40, 20),
    primaryPhone: Text(PHONE_MAX_LENGTH, {
      description: 'The digits of the first phone number that has enough of them, for finding duplicates by an index; empty when none.',
    }),
    location: Type.Optional(Text(200)),
    links: Type.Array(CandidateLinkSchema, { maxItems: 50 }),
    tags: StringList(50, 50),
    notes: Type.Optional(Text(20_000)),
    source: Type.Optional(Text(100, { description: 'Where the candidate came from: upload, referral, LinkedIn…' })),
    skills: StringList(100, 500),
    yearsOfExperience: Type.Optional(Type.Number({ minimum: 0, maximum: 80 })),
  },
  { description: 'A candidate.' },
);
export type Candidate = Static<typeof CandidateSchema>;

/** v1 added `primaryPhone` and its index (db/migrations/candidates.ts). */
export const candidateRxSchema = toRxSchema(CandidateSchema, {
  version: 1,
  primaryKey: 'id',
  description: 'candidates',
  indexes: ['name', 'primaryEmail', 'primaryPhone', 'updatedAt', 'createdAt'],
});

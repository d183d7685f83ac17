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

export const CandidateSchema = SyncedDocument(
  {
    name: NonEmptyText(200),
    emails: StringList(254, 20),
    primaryEmail: Text(254, {
      description: 'The first e-mail, lower-cased, for finding duplicates; empty when none is known.',
    }),
    phones: StringList(40, 20),
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

export const candidateRxSchema = toRxSchema(CandidateSchema, {
  version: 0,
  primaryKey: 'id',
  description: 'candidates',
  indexes: ['name', 'primaryEmail', 'updatedAt', 'createdAt'],
});

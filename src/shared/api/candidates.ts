// Request and response shapes of the candidates API, built from the candidate collection schema.
import { Type, type Static } from 'typebox';
import { Email, Id, StringEnum } from '../schemas/base.js';
import { CandidateSchema } from '../schemas/candidate.js';
import { Page, PageQuery } from './common.js';

const fields = CandidateSchema.properties;

export const CANDIDATE_SORT_FIELDS = ['name', 'createdAt', 'updatedAt'] as const;
export const SORT_ORDERS = ['asc', 'desc'] as const;

/**
 * What a recruiter writes about a candidate. `primaryEmail` is derived from `emails` by the server,
 * and the stamped fields by the database, so neither can be sent.
 */
export const CandidateCreateBody = Type.Object(
  {
    name: fields.name,
    emails: Type.Optional(Type.Array(Email(), { maxItems: 20, description: 'The first one is the primary e-mail, used to find duplicates.' })),
    phones: Type.Optional(fields.phones),
    location: fields.location,
    links: Type.Optional(fields.links),
    tags: Type.Optional(fields.tags),
    notes: fields.notes,
    source: fields.source,
    skills: Type.Optional(fields.skills),
    yearsOfExperience: fields.yearsOfExperience,
  },
  { additionalProperties: false },
);
export type CandidateCreateBody = Static<typeof CandidateCreateBody>;

/** PUT and PATCH both change only the fields sent. */
export const CandidateUpdateBody = Type.Partial(CandidateCreateBody, { additionalProperties: false, minProperties: 1 });
export type CandidateUpdateBody = Static<typeof CandidateUpdateBody>;

export const CandidateParams = Type.Object({ candidate_id: Id() }, { additionalProperties: false });

export const CandidateOut = CandidateSchema;
export const CandidatePage = Page(CandidateOut);

export const CandidateListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Text found in the name or any e-mail (case-insensitive, literal).' })),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Only candidates with this tag (case-insensitive).' })),
    skill: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only candidates with this skill (case-insensitive).' })),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only candidates from this source (case-insensitive).' })),
    sort: Type.Optional(StringEnum([...CANDIDATE_SORT_FIELDS], { default: 'createdAt' })),
    order: Type.Optional(StringEnum([...SORT_ORDERS], { default: 'desc' })),
  },
  { additionalProperties: false },
);
export type CandidateListQuery = Static<typeof CandidateListQuery>;

export const CandidateDeleteQuery = Type.Object(
  { force: Type.Optional(Type.Boolean({ default: false, description: 'Also delete the candidate’s applications.' })) },
  { additionalProperties: false },
);

export const CandidateDeleteResponse = Type.Object({
  ok: Type.Literal(true),
  applicationsDeleted: Type.Integer({ minimum: 0 }),
});

/** What a candidate sees of their own record: not the recruiters' notes, tags or source. */
export const CandidateSelfOut = Type.Omit(CandidateSchema, ['notes', 'tags', 'source'], { additionalProperties: false });

// Request and response shapes of the candidates API, built from the candidate collection schema.
import { Type, type Static } from 'typebox';
import { ApplicationStatusSchema, APPLICATION_STATUSES } from '../schemas/application.js';
import { Email, Id, Score, StringEnum } from '../schemas/base.js';
import { CandidateSchema } from '../schemas/candidate.js';
import { Page, PageQuery } from './common.js';

const fields = CandidateSchema.properties;

export const CANDIDATE_SORT_FIELDS = ['name', 'createdAt', 'updatedAt', 'bestScore'] as const;
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

/** A candidate in the list, with what the list shows and filters by beside the record (read-only). */
export const CandidateListItem = Type.Object(
  {
    ...CandidateOut.properties,
    bestScore: Type.Optional(Score({ description: 'The highest overall score of any completed analysis of the candidate’s résumés; absent when never analysed.' })),
    applicationStatuses: Type.Array(ApplicationStatusSchema, { uniqueItems: true, description: 'The distinct current statuses of the candidate’s applications.' }),
  },
  { additionalProperties: false },
);
export type CandidateListItem = Static<typeof CandidateListItem>;
export const CandidatePage = Page(CandidateListItem);

/** `none`: candidates without any application. */
export const CANDIDATE_STATUS_FILTERS = [...APPLICATION_STATUSES, 'none'] as const;
export type CandidateStatusFilter = (typeof CANDIDATE_STATUS_FILTERS)[number];

export const CandidateListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Text found in the name or any e-mail (case-insensitive, literal).' })),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Only candidates with this tag (case-insensitive).' })),
    skill: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only candidates with this skill (case-insensitive).' })),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only candidates from this source (case-insensitive).' })),
    status: Type.Optional(
      StringEnum([...CANDIDATE_STATUS_FILTERS], { description: 'Only candidates with an application in this status; `none`: candidates with no application.' }),
    ),
    min_score: Type.Optional(Score({ description: 'Only candidates whose best analysis score is at least this (never-analysed candidates are left out).' })),
    max_score: Type.Optional(Score({ description: 'Only candidates whose best analysis score is at most this (never-analysed candidates are left out); not below min_score.' })),
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
  resumesDeleted: Type.Integer({ minimum: 0, description: 'The candidate’s résumés (with their PDFs and analyses), deleted with them.' }),
});

/** What a candidate sees of their own record: not the recruiters' notes, tags or source. */
export const CandidateSelfOut = Type.Omit(CandidateSchema, ['notes', 'tags', 'source'], { additionalProperties: false });

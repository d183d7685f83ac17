// Request and response shapes of the applications API, built from the application collection schema.
// Request fields that name other documents are snake_case (`job_id`), as in the seed's API.
import { Type, type Static } from 'typebox';
import { Id, StringEnum, Text } from '../schemas/base.js';
import { ApplicationChangeSchema, ApplicationSchema, ApplicationStatusSchema } from '../schemas/application.js';
import { Page, PageQuery } from './common.js';

const change = ApplicationChangeSchema.properties;

export const APPLICATION_SORT_FIELDS = ['createdAt', 'updatedAt'] as const;

/** A candidate applying to a job for themselves (POST /jobs/apply). */
export const ApplyBody = Type.Object(
  {
    job_id: Id({ description: 'The job to apply to; it must be open.' }),
    resume_id: Type.Optional(Id({ description: 'One of the caller’s own résumés.' })),
  },
  { additionalProperties: false },
);
export type ApplyBody = Static<typeof ApplyBody>;

/** Staff adding any candidate to a job (POST /applications). */
export const ApplicationCreateBody = Type.Object(
  {
    job_id: Id({ description: 'The job; it must be open.' }),
    candidate_id: Id(),
    resume_id: Type.Optional(Id({ description: 'A résumé of this candidate.' })),
    note: change.note,
  },
  { additionalProperties: false },
);
export type ApplicationCreateBody = Static<typeof ApplicationCreateBody>;

export const ApplicationStatusBody = Type.Object(
  { status: change.to, note: change.note },
  { additionalProperties: false },
);
export type ApplicationStatusBody = Static<typeof ApplicationStatusBody>;

/** An application with the names a list shows next to it. */
export const ApplicationOut = Type.Object(
  {
    ...ApplicationSchema.properties,
    candidateName: Text(200, { description: 'Empty when the candidate no longer exists.' }),
    candidateEmail: Text(254, { description: 'The candidate’s primary e-mail; empty when unknown.' }),
    jobTitle: Text(200, { description: 'Empty when the job no longer exists.' }),
  },
  { additionalProperties: false },
);
export type ApplicationOut = Static<typeof ApplicationOut>;
export const ApplicationPage = Page(ApplicationOut);

export const ApplicationParams = Type.Object({ application_id: Id() }, { additionalProperties: false });
export const JobParams = Type.Object({ job_id: Id() }, { additionalProperties: false });

const sortAndOrder = {
  sort: Type.Optional(StringEnum([...APPLICATION_SORT_FIELDS], { default: 'createdAt' })),
  order: Type.Optional(StringEnum(['asc', 'desc'], { default: 'desc' })),
};

export const ApplicationListQuery = Type.Object(
  {
    ...PageQuery.properties,
    job_id: Type.Optional(Id()),
    candidate_id: Type.Optional(Id({ description: 'Candidates may only give their own.' })),
    status: Type.Optional(ApplicationStatusSchema),
    ...sortAndOrder,
  },
  { additionalProperties: false },
);
export type ApplicationListQuery = Static<typeof ApplicationListQuery>;

export const JobApplicationsQuery = Type.Object(
  { ...PageQuery.properties, status: Type.Optional(ApplicationStatusSchema), ...sortAndOrder },
  { additionalProperties: false },
);
export type JobApplicationsQuery = Static<typeof JobApplicationsQuery>;

// The REST contract of the jobs endpoints (seed 5.2), derived from the job collection schema.
import { Type, type Static } from 'typebox';
import { Id, StringEnum } from '../schemas/base.js';
import { JobSchema, JobStatusSchema } from '../schemas/job.js';
import { Page, PageQuery } from './common.js';

/** Fields a caller may set; the rest (id, stamps, createdBy) belong to the server. */
export const JOB_EDITABLE_FIELDS = [
  'title',
  'description',
  'requiredSkills',
  'niceToHaveSkills',
  'salaryMin',
  'salaryMax',
  'salaryCurrency',
  'company',
  'location',
  'remote',
  'tags',
  'status',
  'autoAnalyze',
] as const;
export type JobEditableField = (typeof JOB_EDITABLE_FIELDS)[number];

/**
 * Fields only staff see: tags are the recruiters' own labels ("urgent", "referral"), autoAnalyze is
 * a processing switch and createdBy a user id. Candidates get a job without them.
 */
export const JOB_INTERNAL_FIELDS = ['tags', 'autoAnalyze', 'createdBy'] as const;

const EditableJob = Type.Pick(JobSchema, JOB_EDITABLE_FIELDS);

/**
 * POST /jobs and PUT /jobs/{job_id}: everything but the title may be left out and then takes its
 * default (empty text and lists, not remote, status open, autoAnalyze off, no salary).
 */
export const JobCreateBody = Type.Object(
  {
    title: JobSchema.properties.title,
    ...Type.Partial(Type.Omit(EditableJob, ['title'])).properties,
  },
  { additionalProperties: false, description: 'A job posting as a recruiter writes it.' },
);
export type JobCreateBody = Static<typeof JobCreateBody>;

/** PATCH /jobs/{job_id}: only the fields given change (at least one). */
export const JobPatchBody = Type.Partial(EditableJob, {
  additionalProperties: false,
  minProperties: 1,
  description: 'The fields to change.',
});
export type JobPatchBody = Static<typeof JobPatchBody>;

/** A job as the API returns it; the internal fields are present for staff only. */
export const JobOut = Type.Object(
  {
    ...Type.Omit(JobSchema, ['deviceId', ...JOB_INTERNAL_FIELDS]).properties,
    ...Type.Partial(Type.Pick(JobSchema, JOB_INTERNAL_FIELDS)).properties,
  },
  { description: 'A job posting. tags, autoAnalyze and createdBy are shown to admins and recruiters only.' },
);
export type JobOut = Static<typeof JobOut>;

/** Sort keys the list accepts; a leading "-" means descending. */
export const JOB_SORT_FIELDS = ['createdAt', 'updatedAt', 'title', 'company', 'location', 'salaryMin', 'salaryMax'] as const;
export type JobSortField = (typeof JOB_SORT_FIELDS)[number];
export const JOB_SORTS = JOB_SORT_FIELDS.flatMap((field) => [field, `-${field}`]) as readonly (JobSortField | `-${JobSortField}`)[];
export type JobSort = (typeof JOB_SORTS)[number];
export const DEFAULT_JOB_SORT: JobSort = '-createdAt';

export const JobListQuery = Type.Object(
  {
    ...PageQuery.properties,
    keyword: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Words to find in the title, description and skills, case- and accent-insensitive. A job matches when every word of the keyword begins a word of its text: "java dev" finds "Senior Java Developer"; "ava" does not find "Java".',
      }),
    ),
    location: Type.Optional(
      Type.String({
        maxLength: 120,
        description: 'The start of the job’s location, case- and accent-insensitive: "lis" finds "Lisbon, Portugal".',
      }),
    ),
    status: Type.Optional(JobStatusSchema),
    remote: Type.Optional(Type.Boolean({ description: 'Only remote (true) or only on-site (false) jobs.' })),
    sort: Type.Optional(
      StringEnum([...JOB_SORTS], {
        description: 'Order of the list; "-" for descending. Ties are broken by id (ascending). Jobs without a salary come last.',
        default: DEFAULT_JOB_SORT,
      }),
    ),
  },
  { additionalProperties: false },
);
export type JobListQuery = Static<typeof JobListQuery>;

export const JobPage = Page(JobOut);
export type JobPage = Static<typeof JobPage>;

export const JobParams = Type.Object({ job_id: Id({ description: 'The job’s id.' }) }, { additionalProperties: false });
export type JobParams = Static<typeof JobParams>;

export const JobDeleteQuery = Type.Object(
  {
    force: Type.Optional(
      Type.Boolean({ default: false, description: 'Also delete the job’s applications; without it a job with applications is not deleted (409).' }),
    ),
  },
  { additionalProperties: false },
);
export type JobDeleteQuery = Static<typeof JobDeleteQuery>;

export const JobDeleteResult = Type.Object({
  ok: Type.Literal(true),
  applicationsRemoved: Type.Integer({ minimum: 0, description: 'Applications deleted with the job (force=true).' }),
});
export type JobDeleteResult = Static<typeof JobDeleteResult>;

export const JobSeedResult = Type.Object({
  inserted: Type.Integer({ minimum: 0 }),
  skipped: Type.Integer({ minimum: 0, description: 'Sample jobs that were already there.' }),
});
export type JobSeedResult = Static<typeof JobSeedResult>;

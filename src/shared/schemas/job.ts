// Job postings (seed 5.2).
import { Type, type Static } from 'typebox';
import { Id, NonEmptyText, StringEnum, StringList, SyncedDocument, Text } from './base.js';
import { toRxSchema } from './rx-schema.js';

export const JOB_STATUSES = ['open', 'closed'] as const;
export const JobStatusSchema = StringEnum([...JOB_STATUSES]);
export type JobStatus = Static<typeof JobStatusSchema>;

export const JobSchema = SyncedDocument(
  {
    title: NonEmptyText(200),
    description: Text(50_000),
    requiredSkills: StringList(100, 200),
    niceToHaveSkills: StringList(100, 200),
    salaryMin: Type.Optional(Type.Number({ minimum: 0 })),
    salaryMax: Type.Optional(Type.Number({ minimum: 0 })),
    salaryCurrency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', maxLength: 3, description: 'ISO 4217 code.' })),
    company: Text(200),
    location: Text(120, { description: 'Where the job is, as shown in listings; empty when not given.' }),
    remote: Type.Boolean(),
    tags: StringList(50, 50),
    status: JobStatusSchema,
    autoAnalyze: Type.Boolean({ description: 'Queue an analysis when a résumé is attached to an application.' }),
    createdBy: Type.Optional(Id({ description: 'The user who posted the job.' })),
  },
  { description: 'A job posting.' },
);
export type Job = Static<typeof JobSchema>;

export const jobRxSchema = toRxSchema(JobSchema, {
  version: 1,
  primaryKey: 'id',
  description: 'jobs',
  indexes: ['updatedAt', 'createdAt', ['status', 'updatedAt'], ['location', 'updatedAt']],
});

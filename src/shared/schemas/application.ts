// Applications: a candidate applying to a job, with every status change kept.
import { Type, type Static } from 'typebox';
import { EpochMs, Id, StringEnum, SyncedDocument, Text } from './base.js';
import { toRxSchema } from './rx-schema.js';

/** The pipeline: applied → screening → interview → offer → hired, or rejected / withdrawn at any point. */
export const APPLICATION_STATUSES = [
  'applied',
  'screening',
  'interview',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export const ApplicationStatusSchema = StringEnum([...APPLICATION_STATUSES]);
export type ApplicationStatus = Static<typeof ApplicationStatusSchema>;

export const ApplicationChangeSchema = Type.Object(
  {
    at: EpochMs(),
    by: Id({ description: 'The user who made the change.' }),
    from: Type.Optional(ApplicationStatusSchema),
    to: ApplicationStatusSchema,
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type ApplicationChange = Static<typeof ApplicationChangeSchema>;

export const ApplicationSchema = SyncedDocument(
  {
    jobId: Id(),
    candidateId: Id(),
    resumeId: Type.Optional(Id({ description: 'The résumé sent with the application, if any.' })),
    status: ApplicationStatusSchema,
    history: Type.Array(ApplicationChangeSchema, { maxItems: 1000 }),
  },
  { description: 'A candidate’s application to a job.' },
);
export type Application = Static<typeof ApplicationSchema>;

export const applicationRxSchema = toRxSchema(ApplicationSchema, {
  version: 0,
  primaryKey: 'id',
  description: 'applications',
  indexes: [
    ['jobId', 'status'],
    ['jobId', 'createdAt'],
    ['candidateId', 'jobId'],
    'createdAt',
    ['status', 'updatedAt'],
  ],
});

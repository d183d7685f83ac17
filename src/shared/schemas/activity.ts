// The activity log (seed 2.4 "recent activity"): every mutation through the API records one.
import { Type, type Static } from 'typebox';
import { EpochMs, NonEmptyText, SyncedDocument, Text } from './base.js';
import { toRxSchema } from './rx-schema.js';

export const ActivitySchema = SyncedDocument(
  {
    actorId: NonEmptyText(64, { description: 'The user who acted, or "system".' }),
    action: Type.String({
      pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$',
      maxLength: 64,
      description: 'Dotted name such as job.created or application.status_changed.',
    }),
    subjectType: NonEmptyText(32, { description: 'job, candidate, resume, application…' }),
    subjectId: NonEmptyText(64),
    summary: Text(500),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    at: EpochMs(),
  },
  { description: 'One entry of the activity log.' },
);
export type Activity = Static<typeof ActivitySchema>;

export const activityRxSchema = toRxSchema(ActivitySchema, {
  version: 0,
  primaryKey: 'id',
  description: 'activities',
  indexes: ['at', ['actorId', 'at'], ['subjectType', 'subjectId', 'at']],
});

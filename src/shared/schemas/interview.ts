// Interviews (seed 2.3, 5.5): a scheduled video interview with its Zoom meeting and calendar event.
import { Type, type Static } from 'typebox';
import { Count, Email, EpochMs, Id, NonEmptyText, StringEnum, SyncedDocument, Text } from './base.js';
import { toRxSchema } from './rx-schema.js';

export const INTERVIEW_STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled'] as const;
export const InterviewStatusSchema = StringEnum([...INTERVIEW_STATUSES]);
export type InterviewStatus = Static<typeof InterviewStatusSchema>;

export const MeetingSettingsSchema = Type.Object(
  {
    waitingRoom: Type.Optional(Type.Boolean()),
    joinBeforeHost: Type.Optional(Type.Boolean()),
    muteUponEntry: Type.Optional(Type.Boolean()),
    autoRecording: Type.Optional(StringEnum(['none', 'local', 'cloud'])),
  },
  { additionalProperties: false },
);
export type MeetingSettings = Static<typeof MeetingSettingsSchema>;

export const InterviewSchema = SyncedDocument(
  {
    applicationId: Type.Optional(Id()),
    candidateId: Type.Optional(Id()),
    jobId: Type.Optional(Id()),
    candidateName: NonEmptyText(200),
    candidateEmail: Email(),
    interviewerName: NonEmptyText(200),
    interviewerEmail: Type.Optional(Email()),
    jobTitle: Text(200),
    topic: NonEmptyText(200),
    startsAt: EpochMs(),
    durationMinutes: Count({ minimum: 1, maximum: 24 * 60 }),
    timezone: NonEmptyText(64, { description: 'IANA time zone, e.g. Europe/Lisbon.' }),
    status: InterviewStatusSchema,
    meetingSettings: Type.Optional(MeetingSettingsSchema),
    zoomMeetingId: Type.Optional(NonEmptyText(64)),
    zoomJoinUrl: Type.Optional(NonEmptyText(2048)),
    calendarId: Type.Optional(NonEmptyText(1024)),
    calendarEventId: Type.Optional(NonEmptyText(1024)),
    calendarEventLink: Type.Optional(NonEmptyText(2048)),
    lastError: Type.Optional(Text(2000, { description: 'Why the last Zoom or calendar call failed.' })),
    notes: Type.Optional(Text(20_000)),
    createdBy: Type.Optional(Id()),
  },
  { description: 'A scheduled interview.' },
);
export type Interview = Static<typeof InterviewSchema>;

export const interviewRxSchema = toRxSchema(InterviewSchema, {
  version: 0,
  primaryKey: 'id',
  description: 'interviews',
  indexes: ['startsAt', ['status', 'startsAt'], 'updatedAt'],
});

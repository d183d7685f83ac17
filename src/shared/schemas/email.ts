// The e-mail outbox (seed 2.2): every message is written here first and sent by a queued task, so
// nothing is lost while offline or when the SMTP server is down.
import { Type, type Static } from 'typebox';
import { Count, Email, EpochMs, Id, StringEnum, SyncedDocument, Text } from './base.js';
import { toRxSchema } from './rx-schema.js';

export const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export const EmailStatusSchema = StringEnum([...EMAIL_STATUSES]);
export type EmailStatus = Static<typeof EmailStatusSchema>;

const Recipients = Type.Array(Email(), { minItems: 1, maxItems: 100 });

export const OutboxEmailSchema = SyncedDocument(
  {
    to: Recipients,
    cc: Type.Optional(Type.Array(Email(), { maxItems: 100 })),
    bcc: Type.Optional(Type.Array(Email(), { maxItems: 100 })),
    subject: Text(998),
    templateId: Type.Optional(Id({ description: 'The email_templates key the message was rendered from.' })),
    variables: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    html: Text(1_000_000),
    text: Type.Optional(Text(1_000_000)),
    status: EmailStatusSchema,
    attempts: Count(),
    lastError: Type.Optional(Text(2000)),
    sentAt: Type.Optional(EpochMs()),
    messageId: Type.Optional(Text(998, { description: 'The SMTP Message-ID the server accepted.' })),
    taskId: Type.Optional(Id()),
  },
  { description: 'An e-mail in the outbox.' },
);
export type OutboxEmail = Static<typeof OutboxEmailSchema>;

export const emailRxSchema = toRxSchema(OutboxEmailSchema, {
  version: 0,
  primaryKey: 'id',
  description: 'emails',
  indexes: [['status', 'createdAt'], 'createdAt'],
});

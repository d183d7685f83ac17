// E-mail templates (seed 2.2): the built-in ones ship with the app; users may override them.
import { Type, type Static } from 'typebox';
import { NonEmptyText, StringList, SyncedDocument, Text } from './base.js';
import { toRxSchema } from './rx-schema.js';

export const EmailTemplateSchema = SyncedDocument(
  {
    key: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]*$', minLength: 1, maxLength: 64 }),
    name: NonEmptyText(200),
    description: Type.Optional(Text(1000)),
    subject: NonEmptyText(998),
    html: Text(500_000),
    variables: StringList(64, 100, { description: 'Placeholders the template expects.' }),
    builtIn: Type.Boolean({ description: 'Shipped with the app (can be overridden, not deleted).' }),
  },
  { description: 'An HTML e-mail template.' },
);
export type EmailTemplate = Static<typeof EmailTemplateSchema>;

export const emailTemplateRxSchema = toRxSchema(EmailTemplateSchema, {
  version: 0,
  primaryKey: 'id',
  description: 'email_templates',
  indexes: ['key'],
});

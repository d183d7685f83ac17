// Settings: one document per key. Secrets are never stored here; a setting may only record that a
// secret is present in the credential store.
import { Type, type Static } from 'typebox';
import { SyncedDocument } from './base.js';
import { toRxSchema } from './rx-schema.js';

export const SettingSchema = SyncedDocument(
  {
    key: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_.-]*$', minLength: 1, maxLength: 128 }),
    value: Type.Unknown({ description: 'Any JSON value.' }),
  },
  { description: 'An application setting.' },
);
export type Setting = Static<typeof SettingSchema>;

export const settingRxSchema = toRxSchema(SettingSchema, {
  version: 0,
  primaryKey: 'id',
  description: 'settings',
  indexes: ['key'],
});

// Users of the app. Only the argon2 hash of a password is stored, never the password itself.
import { Type, type Static } from 'typebox';
import { Count, Email, EpochMs, Id, NonEmptyText, StringEnum, SyncedDocument, Text } from './base.js';
import { toRxSchema } from './rx-schema.js';

export const USER_ROLES = ['admin', 'recruiter', 'candidate'] as const;
export const UserRoleSchema = StringEnum([...USER_ROLES]);
export type UserRole = Static<typeof UserRoleSchema>;

export const UserSchema = SyncedDocument(
  {
    username: NonEmptyText(64, { description: 'Login name, unique (case-insensitive) across the team.' }),
    email: Email(),
    displayName: Type.Optional(Text(200)),
    role: UserRoleSchema,
    passwordHash: NonEmptyText(512, { description: 'argon2id hash in PHC string format.' }),
    disabled: Type.Boolean(),
    tokenVersion: Count({
      description: 'Bumped on logout and password change; tokens carrying an older value are refused.',
    }),
    candidateId: Type.Optional(Id({ description: 'The candidate record of a candidate account.' })),
    lastLoginAt: Type.Optional(EpochMs()),
  },
  { description: 'A person who can sign in: admin, recruiter or candidate.' },
);
export type User = Static<typeof UserSchema>;

export const userRxSchema = toRxSchema(UserSchema, {
  version: 0,
  primaryKey: 'id',
  description: 'users',
  indexes: ['username', 'email', ['role', 'username']],
});

// Request and response shapes of the users and first-run setup API, built from the user collection
// schema. A user as the API shows it never carries the password hash or the token version.
import { Type, type Static } from 'typebox';
import { UserRoleSchema, UserSchema } from '../schemas/user.js';
import { Page, PageQuery } from './common.js';

const fields = UserSchema.properties;

export const USERNAME_PATTERN = '^[a-zA-Z0-9._-]+$';
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
/** The longest username, as the user collection stores it. */
export const USERNAME_MAX_LENGTH = 64;

/** Login names: stored lower-cased, so they are unique regardless of case. */
export const Username = Type.String({
  minLength: 3,
  maxLength: USERNAME_MAX_LENGTH,
  pattern: USERNAME_PATTERN,
  description: '3–64 letters, digits, dots, underscores or hyphens; case-insensitive (stored lower-cased).',
});

/** A new password. The upper bound keeps hashing cost bounded. */
export const NewPassword = Type.String({
  minLength: PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
  description: `At least ${PASSWORD_MIN_LENGTH} characters.`,
});

export const UserOut = Type.Omit(UserSchema, ['passwordHash', 'tokenVersion'], { description: 'A user account.' });
export type UserOut = Static<typeof UserOut>;

export const UserPage = Page(UserOut);

/** What an admin sends to create an account of any role. */
export const UserCreateBody = Type.Object(
  { username: Username, email: fields.email, password: NewPassword, role: UserRoleSchema, displayName: fields.displayName },
  { additionalProperties: false },
);
export type UserCreateBody = Static<typeof UserCreateBody>;

/** What an admin may change; changing `role` or `disabled` signs the user out everywhere. */
export const UserUpdateBody = Type.Object(
  {
    email: Type.Optional(fields.email),
    displayName: fields.displayName,
    role: Type.Optional(UserRoleSchema),
    disabled: Type.Optional(fields.disabled),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserUpdateBody = Static<typeof UserUpdateBody>;

export const UserListQuery = Type.Object(
  {
    ...PageQuery.properties,
    role: Type.Optional(UserRoleSchema),
    search: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Text found in the username (case-insensitive, literal).' })),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const SetupStatus = Type.Object({
  needs_admin: Type.Boolean({ description: 'True until the first admin account exists.' }),
});
export type SetupStatus = Static<typeof SetupStatus>;

/** The first-run screen's form: the first admin account. */
export const SetupAdminBody = Type.Object(
  { username: Username, email: fields.email, password: NewPassword, displayName: fields.displayName },
  { additionalProperties: false },
);
export type SetupAdminBody = Static<typeof SetupAdminBody>;

export const UserParams = Type.Object({ user_id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export type UserParams = Static<typeof UserParams>;

/** A user as the API shows it. Response schemas strip the secrets too; this keeps them out of reach earlier. */
export function toUserOut<T extends UserOut & { passwordHash?: string; tokenVersion?: number }>(user: T): UserOut {
  const { passwordHash: _passwordHash, tokenVersion: _tokenVersion, ...shown } = user;
  return shown;
}

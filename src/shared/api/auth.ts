// Request and response shapes of the auth API (seed 5.1). Field names follow the seed's FastAPI
// service and OAuth2's password flow (`access_token`, `token_type`), so its clients keep working.
import { Type, type Static } from 'typebox';
import { NewPassword, PASSWORD_MAX_LENGTH, USERNAME_MAX_LENGTH, UserCreateBody } from './users.js';

/** Public sign-up: always a candidate account, so there is no `role` to send. */
export const RegisterBody = Type.Omit(UserCreateBody, ['role'], { additionalProperties: false });
export type RegisterBody = Static<typeof RegisterBody>;

/** A password being checked rather than set: any non-empty text up to the same bound. */
const GivenPassword = Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH });

/**
 * Sign-in, as JSON or as an OAuth2 password-grant form (`application/x-www-form-urlencoded`, what
 * the seed's OAuth2PasswordRequestForm took). The OAuth2 form's other fields are accepted and unused.
 */
export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: USERNAME_MAX_LENGTH }),
    password: GivenPassword,
    grant_type: Type.Optional(Type.Literal('password')),
    scope: Type.Optional(Type.String({ maxLength: 1000 })),
    client_id: Type.Optional(Type.String({ maxLength: 200 })),
    client_secret: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const TokenResponse = Type.Object({
  access_token: Type.String({ description: 'Send it as "Authorization: Bearer <access_token>".' }),
  token_type: Type.Literal('bearer'),
  expires_in: Type.Integer({ minimum: 1, description: 'Seconds until the token expires.' }),
});
export type TokenResponse = Static<typeof TokenResponse>;

export const ChangePasswordBody = Type.Object(
  { current_password: GivenPassword, new_password: NewPassword },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

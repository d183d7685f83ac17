// HTTP routes of sign-up, sign-in, sign-out and password change (seed 5.1).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ChangePasswordBody, LoginBody, RegisterBody, TokenResponse } from '../../../../shared/api/auth.js';
import { AUTH_ERRORS, ErrorResponse, OkResponse } from '../../../../shared/api/common.js';
import { toUserOut, UserOut } from '../../../../shared/api/users.js';
import { ALL_ROLES, principalOf } from '../../api/access.js';
import { acceptFormBodies, FORM_CONTENT_TYPE } from './form-body.js';
import type { AuthService } from './service.js';

const tags = ['auth'];

export function authRoutes({ auth }: { auth: AuthService }): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    acceptFormBodies(app);

    app.post('/auth/register', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign up as a candidate',
        description: 'Creates a candidate account and its candidate record. Staff accounts are created by an admin (POST /users). Sign-ups are throttled per IP address.',
        body: RegisterBody,
        response: { 201: UserOut, 400: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse },
      },
      handler: async (request, reply) => {
        const user = await auth.register(request.body, request.ip);
        return reply.code(201).send(toUserOut(user));
      },
    });

    app.post('/auth/login', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in and receive an access token',
        description: `JSON or an OAuth2 password-grant form (${FORM_CONTENT_TYPE}). A wrong username and a wrong password get the same 401. Repeated failures from one IP address or for one username are refused with 429 and Retry-After.`,
        consumes: ['application/json', FORM_CONTENT_TYPE],
        body: LoginBody,
        response: { 200: TokenResponse, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
      handler: async (request) => auth.login(request.body, request.ip),
    });

    app.post('/auth/logout', {
      config: { access: ALL_ROLES },
      schema: {
        tags,
        summary: 'Sign out everywhere',
        description: 'Revokes every access token of the signed-in user, this one included.',
        response: { 200: OkResponse, ...AUTH_ERRORS },
      },
      handler: async (request) => {
        await auth.logout(principalOf(request));
        return { ok: true as const };
      },
    });

    app.post('/auth/change-password', {
      config: { access: ALL_ROLES },
      schema: {
        tags,
        summary: 'Change the signed-in user’s password',
        description: 'Revokes every earlier access token and returns a fresh one. A wrong current password is a 400 naming current_password, and counts as a failed sign-in.',
        body: ChangePasswordBody,
        response: { 200: TokenResponse, 400: ErrorResponse, ...AUTH_ERRORS, 429: ErrorResponse },
      },
      handler: async (request) => auth.changePassword(principalOf(request), request.body, request.ip),
    });
  };
}

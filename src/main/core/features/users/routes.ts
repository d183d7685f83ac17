// HTTP routes of user accounts: everyone's own account, and account management for admins.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { AUTH_ERRORS, ErrorResponse, OkResponse } from '../../../../shared/api/common.js';
import { toUserOut, UserCreateBody, UserListQuery, UserOut, UserPage, UserParams, UserUpdateBody } from '../../../../shared/api/users.js';
import { ADMIN_ONLY, ALL_ROLES, principalOf } from '../../api/access.js';
import type { UserService } from './service.js';

const tags = ['users'];

export function userRoutes({ users }: { users: UserService }): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();

    app.get('/users/me', {
      config: { access: ALL_ROLES },
      schema: { tags, summary: 'The signed-in user’s own account', response: { 200: UserOut, ...AUTH_ERRORS } },
      handler: async (request) => toUserOut(await users.get(principalOf(request).userId)),
    });

    app.get('/users', {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'List user accounts',
        description: 'Sorted by username; filter by role and by text in the username.',
        querystring: UserListQuery,
        response: { 200: UserPage, 400: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request) => {
        const page = await users.list(request.query);
        return { ...page, items: page.items.map(toUserOut) };
      },
    });

    app.post('/users', {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Create an account (admin, recruiter or candidate)',
        description: 'A candidate account also gets a new candidate record. Usernames are unique regardless of case (409).',
        body: UserCreateBody,
        response: { 201: UserOut, 400: ErrorResponse, ...AUTH_ERRORS, 409: ErrorResponse },
      },
      handler: async (request, reply) => {
        const user = await users.create(principalOf(request).userId, request.body);
        return reply.code(201).send(toUserOut(user));
      },
    });

    app.get('/users/:user_id', {
      config: { access: ADMIN_ONLY },
      schema: { tags, summary: 'One user account', params: UserParams, response: { 200: UserOut, ...AUTH_ERRORS, 404: ErrorResponse } },
      handler: async (request) => toUserOut(await users.get(request.params.user_id)),
    });

    app.patch('/users/:user_id', {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Change an account',
        description: 'Changing role or disabled signs the user out everywhere. The last enabled admin cannot be demoted or disabled, nor can you disable yourself (409); a candidate account keeps its role (400).',
        params: UserParams,
        body: UserUpdateBody,
        response: { 200: UserOut, 400: ErrorResponse, ...AUTH_ERRORS, 404: ErrorResponse, 409: ErrorResponse },
      },
      handler: async (request) => toUserOut(await users.update(principalOf(request).userId, request.params.user_id, request.body)),
    });

    app.delete('/users/:user_id', {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Delete an account',
        description: 'Not your own, and never the last enabled admin (409). A candidate account’s candidate record is kept.',
        params: UserParams,
        response: { 200: OkResponse, ...AUTH_ERRORS, 404: ErrorResponse, 409: ErrorResponse },
      },
      handler: async (request) => {
        await users.remove(principalOf(request).userId, request.params.user_id);
        return { ok: true as const };
      },
    });
  };
}

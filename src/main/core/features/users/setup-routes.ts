// The first-run screen's routes: whether an admin is still needed, and creating that first admin.
// Both are public, and creating works only while no admin exists.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ErrorResponse } from '../../../../shared/api/common.js';
import { SetupAdminBody, SetupStatus, toUserOut, UserOut } from '../../../../shared/api/users.js';
import type { UserService } from './service.js';

const tags = ['setup'];

export function setupRoutes({ users }: { users: UserService }): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();

    app.get('/setup/status', {
      config: { access: 'public' },
      schema: { tags, summary: 'Whether the first admin account still has to be created', response: { 200: SetupStatus } },
      handler: async () => ({ needs_admin: !(await users.hasAdmin()) }),
    });

    app.post('/setup/admin', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Create the first admin account',
        description: 'Only while no admin exists; afterwards 409 (admins create further accounts with POST /users).',
        body: SetupAdminBody,
        response: { 201: UserOut, 400: ErrorResponse, 409: ErrorResponse },
      },
      handler: async (request, reply) => {
        const admin = await users.createFirstAdmin(request.body, 'setup');
        return reply.code(201).send(toUserOut(admin));
      },
    });
  };
}

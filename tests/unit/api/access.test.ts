import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_ONLY, principalOf, STAFF, type Authenticate } from '../../../src/main/core/api/access.js';
import { createApiServer } from '../../../src/main/core/api/server.js';
import { UnauthorizedError } from '../../../src/main/core/errors.js';
import { silentLog } from '../../../src/main/core/log.js';

// A token table standing in for the JWT layer (the thing under test is the access hook).
const TOKENS: Record<string, { role: 'admin' | 'recruiter' | 'candidate' }> = {
  'admin-token': { role: 'admin' },
  'recruiter-token': { role: 'recruiter' },
  'candidate-token': { role: 'candidate' },
};
const authenticate: Authenticate = async (token) => {
  const entry = TOKENS[token];
  if (!entry) throw new UnauthorizedError('The access token is not valid; sign in again.');
  return { userId: `u-${entry.role}`, username: entry.role, role: entry.role, tokenId: token, expiresAt: Date.now() + 60_000 };
};

const routes: FastifyPluginAsync = async (api) => {
  api.get('/open', { config: { access: 'public' } }, async (request) => ({ who: request.principal?.username ?? null }));
  api.get('/staff', { config: { access: STAFF } }, async (request) => ({ who: principalOf(request).username }));
  api.get('/admin', { config: { access: ADMIN_ONLY } }, async () => ({ ok: true }));
};

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function build(extra?: FastifyPluginAsync) {
  app = await createApiServer({
    log: silentLog,
    version: '0',
    healthChecks: {},
    api: {
      authenticate,
      routes: async (api) => {
        await api.register(routes);
        if (extra) await api.register(extra);
      },
    },
  });
  await app.ready();
  return app;
}

describe('route access control', () => {
  it('answers 401 without a token and 403 for a role the route does not allow', async () => {
    const api = await build();
    expect((await api.inject({ url: '/api/v1/staff' })).statusCode).toBe(401);
    expect((await api.inject({ url: '/api/v1/staff', headers: { authorization: 'Bearer candidate-token' } })).statusCode).toBe(403);
    expect((await api.inject({ url: '/api/v1/admin', headers: { authorization: 'Bearer recruiter-token' } })).statusCode).toBe(403);
    const ok = await api.inject({ url: '/api/v1/staff', headers: { authorization: 'Bearer recruiter-token' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ who: 'recruiter' });
  });

  it('rejects a malformed Authorization header or an unknown token with 401 in the one error shape', async () => {
    const api = await build();
    const malformed = await api.inject({ url: '/api/v1/staff', headers: { authorization: 'Basic abc' } });
    expect(malformed.statusCode).toBe(401);
    expect(malformed.json().error.code).toBe('UNAUTHORIZED');
    expect((await api.inject({ url: '/api/v1/staff', headers: { authorization: 'Bearer forged' } })).statusCode).toBe(401);
  });

  it('lets anyone call a public route and still tells it who is signed in', async () => {
    const api = await build();
    expect((await api.inject({ url: '/api/v1/open' })).json()).toEqual({ who: null });
    expect((await api.inject({ url: '/api/v1/open', headers: { authorization: 'Bearer admin-token' } })).json()).toEqual({ who: 'admin' });
  });

  it('refuses to start when a route declares no access, so nothing ships unprotected by accident', async () => {
    await expect(
      build(async (api) => {
        api.get('/forgotten', async () => ({ secret: true }));
      }),
    ).rejects.toThrow(/declares no access/);
  });

  it('marks every operation of the OpenAPI document with its roles and security', async () => {
    const api = await build();
    const doc = (await api.inject({ url: '/openapi.json' })).json();
    expect(doc.paths['/api/v1/staff'].get['x-roles']).toEqual(['admin', 'recruiter']);
    expect(doc.paths['/api/v1/staff'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/api/v1/open'].get['x-roles']).toBe('public');
    const docs = await api.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});

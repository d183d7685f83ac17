// Enumerates EVERY operation of /openapi.json and checks its access: 401 without a token and 403
// for each role it does not allow. Public operations must be listed here by hand, so making a route
// public is a deliberate, reviewed change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../../../src/shared/schemas/user.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';

const PUBLIC_OPERATIONS = new Set([
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/login',
  'GET /api/v1/setup/status',
  'POST /api/v1/setup/admin',
]);
const ROLES: UserRole[] = ['admin', 'recruiter', 'candidate'];

interface Operation {
  method: string;
  path: string;
  roles: 'public' | UserRole[];
}

let api: TestApi;
let operations: Operation[];
const tokens = {} as Record<UserRole, string>;

beforeAll(async () => {
  api = await createTestApi();
  for (const role of ROLES) tokens[role] = (await api.signIn(role)).token;
  const doc = (await api.app.inject({ url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, { 'x-roles'?: 'public' | UserRole[] }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(() => path.startsWith('/api/'))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, roles: op['x-roles'] as Operation['roles'] })),
  );
});
afterAll(async () => api.close());

/** A concrete URL for an OpenAPI path: every {param} becomes a plausible id. */
const urlFor = (path: string) => path.replace(/\{[^}]+\}/g, 'some-id');

describe('authorization of every route in the OpenAPI document', () => {
  it('documents the API routes, each with its roles', () => {
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) {
      expect(op.roles, `${op.method} ${op.path} has no x-roles`).toBeDefined();
      expect(op.roles === 'public' || op.roles.length > 0, `${op.method} ${op.path}`).toBe(true);
    }
  });

  it('has exactly the public operations listed in this test', () => {
    const publicOps = operations.filter((op) => op.roles === 'public').map((op) => `${op.method} ${op.path}`);
    expect(publicOps.sort()).toEqual([...PUBLIC_OPERATIONS].sort());
  });

  it('answers 401 without a token on every non-public operation', async () => {
    for (const op of operations.filter((o) => o.roles !== 'public')) {
      const res = await api.app.inject({ method: op.method as 'GET', url: urlFor(op.path), payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHORIZED');
    }
  });

  it('answers 403 to every role an operation does not allow', async () => {
    let checked = 0;
    for (const op of operations.filter((o) => o.roles !== 'public')) {
      for (const role of ROLES.filter((r) => !(op.roles as UserRole[]).includes(r))) {
        const res = await api.as(tokens[role], { method: op.method as 'GET', url: urlFor(op.path), payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : {} });
        expect(res.statusCode, `${role} → ${op.method} ${op.path}`).toBe(403);
        checked++;
      }
    }
    // Some operation must exclude some role, or the matrix says nothing.
    expect(checked).toBeGreaterThan(0);
  });
});

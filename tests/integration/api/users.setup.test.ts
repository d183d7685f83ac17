// The first admin: BOOTSTRAP_ADMIN_* at start, or the public first-run routes while no admin exists.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/main/core/config.js';
import { silentLog } from '../../../src/main/core/log.js';
import { bootstrapFirstAdmin } from '../../../src/main/core/features/users/bootstrap.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { login, PASSWORD } from './auth.fixtures.js';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(env: Record<string, string> = {}): Promise<TestApi> {
  api = await createTestApi(env);
  return api;
}

const BOOTSTRAP = { BOOTSTRAP_ADMIN_USERNAME: 'Root', BOOTSTRAP_ADMIN_PASSWORD: 'bootstrap passphrase', BOOTSTRAP_ADMIN_EMAIL: 'root@example.com' };
const admins = (api: TestApi) => api.db.users.find({ selector: { role: 'admin' } }).exec();
const status = (api: TestApi) => api.app.inject({ url: '/api/v1/setup/status' });
const setupAdmin = (api: TestApi, payload: object) => api.app.inject({ method: 'POST', url: '/api/v1/setup/admin', payload });

describe('bootstrapFirstAdmin at start', () => {
  it('creates the admin from BOOTSTRAP_ADMIN_* when none exists, who can sign in', async () => {
    const api = await start(BOOTSTRAP);
    const created = await admins(api);
    expect(created.map((u) => [u.username, u.email])).toEqual([['root', 'root@example.com']]);
    expect((await login(api, 'root', 'bootstrap passphrase')).statusCode).toBe(200);
    expect((await status(api)).json()).toEqual({ needs_admin: false });
    const activity = await api.db.activities.findOne({ selector: { action: 'user.first_admin_created' } }).exec();
    expect(activity).toMatchObject({ actorId: 'system', subjectId: created[0]?.id, details: { origin: 'bootstrap' } });
  });

  it('does nothing on a later start: the admin is created once, not twice', async () => {
    const api = await start(BOOTSTRAP);
    const again = await bootstrapFirstAdmin({ users: api.features.services.users, config: api.config, log: silentLog });
    expect(again).toBeUndefined();
    expect(await admins(api)).toHaveLength(1);
  });

  it('does nothing when an admin already exists, even under another name', async () => {
    const api = await start();
    await api.signIn('admin', { username: 'existing' });
    const made = await bootstrapFirstAdmin({ users: api.features.services.users, config: { bootstrapAdmin: { username: 'root', password: PASSWORD } }, log: silentLog });
    expect(made).toBeUndefined();
    expect((await admins(api)).map((u) => u.username)).toEqual(['existing']);
  });

  it('does nothing without BOOTSTRAP_ADMIN_*: the first-run screen is needed', async () => {
    const api = await start();
    expect(await admins(api)).toHaveLength(0);
    expect((await status(api)).json()).toEqual({ needs_admin: true });
  });

  it('makes up a local e-mail when BOOTSTRAP_ADMIN_EMAIL is not set', async () => {
    const api = await start();
    const made = await bootstrapFirstAdmin({ users: api.features.services.users, config: { bootstrapAdmin: { username: 'root', password: PASSWORD } }, log: silentLog });
    expect(made?.email).toBe('root@localhost.localdomain');
  });

  it('stops the start with a message naming the variable (not its value) when the password is too short', async () => {
    const api = await start();
    const attempt = bootstrapFirstAdmin({ users: api.features.services.users, config: { bootstrapAdmin: { username: 'root', password: 'tiny-pw' } }, log: silentLog });
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(/^BOOTSTRAP_ADMIN_PASSWORD /);
    await expect(attempt).rejects.not.toThrow(/tiny-pw/);
    expect(await admins(api)).toHaveLength(0);
  });
});

describe('GET /setup/status and POST /setup/admin', () => {
  it('creates the first admin while none exists, then says no admin is needed and refuses a second with 409', async () => {
    const api = await start();
    expect((await status(api)).json()).toEqual({ needs_admin: true });
    const res = await setupAdmin(api, { username: 'Owner', email: 'owner@example.com', password: PASSWORD, displayName: 'The Owner' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'owner', role: 'admin', displayName: 'The Owner' });
    expect(res.json()).not.toHaveProperty('passwordHash');
    expect((await status(api)).json()).toEqual({ needs_admin: false });
    expect((await login(api, 'owner', PASSWORD)).statusCode).toBe(200);

    const second = await setupAdmin(api, { username: 'intruder', email: 'intruder@example.com', password: PASSWORD });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CONFLICT');
    expect((await admins(api)).map((u) => u.username)).toEqual(['owner']);
    const activity = await api.db.activities.findOne({ selector: { action: 'user.first_admin_created' } }).exec();
    expect(activity).toMatchObject({ actorId: res.json().id, details: { origin: 'setup' } });
  });

  it('creates exactly one admin when two first-run requests race', async () => {
    const api = await start();
    const results = await Promise.all([
      setupAdmin(api, { username: 'first', email: 'first@example.com', password: PASSWORD }),
      setupAdmin(api, { username: 'second', email: 'second@example.com', password: PASSWORD }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await admins(api)).toHaveLength(1);
  });

  it('refuses once any admin exists, such as one made by BOOTSTRAP_ADMIN_*', async () => {
    const api = await start(BOOTSTRAP);
    expect((await setupAdmin(api, { username: 'late', email: 'late@example.com', password: PASSWORD })).statusCode).toBe(409);
  });

  it.each([
    ['a short password', { password: 'short' }, 'password'],
    ['an invalid username', { username: 'no spaces allowed' }, 'username'],
    ['a role field', { role: 'admin' }, 'role'],
  ])('refuses %s with 400 naming the field', async (_case, override, field) => {
    const api = await start();
    const res = await setupAdmin(api, { username: 'owner', email: 'owner@example.com', password: PASSWORD, ...override });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe(field);
    expect((await status(api)).json()).toEqual({ needs_admin: true });
  });
});

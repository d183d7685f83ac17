// The users store (admin) against the real core: the list is the API's, a new account appears in
// it, a form error names its field, a role change shows in place, and the role filter is applied.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src/shared/api/client.js';
import type { Stores } from '../../../src/renderer/src/stores/index.js';
import { TEST_PASSWORD } from '../../support/api-harness.js';
import { startCore, until, watchRequests, type Core } from './support.js';

let core: Core;
let admin: Stores;

// The admin is made the way the app makes it: first-run setup through the session store.
beforeAll(async () => {
  core = await startCore();
  admin = core.stores();
  await admin.session.getState().init();
  await admin.session.getState().setupAdmin({ username: 'storeadmin', email: 'store.admin@example.com', password: TEST_PASSWORD, displayName: 'Store Admin' });
  await core.api.signIn('recruiter');
  await core.api.signIn('candidate');
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await core?.close();
});

const newUser = (username: string, role: 'admin' | 'recruiter' | 'candidate' = 'recruiter') => ({
  username,
  email: `${username}@example.com`,
  password: TEST_PASSWORD,
  role,
  displayName: username,
});

describe('user accounts', () => {
  it('lists the accounts the API lists', async () => {
    const { users } = admin;
    await users.getState().load();
    const fromApi = await core.api.as(admin.session.getState().token ?? '', { method: 'GET', url: '/api/v1/users?limit=50&skip=0' });
    expect(users.getState()).toMatchObject({ status: 'ready', error: null });
    expect(users.getState().page).toEqual(fromApi.json());
    expect(users.getState().page?.items.map((u) => u.username)).toContain('storeadmin');
  });

  it('creates an account and shows it in the list', async () => {
    const { users } = admin;
    const created = await users.getState().create(newUser('newhire'));
    expect(users.getState().page?.items.find((u) => u.id === created.id)).toMatchObject({ username: 'newhire', role: 'recruiter' });
  });

  it('a refused account is an error naming the field, and the list is unchanged', async () => {
    const { users } = admin;
    await users.getState().load();
    const before = users.getState().page;
    const refused = users.getState().create({ ...newUser('shortpass'), password: 'short' });
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    const error = (await refused.catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(400);
    expect(error.field).toMatch(/password/);
    expect(users.getState().page).toEqual(before);
  });

  it('a role change shows in the list in place', async () => {
    const { users } = admin;
    const created = await users.getState().create(newUser('promoted'));
    const index = users.getState().page?.items.findIndex((u) => u.id === created.id);
    await users.getState().update(created.id, { role: 'admin' });
    expect(users.getState().page?.items[index ?? -1]).toMatchObject({ id: created.id, role: 'admin' });
  });

  it('filters by role', async () => {
    const { users } = admin;
    users.getState().setQuery({ role: 'candidate' });
    // setQuery loads in the background: wait for the filtered list.
    const state = await until(users, (s) => s.status === 'ready' && s.query.role === 'candidate' && (s.page?.items ?? []).every((u) => u.role === 'candidate'));
    const items = state.page?.items ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((u) => u.role === 'candidate')).toBe(true);
  });

  it('when an earlier search answers after a later one, the later one’s answer is what stays', async () => {
    const { users } = admin;
    await core.api.signIn('recruiter', { username: 'alphauser' });
    await core.api.signIn('recruiter', { username: 'betauser' });
    const requests = watchRequests((url) => url.searchParams.get('search') === 'alpha');
    users.getState().setQuery({ role: undefined, search: 'alpha' });
    users.getState().setQuery({ search: 'beta' });
    await until(users, (s) => s.status === 'ready' && (s.page?.items ?? []).some((u) => u.username === 'betauser'));
    await requests.release();

    expect(requests.queries('/api/v1/users').map((q) => q.get('search'))).toEqual(['alpha', 'beta']);
    expect(users.getState().query.search).toBe('beta');
    expect(users.getState().page?.items.map((u) => u.username)).toEqual(['betauser']);
  });
});

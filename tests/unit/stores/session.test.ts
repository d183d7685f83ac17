// The session store against the real core: first-run setup, signing in and out through the real
// auth routes, the token kept in storage across a reload, and the ways a session ends on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRONG_CREDENTIALS } from '../../../src/main/core/features/auth/service.js';
import { ApiError } from '../../../src/shared/api/client.js';
import { TEST_PASSWORD } from '../../support/api-harness.js';
import { MemoryStorage, signedIn, startCore, until, type Core } from './support.js';

describe('first run', () => {
  it('asks for the first admin, then creates it and is signed in as that admin', async () => {
    const fresh = await startCore();
    try {
      const { session } = fresh.stores();
      await session.getState().init();
      expect(session.getState().status).toBe('needs-setup');

      await session.getState().setupAdmin({ username: 'firstadmin', email: 'first@example.com', password: TEST_PASSWORD, displayName: 'First Admin' });
      expect(session.getState()).toMatchObject({ status: 'signed-in', user: { username: 'firstadmin', role: 'admin' } });
    } finally {
      await fresh.close();
    }
  });
});

describe('once set up', () => {
  // One core for the rest (RxDB allows one open database per process here): each test signs in a
  // user of its own, and moving the clock on only ends tokens issued before the move.
  let core: Core;
  beforeAll(async () => {
    core = await startCore();
    // Past first-run setup: an admin exists.
    await core.api.signIn('admin');
  });
  afterAll(async () => {
    await core?.close();
  });

  describe('signing in', () => {
    it('signs in with the right password and knows who is signed in', async () => {
      const { user } = await core.api.signIn('recruiter');
      const { session } = core.stores();
      await session.getState().signIn(user.username, TEST_PASSWORD);
      expect(session.getState()).toMatchObject({ status: 'signed-in', error: null, user: { id: user.id, role: 'recruiter' } });
      expect(session.getState().currentToken()).toEqual(expect.any(String));
    });

    it('refuses a wrong password with the core’s message and stores nothing', async () => {
      const { user } = await core.api.signIn('recruiter');
      const storage = new MemoryStorage();
      const { session } = core.stores(storage);
      await session.getState().init();

      const failure = session.getState().signIn(user.username, `${TEST_PASSWORD} but wrong`);
      await expect(failure).rejects.toBeInstanceOf(ApiError);
      await expect(failure).rejects.toThrow(WRONG_CREDENTIALS);
      expect(session.getState()).toMatchObject({ status: 'signed-out', user: null, token: null });
      // A reload after the refusal is still signed out.
      const reloaded = core.stores(storage).session;
      await reloaded.getState().init();
      expect(reloaded.getState().status).toBe('signed-out');
    });
  });

  describe('a session across reloads', () => {
    it('is still signed in, as the same user, after the app starts again over the same storage', async () => {
      const storage = new MemoryStorage();
      const first = await signedIn(core, 'recruiter', storage);
      const user = first.session.getState().user;

      const { session, jobs } = core.stores(storage);
      await session.getState().init();
      expect(session.getState()).toMatchObject({ status: 'signed-in', user: { id: user?.id }, notice: null });
      // The restored token is one the core accepts.
      await jobs.getState().load();
      expect(jobs.getState()).toMatchObject({ status: 'ready', error: null });
    });

    it('signing out forgets the session, so the next start is signed out with nothing to explain', async () => {
      const storage = new MemoryStorage();
      const { session } = await signedIn(core, 'recruiter', storage);
      const token = session.getState().token;
      await session.getState().signOut();
      expect(session.getState()).toMatchObject({ status: 'signed-out', user: null, token: null, notice: null });

      const reloaded = core.stores(storage).session;
      await reloaded.getState().init();
      expect(reloaded.getState()).toMatchObject({ status: 'signed-out', notice: null });
      // The core was told: the old token is refused.
      expect((await core.api.as(token ?? '', { method: 'GET', url: '/api/v1/users/me' })).statusCode).toBe(401);
    });

    it('a stored token that has run out by the next start signs out and says the session expired', async () => {
      const storage = new MemoryStorage();
      const { session } = await signedIn(core, 'recruiter', storage);
      core.api.clock.advance(session.getState().expiresAt - core.api.clock.now() + 1000);

      const reloaded = core.stores(storage).session;
      await reloaded.getState().init();
      expect(reloaded.getState().status).toBe('signed-out');
      expect(reloaded.getState().notice).toMatch(/expired/);
    });

    it('a stored token the core no longer accepts signs out at the next start and says why', async () => {
      const storage = new MemoryStorage();
      const { session } = await signedIn(core, 'recruiter', storage);
      // Revoked elsewhere (signing out on another device ends every token of the user).
      const elsewhere = core.stores();
      await elsewhere.session.getState().signIn(session.getState().user?.username ?? '', TEST_PASSWORD);
      await elsewhere.session.getState().signOut();

      const reloaded = core.stores(storage).session;
      await reloaded.getState().init();
      expect(reloaded.getState()).toMatchObject({ status: 'signed-out', user: null, token: null, error: null });
      expect(reloaded.getState().notice).toEqual(expect.any(String));
      expect(storage.getItem('recruiting-desk.session')).toBeNull();
    });
  });

  describe('a session that ends while the app is open', () => {
    it('signs out with a notice when the token runs out, at the next request', async () => {
      const { session, jobs } = await signedIn(core, 'recruiter');
      core.api.clock.advance(session.getState().expiresAt - core.api.clock.now() + 1000);
      expect(session.getState().currentToken()).toBeNull();

      await jobs.getState().load();
      const ended = await until(session, (s) => s.status === 'signed-out');
      expect(ended.notice).toMatch(/expired/);
      expect(jobs.getState().status).toBe('error');
    });

    it('signs out with a notice when the core refuses a token revoked on another device', async () => {
      const storage = new MemoryStorage();
      const here = await signedIn(core, 'recruiter', storage);
      const user = here.session.getState().user;
      // The same user on a second device signs out there, which revokes every token of the user.
      const elsewhere = core.stores();
      await elsewhere.session.getState().signIn(user?.username ?? '', TEST_PASSWORD);
      await elsewhere.session.getState().signOut();

      await here.jobs.getState().load();
      const ended = await until(here.session, (s) => s.status === 'signed-out');
      expect(ended.notice).toMatch(/ended elsewhere/);
      expect(storage.getItem('recruiting-desk.session')).toBeNull();
    });
  });
});

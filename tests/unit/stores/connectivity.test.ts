// The connectivity and session stores as the core stops and comes back: a request that cannot
// reach the core marks it unreachable, the event stream drops to reconnecting, and once the core
// answers again the health check and the stream both say so; a start while it is away keeps the
// stored session for when it is back.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Health } from '../../../src/shared/api/client.js';
import { startLoopbackSwitch, type LoopbackSwitch } from './loopback-switch.js';
import { TEST_PASSWORD } from '../../support/api-harness.js';
import { MemoryStorage, openStream, startCore, until, type Core } from './support.js';

let core: Core;
let line: LoopbackSwitch;
beforeAll(async () => {
  core = await startCore();
  // Past first-run setup, so a start with a stored session goes on to sign in.
  await core.api.signIn('admin');
});
afterAll(async () => {
  await core?.close();
});
// A switch of its own per test, so one test's stopped core is not the next one's.
beforeEach(async () => {
  line = await startLoopbackSwitch(core.baseUrl);
});
afterEach(async () => {
  await line?.close();
});

/** Stores that reach the core only through the switch, signed in as a new recruiter. */
async function storesBehindSwitch() {
  const { user } = await core.api.signIn('recruiter');
  const stores = core.stores(new MemoryStorage(), line.url);
  await stores.session.getState().signIn(user.username, TEST_PASSWORD);
  return stores;
}

describe('the core stopping and coming back', () => {
  it('reports the core reachable with its version while it answers', async () => {
    const { connectivity } = await storesBehindSwitch();
    await connectivity.getState().checkCore();
    const health = (await core.api.app.inject({ method: 'GET', url: '/health' })).json<Health>();
    expect(connectivity.getState()).toMatchObject({ coreReachable: true, version: health.version, online: true });
  });

  it('a request that cannot reach the core marks it unreachable, and the next health check after it is back clears that', async () => {
    const { connectivity, jobs } = await storesBehindSwitch();
    await line.off();
    await jobs.getState().load();
    expect(jobs.getState().status).toBe('error');
    expect(connectivity.getState().coreReachable).toBe(false);
    await connectivity.getState().checkCore();
    expect(connectivity.getState().coreReachable).toBe(false);

    await line.on();
    await connectivity.getState().checkCore();
    expect(connectivity.getState().coreReachable).toBe(true);
    await jobs.getState().load();
    expect(jobs.getState()).toMatchObject({ status: 'ready', error: null });
  });

  it('the event stream drops to reconnecting while the core is away and opens again when it is back', async () => {
    const stores = await storesBehindSwitch();
    await openStream(stores);
    await line.off();
    await until(stores.connectivity, (s) => s.stream === 'connecting');
    await line.on();
    await until(stores.connectivity, (s) => s.stream === 'open');
    stores.stream.stop();
    expect(stores.connectivity.getState().stream).toBe('closed');
  });

  it('the stream of a session the core no longer accepts stops as unauthorized instead of retrying', async () => {
    const stores = await storesBehindSwitch();
    await openStream(stores);
    // Signing out elsewhere revokes the token; the open stream is not cut, so drop it to make it reconnect.
    const other = core.stores(new MemoryStorage(), line.url);
    await other.session.getState().signIn(stores.session.getState().user?.username ?? '', TEST_PASSWORD);
    await other.session.getState().signOut();
    await line.off();
    await line.on();
    await until(stores.connectivity, (s) => s.stream === 'unauthorized');
  });

  it('an app that starts while the core is away says it is unreachable, and signs in to the stored session once it is back', async () => {
    const storage = new MemoryStorage();
    const { user } = await core.api.signIn('recruiter');
    const first = core.stores(storage, line.url);
    await first.session.getState().signIn(user.username, TEST_PASSWORD);

    await line.off();
    const { session } = core.stores(storage, line.url);
    await session.getState().init();
    expect(session.getState()).toMatchObject({ status: 'unreachable', error: expect.any(String) });
    // The stored session is kept for when the core is back.
    expect(storage.getItem('recruiting-desk.session')).not.toBeNull();

    await line.on();
    await session.getState().init();
    expect(session.getState()).toMatchObject({ status: 'signed-in', error: null, user: { id: user.id } });
  });

  it('signing out while the core is away still signs out here', async () => {
    const storage = new MemoryStorage();
    const { user } = await core.api.signIn('recruiter');
    const { session } = core.stores(storage, line.url);
    await session.getState().signIn(user.username, TEST_PASSWORD);
    await line.off();
    await session.getState().signOut();
    expect(session.getState()).toMatchObject({ status: 'signed-out', token: null, user: null });
    expect(storage.getItem('recruiting-desk.session')).toBeNull();
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LAUNCH_TOKEN_HEADER, startCore, type Core } from '../../../src/main/core/app.js';
import { FakeClock } from '../../../src/main/core/clock.js';
import { loadConfig } from '../../../src/main/core/config.js';
import { silentLog } from '../../../src/main/core/log.js';
import { claimSingleInstance, installGracefulQuit } from '../../../src/main/shell/lifecycle.js';
import { secureWebPreferences } from '../../../src/main/shell/window.js';
import { FakeApp, FakeWindow } from './fake-electron.js';

function windowOptions() {
  return { width: 800, height: 600, minWidth: 1, minHeight: 1, show: false, title: 't', backgroundColor: '#000', webPreferences: secureWebPreferences('/p.cjs') };
}

async function startTestCore(launchToken?: string): Promise<Core> {
  const dir = mkdtempSync(join(tmpdir(), 'shell-core-'));
  const config = loadConfig({ APP_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test', WORKER_POOL_SIZE: '1' }, dir);
  return startCore({ config, log: silentLog, ...(launchToken ? { launchToken } : {}) });
}

describe('the single-instance lock', () => {
  it('a second instance gives up, so it can quit', () => {
    const app = new FakeApp();
    app.lockAvailable = false;
    expect(claimSingleInstance(app, () => undefined)).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('a second launch restores and focuses the first instance’s window', () => {
    const app = new FakeApp();
    const win = new FakeWindow(windowOptions());
    win.minimized = true;
    expect(claimSingleInstance(app, () => win)).toBe(true);
    app.emit('second-instance');
    expect(win).toMatchObject({ minimized: false, shown: true, focused: true });
  });
});

describe('the graceful quit', () => {
  it('holds the quit until the core has stopped, then quits once', async () => {
    const app = new FakeApp();
    let finishStop = () => {};
    const stopping = new Promise<void>((resolve) => (finishStop = resolve));
    let stops = 0;
    const quit = installGracefulQuit({ app, stopCore: () => (stops++, stopping), clock: new FakeClock(), backstopMs: 45_000, onError: () => {} });
    app.quit();
    app.quit();
    expect(app.ended).toBe(false);
    expect(quit.phase()).toBe('stopping');
    finishStop();
    await app.whenEnded;
    expect(stops).toBe(1);
    expect(quit.phase()).toBe('stopped');
    expect(app).toMatchObject({ quits: 3, exitCode: 0 });
  });

  it('exits with an error when the core does not stop within the backstop', () => {
    const app = new FakeApp();
    const clock = new FakeClock();
    const errors: unknown[] = [];
    installGracefulQuit({ app, stopCore: () => new Promise<void>(() => {}), clock, backstopMs: 45_000, onError: (e) => errors.push(e) });
    app.quit();
    clock.advance(44_999);
    expect(app.ended).toBe(false);
    clock.advance(1);
    expect(app.exitCode).toBe(1);
    expect(String(errors[0])).toMatch(/did not stop within 45000 ms/);
  });
});

describe('quitting with the real core', () => {
  let core: Core | undefined;
  afterEach(async () => {
    await core?.stop();
    core = undefined;
  });

  it('lets a running task finish before the app quits', async () => {
    core = await startTestCore();
    const running = core;
    let release = () => {};
    const started = new Promise<void>((resolve) => {
      running.queue.register('test.slow-import', async () => {
        resolve();
        await new Promise<void>((done) => (release = done));
        return { imported: 10 };
      });
    });
    const task = await running.queue.enqueue({ type: 'test.slow-import' });
    await started;

    const app = new FakeApp();
    installGracefulQuit({ app, stopCore: () => running.stop({ drain: true }), clock: new FakeClock(), backstopMs: 45_000, onError: () => {} });
    app.quit();
    expect(app.ended).toBe(false);
    release();
    await app.whenEnded;
    expect(app.exitCode).toBe(0);
    // The database is closed now; the task's final state was written before it closed.
    const reopened = await startTestCoreAt(running.config.appDataDir);
    core = reopened;
    await expect(reopened.queue.get(task.id)).resolves.toMatchObject({ status: 'succeeded' });
  });
});

async function startTestCoreAt(dir: string): Promise<Core> {
  const config = loadConfig({ APP_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test', WORKER_POOL_SIZE: '1' }, dir);
  return startCore({ config, log: silentLog });
}

describe('the per-launch token', () => {
  let core: Core | undefined;
  afterEach(async () => {
    await core?.stop();
    core = undefined;
  });

  it('a core started by the shell answers only requests carrying its launch token (and /health to anyone)', async () => {
    core = await startTestCore('launch-123');
    const origin = await core.listen();
    const withToken = { [LAUNCH_TOKEN_HEADER]: 'launch-123' };
    expect((await fetch(`${origin}/health`)).status).toBe(200);
    const refused = await fetch(`${origin}/api/v1/setup/status`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await fetch(`${origin}/api/v1/setup/status`, { headers: { [LAUNCH_TOKEN_HEADER]: 'launch-124' } })).status).toBe(403);
    expect((await fetch(`${origin}/api/v1/setup/status`, { headers: withToken })).status).toBe(200);
    // The token opens the door, not the account: the JWT is still required behind it.
    expect((await fetch(`${origin}/api/v1/users/me`, { headers: withToken })).status).toBe(401);
  });

  it('a core started without a token (headless) does not ask for one', async () => {
    core = await startTestCore();
    const origin = await core.listen();
    expect((await fetch(`${origin}/api/v1/setup/status`)).status).toBe(200);
  });
});

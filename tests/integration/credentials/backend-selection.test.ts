// How the store picks where secrets live: the keychain when its probe succeeds, the file when the
// probe rejects or never answers — including with the real keytar against a missing or silent D-Bus.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/main/core/clock.js';
import { createCredentialStore, DEFAULT_PROBE_TIMEOUT_MS } from '../../../src/main/core/credentials/credential-store.js';
import { memoryKeychain } from '../../../src/main/core/credentials/keychain.js';
import type { SecretBackend } from '../../../src/main/core/credentials/secret-backend.js';
import { capturedLog, tempFolders } from './fixtures.js';

const temp = tempFolders();
const appDataDir = temp.appDataDir;
afterAll(temp.removeAll);

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('choosing the backend', () => {
  it('keeps secrets in a keychain whose probe succeeds, writes no file and gives no warning', async () => {
    const captured = capturedLog();
    const dir = appDataDir();
    const store = await createCredentialStore({ env: {}, appDataDir: dir, log: captured.log, keychain: memoryKeychain() });
    await store.set('SYNC_TOKEN', 'device-token');

    expect(await store.get('SYNC_TOKEN')).toBe('device-token');
    expect(await store.describe()).toEqual({ backend: 'keychain', names: ['SYNC_TOKEN'], fromEnvironment: [] });
    expect(readdirSync(join(dir, '..'))).toEqual([]);
    expect(captured.lines().filter((line) => Number(line.level) >= 40)).toEqual([]);
  });

  it('falls back to the file when the keychain probe has not answered after the timeout, and not before', async () => {
    const clock = new FakeClock();
    const silent: SecretBackend = { ...memoryKeychain(), probe: () => new Promise<void>(() => undefined) };
    const captured = capturedLog();
    let settled = false;
    const pending = createCredentialStore({ env: {}, appDataDir: appDataDir(), log: captured.log, keychain: silent, clock });
    void pending.then(() => (settled = true));

    clock.advance(DEFAULT_PROBE_TIMEOUT_MS - 1);
    await Promise.resolve();
    expect(settled).toBe(false);
    clock.advance(1);

    await expect((await pending).describe()).resolves.toMatchObject({ backend: 'file' });
    expect(captured.lines().find((line) => line.level === 40)).toMatchObject({
      reason: `the OS keychain did not answer within ${DEFAULT_PROBE_TIMEOUT_MS} ms`,
    });
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps the value out of the error even when the keychain’s own message repeats it', async () => {
    const echoing: SecretBackend = {
      ...memoryKeychain(),
      set: (_name, value) => Promise.reject(new Error(`refused to store "${value}"`)),
    };
    const store = await createCredentialStore({ env: {}, appDataDir: appDataDir(), log: capturedLog().log, keychain: echoing });

    await expect(store.set('ZOOM_CLIENT_SECRET', 'zoom-s3cret')).rejects.toThrow(
      'could not store ZOOM_CLIENT_SECRET in the OS keychain: refused to store "[redacted]"',
    );
  });
});

// The real keytar in a child process, since D-Bus is found through the process environment.
const onLinux = process.platform === 'linux';
if (!onLinux) console.warn(`real-keytar fallback tests skipped: they simulate Linux D-Bus, this is ${process.platform}`);

describe.skipIf(!onLinux)('choosing the backend with the real keytar', () => {
  let silentBus: Server | undefined;
  afterEach(() => {
    silentBus?.close();
    silentBus = undefined;
  });

  /** Starts a store in a child process and reports the backend it chose and the warning's reason. */
  async function storeInChild(dbusAddress: string | undefined): Promise<{ backend: string; reason: string; ms: number }> {
    const script = `
      import { createCredentialStore } from './src/main/core/credentials/credential-store.ts';
      import { createLog } from './src/main/core/log.ts';
      const started = Date.now();
      const store = await createCredentialStore({
        env: {}, appDataDir: ${JSON.stringify(appDataDir())}, log: createLog('warn', process.stderr), probeTimeoutMs: 1000,
      });
      console.log(JSON.stringify({ backend: (await store.describe()).backend, ms: Date.now() - started }));
    `;
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: dbusAddress };
    if (dbusAddress === undefined) delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('\n')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`child exited (${code}) before answering: ${stderr}`)));
      });
    } finally {
      // A keytar call that hangs keeps a thread-pool thread, and Node waits for it even in
      // process.exit(): only a kill ends such a process.
      child.kill('SIGKILL');
    }
    const warning = JSON.parse(stderr.trim().split('\n').at(-1) ?? '{}') as { reason?: string };
    return { ...(JSON.parse(stdout) as { backend: string; ms: number }), reason: warning.reason ?? '' };
  }

  it('falls back to the file when there is no D-Bus session at all', async () => {
    const result = await storeInChild(undefined);
    expect(result.backend).toBe('file');
    expect(result.reason).toMatch(/D-Bus/);
  });

  it('falls back to the file within the timeout when D-Bus accepts connections but never answers', async () => {
    const socket = join(appDataDir(), '..', 'bus');
    silentBus = createServer((connection) => connection.resume());
    await new Promise<void>((resolve) => silentBus?.listen(socket, resolve));

    const result = await storeInChild(`unix:path=${socket}`);
    expect(result).toMatchObject({ backend: 'file', reason: 'the OS keychain did not answer within 1000 ms' });
    expect(result.ms).toBeLessThan(10_000);
  });
});

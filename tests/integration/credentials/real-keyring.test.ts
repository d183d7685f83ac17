// The store against a real Secret Service through the real keytar. Runs only inside the throwaway
// keyring of tests/support/with-keyring.sh (never against a developer's own keyring); there, a
// keyring that does not answer is a failure, not a skip. Values are checked with secret-tool
// (libsecret-tools), a second client of the same keyring, so "it went to the keyring" is not
// keytar's word alone.
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCredentialStore } from '../../../src/main/core/credentials/credential-store.js';
import { KEYCHAIN_SERVICE, loadKeychain, type Keytar } from '../../../src/main/core/credentials/keychain.js';
import type { SecretName } from '../../../src/main/core/credentials/secret-names.js';
import { capturedLog, tempFolders } from './fixtures.js';

const temp = tempFolders();
const appDataDir = temp.appDataDir;
afterAll(temp.removeAll);

const run = promisify(execFile);

const skipReason =
  process.env.DBUS_SESSION_BUS_ADDRESS === undefined
    ? 'no D-Bus session; run under tests/support/with-keyring.sh to test the real keyring'
    : process.env.RECRUITING_DESK_THROWAWAY_KEYRING !== '1'
      ? 'this D-Bus session is not the throwaway keyring of tests/support/with-keyring.sh, and these tests will not write to your own keyring'
      : undefined;
if (skipReason) console.warn(`real keyring tests skipped: ${skipReason}`);

function hasSecretTool(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v secret-tool'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A second, independent way into the keyring: secret-tool when installed, else keytar's raw API. */
async function keyringClient() {
  if (hasSecretTool()) {
    return {
      async lookup(service: string, account: string): Promise<string | null> {
        // secret-tool exits 1 with no output when nothing matches.
        const found = await run('secret-tool', ['lookup', 'service', service, 'account', account]).catch(() => undefined);
        return found ? found.stdout : null;
      },
      async store(service: string, account: string, value: string): Promise<void> {
        // keytar looks items up by its schema name too, which secret-tool only records when asked.
        const attributes = ['xdg:schema', 'org.freedesktop.Secret.Generic', 'service', service, 'account', account];
        execFileSync('secret-tool', ['store', '--label', `${service} ${account}`, ...attributes], { input: value });
      },
      async accounts(service: string): Promise<string[]> {
        const { stdout, stderr } = await run('secret-tool', ['search', '--all', 'service', service]);
        return [...`${stdout}\n${stderr}`.matchAll(/^attribute\.account = (.*)$/gm)].map((match) => match[1] ?? '');
      },
    };
  }
  console.warn('secret-tool (libsecret-tools) is not installed: checking the keyring through keytar itself');
  const loaded = await import('keytar');
  const keytar = (loaded as { default?: Keytar & Pick<typeof loaded, 'findCredentials'> }).default ?? loaded;
  return {
    lookup: (service: string, account: string) => keytar.getPassword(service, account),
    store: (service: string, account: string, value: string) => keytar.setPassword(service, account, value),
    accounts: async (service: string) => (await keytar.findCredentials(service)).map((entry) => entry.account),
  };
}

describe.skipIf(skipReason !== undefined)('the credential store on a real keyring', () => {
  const used: SecretName[] = ['GOOGLE_SERVICE_ACCOUNT_INFO', 'ZOOM_CLIENT_SECRET', 'MAIL_PASSWORD'];
  afterEach(async () => {
    const keychain = await loadKeychain();
    for (const name of used) await keychain.delete(name);
  });

  it('stores a secret in the keyring under service recruiting-desk and account = its name, and deletes it there', async () => {
    const keyring = await keyringClient();
    const captured = capturedLog();
    const dir = appDataDir();
    const store = await createCredentialStore({ env: {}, appDataDir: dir, log: captured.log });
    const serviceAccount = JSON.stringify({ type: 'service_account', private_key: '-----BEGIN KEY-----\nabc\n-----END KEY-----\n' });

    await store.set('GOOGLE_SERVICE_ACCOUNT_INFO', serviceAccount);
    expect(KEYCHAIN_SERVICE).toBe('recruiting-desk');
    expect(await keyring.lookup('recruiting-desk', 'GOOGLE_SERVICE_ACCOUNT_INFO')).toBe(serviceAccount);
    expect(await store.get('GOOGLE_SERVICE_ACCOUNT_INFO')).toBe(serviceAccount);
    expect(await store.describe()).toMatchObject({ backend: 'keychain' });

    await store.delete('GOOGLE_SERVICE_ACCOUNT_INFO');
    expect(await keyring.lookup('recruiting-desk', 'GOOGLE_SERVICE_ACCOUNT_INFO')).toBeNull();
    expect(await store.get('GOOGLE_SERVICE_ACCOUNT_INFO')).toBeUndefined();

    expect(readdirSync(join(dir, '..'))).toEqual([]);
    expect(captured.text()).not.toContain('BEGIN KEY');
    expect(captured.lines().filter((line) => Number(line.level) >= 40)).toEqual([]);
  });

  it('reads a secret another program put in the keyring', async () => {
    const keyring = await keyringClient();
    await keyring.store('recruiting-desk', 'ZOOM_CLIENT_SECRET', 'zoom-from-elsewhere');
    const store = await createCredentialStore({ env: {}, appDataDir: appDataDir(), log: capturedLog().log });

    expect(await store.get('ZOOM_CLIENT_SECRET')).toBe('zoom-from-elsewhere');
    expect(await store.has('ZOOM_CLIENT_SECRET')).toBe(true);
  });

  it('still answers with the environment variable over the keyring, while storing the new value there', async () => {
    const keyring = await keyringClient();
    const store = await createCredentialStore({ env: { MAIL_PASSWORD: 'from-env' }, appDataDir: appDataDir(), log: capturedLog().log });
    await store.set('MAIL_PASSWORD', 'in-keyring');

    expect(await store.get('MAIL_PASSWORD')).toBe('from-env');
    expect(await keyring.lookup('recruiting-desk', 'MAIL_PASSWORD')).toBe('in-keyring');
  });

  it('leaves nothing behind in the keyring when it probes it', async () => {
    const keyring = await keyringClient();
    // A service of its own, so entries of other test files running at the same time do not mix in.
    const service = `${KEYCHAIN_SERVICE}.probe-test`;
    await (await loadKeychain(service)).probe();
    expect(await keyring.accounts(service)).toEqual([]);
  });
});

// The file fallback, forced by a keychain that rejects the way keytar does without D-Bus, so these
// tests take the same path whether or not the run happens inside a real keyring.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCredentialStore, type CredentialStore } from '../../../src/main/core/credentials/credential-store.js';
import { SECRETS_FILE } from '../../../src/main/core/credentials/file-secrets.js';
import { unavailableKeychain } from '../../../src/main/core/credentials/keychain.js';
import { SECRET_NAMES } from '../../../src/main/core/credentials/secret-names.js';
import { UnavailableError, ValidationError } from '../../../src/main/core/errors.js';
import { capturedLog, tempFolders } from './fixtures.js';

const temp = tempFolders();
const appDataDir = temp.appDataDir;
afterAll(temp.removeAll);

const NO_DBUS = 'Cannot autolaunch D-Bus without X11 $DISPLAY';

function fileStore(dir: string, env: Record<string, string> = {}, log = capturedLog().log): Promise<CredentialStore> {
  return createCredentialStore({ env, appDataDir: dir, log, keychain: unavailableKeychain(NO_DBUS) });
}

const mode = (path: string) => statSync(path).mode & 0o777;
const readSecretsFile = (dir: string) => JSON.parse(readFileSync(join(dir, SECRETS_FILE), 'utf8')) as Record<string, string>;

describe('the credential store without a keychain', () => {
  it('keeps secrets in secrets.json, created 0600 inside a folder created 0700', async () => {
    const dir = appDataDir();
    const store = await fileStore(dir);
    await store.set('OPENAI_API_KEY', 'sk-test-123');

    expect(await store.get('OPENAI_API_KEY')).toBe('sk-test-123');
    expect(await store.has('OPENAI_API_KEY')).toBe(true);
    expect(readSecretsFile(dir)).toEqual({ OPENAI_API_KEY: 'sk-test-123' });
    expect(mode(join(dir, SECRETS_FILE))).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
    expect(await store.describe()).toEqual({ backend: 'file', names: ['OPENAI_API_KEY'], fromEnvironment: [] });
  });

  it('reads back, after a restart, every value stored before it, including multi-line JSON', async () => {
    const dir = appDataDir();
    const serviceAccount = JSON.stringify({ type: 'service_account', private_key: '-----BEGIN KEY-----\nabc\n-----END KEY-----\n' }, null, 2);
    const first = await fileStore(dir);
    await first.set('GOOGLE_SERVICE_ACCOUNT_INFO', serviceAccount);
    await first.set('MAIL_PASSWORD', 'pä$$ wörd "quoted"');

    const second = await fileStore(dir);
    expect(await second.get('GOOGLE_SERVICE_ACCOUNT_INFO')).toBe(serviceAccount);
    expect(await second.get('MAIL_PASSWORD')).toBe('pä$$ wörd "quoted"');
  });

  it('forgets a deleted secret, and deleting one that was never set is not an error', async () => {
    const dir = appDataDir();
    const store = await fileStore(dir);
    await store.set('ZOOM_CLIENT_SECRET', 'zoom-secret');
    await store.set('ZOOM_CLIENT_ID', 'zoom-id');
    await store.delete('ZOOM_CLIENT_SECRET');
    await store.delete('SYNC_TOKEN');

    expect(await store.get('ZOOM_CLIENT_SECRET')).toBeUndefined();
    expect(await store.has('ZOOM_CLIENT_SECRET')).toBe(false);
    expect(readSecretsFile(dir)).toEqual({ ZOOM_CLIENT_ID: 'zoom-id' });
  });

  it('replaces the file by renaming a new one over it, never rewriting it in place, and leaves no temp file', async () => {
    const dir = appDataDir();
    const store = await fileStore(dir);
    await store.set('SECRET_KEY', 'first');
    const before = statSync(join(dir, SECRETS_FILE)).ino;
    await store.set('SECRET_KEY', 'second');

    expect(statSync(join(dir, SECRETS_FILE)).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual([SECRETS_FILE]);
    expect(mode(join(dir, SECRETS_FILE))).toBe(0o600);
  });

  it('loses none of many writes made at once', async () => {
    const dir = appDataDir();
    const store = await fileStore(dir);
    await Promise.all(SECRET_NAMES.map((name) => store.set(name, `value of ${name}`)));

    expect(readSecretsFile(dir)).toEqual(Object.fromEntries(SECRET_NAMES.map((name) => [name, `value of ${name}`])));
    expect(readdirSync(dir)).toEqual([SECRETS_FILE]);
  });

  it('ignores a half-written temp file left by a crash and reads the last complete secrets.json', async () => {
    const dir = appDataDir();
    const store = await fileStore(dir);
    await store.set('SYNC_TOKEN', 'complete');
    writeFileSync(join(dir, `.${SECRETS_FILE}.crashed.tmp`), '{"SYNC_TOKEN": "half');

    expect(await (await fileStore(dir)).get('SYNC_TOKEN')).toBe('complete');
  });

  it('answers with the environment variable over the stored value; set still stores, for when the variable is gone', async () => {
    const dir = appDataDir();
    const withEnv = await fileStore(dir, { OPENAI_API_KEY: 'from-env', GOOGLE_API_KEY: '' });
    await withEnv.set('OPENAI_API_KEY', 'stored');
    await withEnv.set('GOOGLE_API_KEY', 'stored-google');

    expect(await withEnv.get('OPENAI_API_KEY')).toBe('from-env');
    // An empty variable (`GOOGLE_API_KEY=` in .env) means "not set", not "set to nothing".
    expect(await withEnv.get('GOOGLE_API_KEY')).toBe('stored-google');
    expect(await withEnv.describe()).toEqual({
      backend: 'file',
      names: ['OPENAI_API_KEY', 'GOOGLE_API_KEY'],
      fromEnvironment: ['OPENAI_API_KEY'],
    });

    await withEnv.delete('OPENAI_API_KEY');
    expect(await withEnv.get('OPENAI_API_KEY')).toBe('from-env');

    const envOnly = await fileStore(appDataDir(), { SECRET_KEY: 'env-only' });
    expect(await envOnly.has('SECRET_KEY')).toBe(true);
    expect(await envOnly.describe()).toMatchObject({ names: ['SECRET_KEY'], fromEnvironment: ['SECRET_KEY'] });
  });

  it('does not let the environment hide a stored value for good: without the variable the stored one returns', async () => {
    const dir = appDataDir();
    await (await fileStore(dir, { OPENAI_API_KEY: 'from-env' })).set('OPENAI_API_KEY', 'stored');
    expect(await (await fileStore(dir)).get('OPENAI_API_KEY')).toBe('stored');
  });

  it('rejects a name outside the allow-list with a ValidationError and writes nothing', async () => {
    const dir = appDataDir();
    const store = await fileStore(dir, { PATH: '/usr/bin' });

    await expect(store.set('DATABASE_PASSWORD', 'x')).rejects.toThrow(ValidationError);
    await expect(store.get('PATH')).rejects.toThrow(/unknown secret name "PATH"/);
    await expect(store.has('openai_api_key')).rejects.toThrow(ValidationError);
    await expect(store.delete('__proto__')).rejects.toThrow(ValidationError);
    expect(readdirSync(join(dir, '..'))).toEqual([]);
  });

  it('rejects an empty value: delete is how a secret is removed', async () => {
    const store = await fileStore(appDataDir());
    await expect(store.set('SECRET_KEY', '')).rejects.toThrow(/SECRET_KEY needs a non-empty/);
  });

  it('warns once, at start, that secrets are in a file, and never logs a value', async () => {
    const captured = capturedLog();
    const dir = appDataDir();
    const store = await fileStore(dir, { SECRET_KEY: 'env-secret-value' }, captured.log);
    await store.set('OPENAI_API_KEY', 'sk-never-logged');
    await store.set('SECRET_KEY', 'shadowed-never-logged');
    await store.get('OPENAI_API_KEY');
    await store.describe();
    await store.delete('OPENAI_API_KEY');

    const warnings = captured.lines().filter((line) => line.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ backend: 'file', path: join(dir, SECRETS_FILE), reason: NO_DBUS });
    expect(String(warnings[0]?.msg)).toMatch(/secrets are kept in a file/);
    expect(captured.lines().filter((line) => line.msg === 'secret stored')).toHaveLength(2);
    for (const value of ['env-secret-value', 'sk-never-logged', 'shadowed-never-logged']) {
      expect(captured.text()).not.toContain(value);
    }
  });

  it('names the secret, never its value, when the file cannot be written', async () => {
    const parent = join(appDataDir(), '..');
    writeFileSync(join(parent, 'not-a-folder'), '');
    const store = await fileStore(join(parent, 'not-a-folder', 'app-data'));

    const failure = await store.set('MAIL_PASSWORD', 'hunter2-smtp').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(UnavailableError);
    expect((failure as Error).message).toMatch(/could not store MAIL_PASSWORD in the secrets file/);
    expect(JSON.stringify({ message: (failure as Error).message, details: (failure as UnavailableError).details })).not.toContain('hunter2-smtp');
  });

  it('refuses a corrupt secrets.json without quoting its contents', async () => {
    const dir = appDataDir();
    const store = await fileStore(dir);
    await store.set('SYNC_TOKEN', 'ok');
    writeFileSync(join(dir, SECRETS_FILE), '{"SYNC_TOKEN": "tok-leaked-if-quoted', { mode: 0o600 });

    const failure = await store.get('SYNC_TOKEN').then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure).toBeInstanceOf(UnavailableError);
    expect(failure?.message).toMatch(/is not valid JSON/);
    expect(failure?.message).not.toContain('tok-leaked');
  });
});

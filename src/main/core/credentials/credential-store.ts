// The one way the app reads and writes secrets (API keys, SMTP password, Zoom and Google
// credentials, the sync token). A value comes from the environment if set there, else from the OS
// keychain, else — only when no keychain is usable — from a 0600 file. Values never reach logs or
// error messages; the database only ever learns *that* a secret is set, through `describe()`.
import { systemClock, type Clock } from '../clock.js';
import { DomainError, UnavailableError, ValidationError } from '../errors.js';
import type { Log } from '../log.js';
import { fileSecrets } from './file-secrets.js';
import { loadKeychain } from './keychain.js';
import type { SecretBackend } from './secret-backend.js';
import { isSecretName, SECRET_NAMES, type SecretName } from './secret-names.js';

export type CredentialBackendKind = 'keychain' | 'file';

export interface CredentialDescription {
  backend: CredentialBackendKind;
  /** Every secret `get` would return a value for, from wherever. */
  names: SecretName[];
  /** The subset set by environment variables: these win over anything stored. */
  fromEnvironment: SecretName[];
}

export interface CredentialStore {
  /** The value, or undefined when the secret is set nowhere. */
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  has(name: string): Promise<boolean>;
  /** Which backend holds secrets and which names are set: names only, never values. */
  describe(): Promise<CredentialDescription>;
}

export interface CredentialStoreOptions {
  /** The environment as read by the config loader (`config.env`). */
  env: Readonly<Record<string, string>>;
  appDataDir: string;
  log: Log;
  /** The OS keychain; keytar unless given (tests give the platform's test version). */
  keychain?: SecretBackend;
  clock?: Clock;
  /** keytar can hang for good when D-Bus is there but no secret service answers. */
  probeTimeoutMs?: number;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 3_000;

export async function createCredentialStore(options: CredentialStoreOptions): Promise<CredentialStore> {
  const { env, appDataDir, log, clock = systemClock, probeTimeoutMs = DEFAULT_PROBE_TIMEOUT_MS } = options;
  const keychain = options.keychain ?? (await loadKeychain());

  const { kind, backend } = await chooseBackend(keychain, appDataDir, log, () => withTimeout(keychain.probe(), probeTimeoutMs, clock));

  // Environment variables win, as they did in the seed's .env setup: they are how a deployment
  // (CI, a headless box, a container) pins a value from outside. An empty variable counts as unset.
  const fromEnv = (name: SecretName): string | undefined => env[name] || undefined;

  async function fromBackend<T>(action: string, name: SecretName, value: string | undefined, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const where = kind === 'file' ? 'secrets file' : 'OS keychain';
      const reason = scrub(messageOf(error), value);
      throw new UnavailableError(`could not ${action} ${name} in the ${where}: ${reason}`, { name, backend: kind });
    }
  }

  async function get(name: string): Promise<string | undefined> {
    const secret = checkName(name);
    return fromEnv(secret) ?? (await fromBackend('read', secret, undefined, () => backend.get(secret))) ?? undefined;
  }

  return {
    get,
    async set(name, value) {
      const secret = checkName(name);
      if (typeof value !== 'string' || value === '') {
        throw new ValidationError(`${secret} needs a non-empty text value; use delete to remove it`, { name: secret });
      }
      // Stored even when the environment provides the name, so the value is ready the day the
      // variable is dropped; until then `get` keeps answering with the environment's value.
      await fromBackend('store', secret, value, () => backend.set(secret, value));
      log.info({ secretName: secret, backend: kind, shadowedByEnvironment: fromEnv(secret) !== undefined }, 'secret stored');
    },
    async delete(name) {
      const secret = checkName(name);
      await fromBackend('delete', secret, undefined, () => backend.delete(secret));
      log.info({ secretName: secret, backend: kind }, 'secret deleted');
    },
    async has(name) {
      return (await get(name)) !== undefined;
    },
    async describe() {
      const set = await Promise.all(SECRET_NAMES.map(async (name) => ((await get(name)) !== undefined ? name : undefined)));
      return {
        backend: kind,
        names: set.filter((name) => name !== undefined),
        fromEnvironment: SECRET_NAMES.filter((name) => fromEnv(name) !== undefined),
      };
    },
  };
}

/** The keychain if its probe succeeds in time, else the file, with the one warning that says so. */
async function chooseBackend(
  keychain: SecretBackend,
  appDataDir: string,
  log: Log,
  probe: () => Promise<void>,
): Promise<{ kind: CredentialBackendKind; backend: SecretBackend }> {
  try {
    await probe();
    log.info({ backend: 'keychain' }, 'secrets are kept in the OS keychain');
    return { kind: 'keychain', backend: keychain };
  } catch (error) {
    const file = fileSecrets(appDataDir);
    log.warn(
      { backend: 'file', path: file.path, reason: messageOf(error) },
      'the OS keychain is not usable, so secrets are kept in a file readable only by this user',
    );
    return { kind: 'file', backend: file };
  }
}

function checkName(name: string): SecretName {
  if (typeof name === 'string' && isSecretName(name)) return name;
  throw new ValidationError(`unknown secret name "${String(name)}"; expected one of ${SECRET_NAMES.join(', ')}`, { name });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Backend messages are not ours to trust: make sure the value cannot ride along in one. */
function scrub(message: string, value: string | undefined): string {
  return value ? message.replaceAll(value, '[redacted]') : message;
}

function withTimeout<T>(work: Promise<T>, ms: number, clock: Clock): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = clock.setTimer(() => reject(new Error(`the OS keychain did not answer within ${ms} ms`)), ms);
    work.then(
      (result) => {
        cancel();
        resolve(result);
      },
      (error: unknown) => {
        cancel();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

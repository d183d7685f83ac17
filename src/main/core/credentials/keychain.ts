// The OS keychain (macOS Keychain, Windows Credential Manager, libsecret's Secret Service on Linux)
// through keytar, one entry per secret: service 'recruiting-desk', account = the secret's name.
import { randomUUID } from 'node:crypto';
import type * as KeytarModule from 'keytar';
import { APP_NAME } from '../config.js';
import type { SecretBackend } from './secret-backend.js';

export type Keytar = Pick<typeof KeytarModule, 'getPassword' | 'setPassword' | 'deletePassword'>;

export const KEYCHAIN_SERVICE = APP_NAME;

/**
 * Loads keytar and returns the keychain backed by it. keytar is a native module: when it cannot be
 * loaded (missing libsecret, wrong ABI) the result is a keychain that rejects every call, exactly as
 * keytar itself does when there is no D-Bus, so the credential store falls back the same way.
 */
export async function loadKeychain(service: string = KEYCHAIN_SERVICE): Promise<SecretBackend> {
  let keytar: Keytar;
  try {
    const loaded = await import('keytar');
    // keytar is CommonJS: Node's ESM loader hands its exports over as `default`.
    keytar = (loaded as { default?: Keytar }).default ?? loaded;
  } catch (error) {
    return unavailableKeychain(`keytar could not be loaded (${error instanceof Error ? error.message : String(error)})`);
  }
  return keytarKeychain(keytar, service);
}

export function keytarKeychain(keytar: Keytar, service: string): SecretBackend {
  return {
    async probe() {
      // A write, not a read: on a locked libsecret collection lookups quietly answer null and only
      // a write rejects ("Cannot create an item in a locked collection"). Not findCredentials either:
      // keytar 7.9 crashes the whole process (NULL secret) when it searches a locked collection that
      // holds items of the service. A fresh account per probe keeps concurrent probes apart.
      const account = `probe-${randomUUID()}`;
      await keytar.setPassword(service, account, 'probe');
      await keytar.deletePassword(service, account);
    },
    get: (name) => keytar.getPassword(service, name),
    set: (name, value) => keytar.setPassword(service, name, value),
    async delete(name) {
      await keytar.deletePassword(service, name);
    },
  };
}

/** A keychain that is not there: every call rejects with `reason`, as keytar does without D-Bus. */
export function unavailableKeychain(reason: string): SecretBackend {
  const fail = () => Promise.reject(new Error(reason));
  return { probe: fail, get: fail, set: fail, delete: fail };
}

/** The test version of a working keychain: kept in memory, gone with the process. */
export function memoryKeychain(): SecretBackend {
  const entries = new Map<string, string>();
  return {
    probe: () => Promise.resolve(),
    get: (name) => Promise.resolve(entries.get(name) ?? null),
    set: async (name, value) => {
      entries.set(name, value);
    },
    delete: async (name) => {
      entries.delete(name);
    },
  };
}

// Where secret values live (the OS keychain, or the file fallback), behind one small interface so
// the credential store does not care which, and tests can hand in the platform's test version.
import type { SecretName } from './secret-names.js';

export interface SecretBackend {
  /** Resolves when the backend can store and read secrets right now; rejects with the reason if not. */
  probe(): Promise<void>;
  /** The stored value, or null when none is stored. */
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  /** Removes the value; removing one that is not stored is not an error. */
  delete(name: SecretName): Promise<void>;
}

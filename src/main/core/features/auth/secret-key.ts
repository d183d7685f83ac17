// The JWT signing key: SECRET_KEY from the credential store, generated and stored there on first
// run so a new install works with no configuration and the key never touches the database.
import { randomBytes } from 'node:crypto';
import type { CredentialStore } from '../../credentials/credential-store.js';
import type { Log } from '../../log.js';

export async function resolveSecretKey(credentials: CredentialStore, log: Log): Promise<string> {
  const existing = await credentials.get('SECRET_KEY');
  if (existing) return existing;
  const generated = randomBytes(48).toString('base64url');
  await credentials.set('SECRET_KEY', generated);
  log.info('generated a new SECRET_KEY for signing access tokens and stored it in the credential store');
  return generated;
}

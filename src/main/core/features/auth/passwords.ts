// Password hashing with argon2id (the @node-rs/argon2 defaults: argon2id, 19 MiB, 2 passes, the
// OWASP baseline), in PHC string format. `verifyNothing` spends the same time as a real check, so
// a sign-in for a username that does not exist cannot be told apart by how long it takes.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** True when `password` matches `passwordHash`; false for a wrong password or a malformed hash. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Runs a verification that always fails, for the timing of a sign-in with an unknown username. */
  verifyNothing(password: string): Promise<false>;
}

export function createPasswordHasher(): PasswordHasher {
  let dummy: Promise<string> | undefined;
  const check = async (passwordHash: string, password: string): Promise<boolean> => {
    try {
      return await verify(passwordHash, password);
    } catch {
      // A hash that cannot be parsed matches nothing.
      return false;
    }
  };
  return {
    hash: (password) => hash(password),
    verify: check,
    async verifyNothing(password) {
      dummy ??= hash(randomBytes(32).toString('base64url'));
      await check(await dummy, password);
      return false;
    },
  };
}

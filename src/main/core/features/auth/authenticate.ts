// Turns a bearer token into a Principal: the signature and expiry must hold, and the user must
// still exist, be enabled and not have revoked the token (tokenVersion bumped since it was issued).
// Users are kept in a small cache that every write to the users collection clears, so a request
// costs no database read while logout, password change and disabling still take effect at once.
import type { Authenticate } from '../../api/access.js';
import type { AppDatabase } from '../../db/database.js';
import { UnauthorizedError } from '../../errors.js';
import type { User } from '../../../../shared/schemas/user.js';
import type { TokenService } from './tokens.js';

const MAX_CACHED_USERS = 1000;

export function createAuthenticate(db: AppDatabase, tokens: TokenService): Authenticate {
  const cache = new Map<string, User | null>();
  // Counts writes, so a read that raced with a write never caches what it read before the write.
  let writes = 0;
  // Storage change events are emitted when a write commits, before the write resolves.
  const subscription = db.users.$.subscribe((event) => {
    writes++;
    cache.delete(event.documentId);
  });
  db.onClose.push(() => subscription.unsubscribe());

  async function findUser(id: string): Promise<User | null> {
    if (cache.has(id)) return cache.get(id) ?? null;
    const writesBefore = writes;
    const doc = await db.users.findOne(id).exec();
    const user = doc ? doc.toJSON() : null;
    if (writes === writesBefore) {
      if (cache.size >= MAX_CACHED_USERS) cache.clear();
      cache.set(id, user);
    }
    return user;
  }

  return async (token) => {
    const claims = tokens.verify(token);
    const user = await findUser(claims.sub);
    if (!user || user.disabled) throw new UnauthorizedError('This account no longer exists or is disabled.');
    if (user.tokenVersion !== claims.ver) throw new UnauthorizedError('This access token was revoked; sign in again.');
    return {
      userId: user.id,
      username: user.username,
      role: user.role,
      ...(user.candidateId ? { candidateId: user.candidateId } : {}),
      tokenId: claims.jti,
      expiresAt: claims.exp * 1000,
    };
  };
}

// Turns a bearer token into a Principal: the signature and expiry must hold, and the user must
// still exist, be enabled and not have revoked the token (tokenVersion bumped since it was issued).
import type { Authenticate } from '../../api/access.js';
import type { AppDatabase } from '../../db/database.js';
import { UnauthorizedError } from '../../errors.js';
import type { TokenService } from './tokens.js';

export function createAuthenticate(db: AppDatabase, tokens: TokenService): Authenticate {
  return async (token) => {
    const claims = tokens.verify(token);
    const user = await db.users.findOne(claims.sub).exec();
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

// Access tokens: JWTs signed with SECRET_KEY (from the credential store). Expiry is checked against
// the injected clock, and each token carries the user's tokenVersion so that logout and password
// changes revoke every earlier token.
import { randomUUID } from 'node:crypto';
import { createSigner, createVerifier, type Algorithm } from 'fast-jwt';
import type { Clock } from '../../clock.js';
import { UnauthorizedError } from '../../errors.js';
import type { UserRole } from '../../../../shared/schemas/user.js';

export const SUPPORTED_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;
export type TokenAlgorithm = (typeof SUPPORTED_ALGORITHMS)[number];

export interface AccessTokenClaims {
  sub: string;
  role: UserRole;
  /** The user's tokenVersion when the token was issued. */
  ver: number;
  jti: string;
  iat: number;
  exp: number;
}

export interface TokenServiceOptions {
  secret: string;
  algorithm: TokenAlgorithm;
  expireMinutes: number;
  clock: Clock;
}

export interface IssuedToken {
  token: string;
  claims: AccessTokenClaims;
}

export interface TokenService {
  issue(user: { id: string; role: UserRole; tokenVersion: number }): IssuedToken;
  /** Checks signature and expiry; throws UnauthorizedError with a reason a user can act on. */
  verify(token: string): AccessTokenClaims;
}

export function createTokenService({ secret, algorithm, expireMinutes, clock }: TokenServiceOptions): TokenService {
  if (secret.length < 32) throw new Error('SECRET_KEY must be at least 32 characters long.');
  const sign = createSigner({ key: secret, algorithm: algorithm as Algorithm, noTimestamp: true });
  // Signature checks are cached per token (verification dominates a request's cost otherwise);
  // expiry is checked below against the app's clock, never the cache's.
  const check = createVerifier({ key: secret, algorithms: [algorithm as Algorithm], ignoreExpiration: true, cache: 1000 });

  return {
    issue(user) {
      const iat = Math.floor(clock.now() / 1000);
      const claims: AccessTokenClaims = { sub: user.id, role: user.role, ver: user.tokenVersion, jti: randomUUID(), iat, exp: iat + expireMinutes * 60 };
      return { token: sign({ ...claims }), claims };
    },
    verify(token) {
      let claims: AccessTokenClaims;
      try {
        claims = check(token) as AccessTokenClaims;
      } catch {
        throw new UnauthorizedError('The access token is not valid; sign in again.');
      }
      if (typeof claims.exp !== 'number' || claims.exp * 1000 <= clock.now()) {
        throw new UnauthorizedError('The access token has expired; sign in again.');
      }
      return claims;
    },
  };
}

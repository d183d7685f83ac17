// Access control for every route. Each route declares `config.access`: 'public' or the roles that
// may call it. A route without a declaration refuses to register (fail closed), so no endpoint can
// ship unprotected by forgetting; requests are authenticated and role-checked before validation.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserRole } from '../../../shared/schemas/user.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';

export type Access = 'public' | readonly UserRole[];

/** Who is calling: what a verified access token says, checked against the current user record. */
export interface Principal {
  userId: string;
  username: string;
  role: UserRole;
  /** The candidate record of a candidate account. */
  candidateId?: string;
  /** The token's id and expiry, so logout can revoke exactly this token. */
  tokenId: string;
  expiresAt: number;
}

/** Verifies a bearer token; throws UnauthorizedError when it is missing, invalid, expired or revoked. */
export type Authenticate = (token: string) => Promise<Principal>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export const ALL_ROLES: readonly UserRole[] = ['admin', 'recruiter', 'candidate'];
export const STAFF: readonly UserRole[] = ['admin', 'recruiter'];
export const ADMIN_ONLY: readonly UserRole[] = ['admin'];

/** The principal of an authenticated route; throws when the route was public and nobody signed in. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthorizedError('Sign in to do this.');
  return request.principal;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new UnauthorizedError('The Authorization header must be "Bearer <token>".');
  return match[1];
}

export interface AccessControlOptions {
  authenticate: Authenticate;
  /** Routes outside the API that need no declaration (health, docs, the renderer's files). */
  isExempt: (url: string) => boolean;
}

export function registerAccessControl(app: FastifyInstance, { authenticate, isExempt }: AccessControlOptions): void {
  app.addHook('onRoute', (route) => {
    if (isExempt(route.url)) return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access (config.access): refusing to register it.`);
    }
    if (access !== 'public' && access.length === 0) {
      throw new Error(`Route ${String(route.method)} ${route.url} allows no role at all.`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // exempt route (or a 404)
    const token = bearerToken(request);
    if (access === 'public') {
      // A public route still knows who is calling when a valid token comes along.
      if (token) request.principal = await authenticate(token).catch(() => undefined);
      return;
    }
    if (!token) throw new UnauthorizedError('Sign in first: this endpoint needs an access token.');
    const principal = await authenticate(token);
    if (!access.includes(principal.role)) {
      throw new ForbiddenError(`This endpoint is for ${access.join(' or ')} accounts; you are signed in as ${principal.role}.`);
    }
    request.principal = principal;
  });
}

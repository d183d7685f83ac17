// The global request limit of the REST API: at most `requestsPerMinute` requests a minute per access
// token, or per IP for requests without one. It runs after access control, so a request is counted
// against the token it was authenticated with (a made-up token is refused before it costs anything
// here). 0 turns the limit off.
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock.js';
import { RateLimitedError } from '../errors.js';
import { createAttemptLimiter, retryAfterSeconds } from './attempt-limiter.js';

export interface RateLimitOptions {
  requestsPerMinute: number;
  clock: Clock;
}

export function registerRateLimit(app: FastifyInstance, { requestsPerMinute, clock }: RateLimitOptions, isExempt: (url: string) => boolean): void {
  if (requestsPerMinute === 0) return;
  const limiter = createAttemptLimiter({ clock, limit: requestsPerMinute });
  app.addHook('onRequest', async (request) => {
    if (isExempt(request.url)) return;
    const key = request.principal ? `token:${request.principal.tokenId}` : `ip:${request.ip}`;
    const wait = limiter.consume(key);
    if (wait > 0) {
      throw new RateLimitedError(`Too many requests: at most ${requestsPerMinute} a minute; wait before trying again.`, retryAfterSeconds(wait));
    }
  });
}

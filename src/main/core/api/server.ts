// Builds the embedded HTTP server: the REST API, /health and, when given, the built renderer.
// Building is separate from listening so tests use `app.inject()` without a port.
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { Log } from '../log.js';
import { registerAccessControl, type Authenticate } from './access.js';
import { installErrorHandler } from './error-handler.js';
import { registerHealthRoute, type HealthCheck } from './health.js';
import { registerOpenApi } from './openapi.js';
import { registerRateLimit, type RateLimitOptions } from './rate-limit.js';

export const API_PREFIX = '/api/v1';

export interface ApiServerOptions {
  log: Log;
  version: string;
  healthChecks: Readonly<Record<string, HealthCheck>>;
  /** Folder of the built renderer (out/renderer); served at / when it exists. */
  rendererDir?: string;
  /** Largest accepted request body, in bytes. */
  bodyLimit?: number;
  /** The REST API: how tokens are verified and the feature routes, mounted under /api/v1. */
  api?: { authenticate: Authenticate; routes: FastifyPluginAsync };
  /** Requests a minute per access token (or IP) on the REST API. */
  rateLimit?: RateLimitOptions;
}

/** Paths that are not part of the REST API and so declare no access: health, docs, the UI's files. */
export function isOutsideApi(url: string): boolean {
  return !url.startsWith(API_PREFIX);
}

/** The renderer may load only its own files and talk only to this origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export async function createApiServer(options: ApiServerOptions): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger = options.log;
  const app = Fastify({
    loggerInstance,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    // Per-request lines would drown the log of a desktop app; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    // Browsers and fetch keep spare keep-alive sockets open; without this, close() waits for them.
    forceCloseConnections: true,
  });
  installErrorHandler(app);

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  });

  registerHealthRoute(app, { version: options.version, checks: options.healthChecks });
  if (options.api) {
    registerAccessControl(app, { authenticate: options.api.authenticate, isExempt: isOutsideApi });
    if (options.rateLimit) registerRateLimit(app, options.rateLimit, isOutsideApi);
    await registerOpenApi(app, options.version);
    await app.register(options.api.routes, { prefix: API_PREFIX });
  }

  if (options.rendererDir && existsSync(options.rendererDir)) {
    await app.register(fastifyStatic, { root: options.rendererDir, prefix: '/', index: ['index.html'] });
  }
  return app;
}

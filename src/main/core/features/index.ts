// Composes the features: builds each feature's service from the shared dependencies and mounts
// every feature's routes under /api/v1. The one place that knows the whole list of features.
import type { FastifyPluginAsync } from 'fastify';
import type { Authenticate } from '../api/access.js';
import type { Clock } from '../clock.js';
import type { AppConfig } from '../config.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import type { AppDatabase } from '../db/database.js';
import type { Log } from '../log.js';
import type { TaskQueue } from '../tasks/queue.js';
import { createActivityLog, type ActivityLog } from './activities/service.js';
import { createAuthenticate } from './auth/authenticate.js';
import { resolveSecretKey } from './auth/secret-key.js';
import { createTokenService, type TokenService } from './auth/tokens.js';

export interface FeatureDependencies {
  db: AppDatabase;
  clock: Clock;
  log: Log;
  config: AppConfig;
  credentials: CredentialStore;
  queue: TaskQueue;
}

/** What route plugins receive: the services of every feature, built once. */
export interface FeatureServices {
  tokens: TokenService;
  activities: ActivityLog;
}

export interface Features {
  services: FeatureServices;
  authenticate: Authenticate;
  routes: FastifyPluginAsync;
}

export async function createFeatures(deps: FeatureDependencies): Promise<Features> {
  const { db, clock, log, config, credentials } = deps;
  const tokens = createTokenService({
    secret: await resolveSecretKey(credentials, log),
    algorithm: config.auth.algorithm,
    expireMinutes: config.auth.accessTokenExpireMinutes,
    clock,
  });
  const activities = createActivityLog({ db, clock });
  const services: FeatureServices = { tokens, activities };

  const routes: FastifyPluginAsync = async (_api) => {
    // Each feature's routes plugin is registered here, e.g. `await api.register(jobRoutes(services))`.
  };
  return { services, authenticate: createAuthenticate(db, tokens), routes };
}

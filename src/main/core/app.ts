// The composition root of the core: opens the credential store, the database and the task queue,
// builds the API on top, and shuts everything down in the right order. Used by the Electron shell,
// the headless entry and the end-to-end tests alike.
import { timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createAppEventBus } from './app-events.js';
import { systemClock, type Clock } from './clock.js';
import type { AppConfig } from './config.js';
import { createCredentialStore, type CredentialStore } from './credentials/credential-store.js';
import { createAppDatabase, getOrCreateDeviceId, type AppDatabase } from './db/database.js';
import { getRxStorageSQLite } from './db/storage-sqlite/index.js';
import { ForbiddenError } from './errors.js';
import type { Log } from './log.js';
import { createWorkerPool, type WorkerPool } from './pool/worker-pool.js';
import { createTaskQueue, type TaskQueue } from './tasks/queue.js';
import { createApiServer } from './api/server.js';
import { createFeatures, type Features } from './features/index.js';
import { appVersion } from './version.js';

export interface CoreOptions {
  config: AppConfig;
  log: Log;
  rendererDir?: string;
  clock?: Clock;
  /**
   * Set by the Electron shell: every request but /health must then carry it in the
   * `x-desk-launch-token` header (the shell's session adds it to its window's requests), so other
   * local processes and DNS-rebinding pages cannot reach the API. JWT auth still applies on top.
   */
  launchToken?: string;
}

export const LAUNCH_TOKEN_HEADER = 'x-desk-launch-token';

export interface Core {
  readonly config: AppConfig;
  readonly db: AppDatabase;
  readonly queue: TaskQueue;
  readonly pool: WorkerPool;
  readonly credentials: CredentialStore;
  readonly api: FastifyInstance;
  readonly features: Features;
  /** Starts listening on HOST:PORT and resolves with the URL. */
  listen(): Promise<string>;
  /**
   * Stops accepting requests and work, requeues running tasks, closes the database. With `drain`,
   * running tasks may finish first (within the queue's stop grace period) instead of being cut short.
   */
  stop(options?: { drain?: boolean }): Promise<void>;
}

/**
 * CPU work runs in the pool: one parse or analysis per worker keeps every worker busy during a bulk
 * import or a ranking, with room left for other task types.
 */
export function queueLimitsFor(poolSize: number): { concurrency: Record<string, number>; maxRunning: number } {
  return { concurrency: { 'resume.parse': poolSize, 'analysis.run': poolSize }, maxRunning: poolSize + 4 };
}

export async function startCore({ config, log, rendererDir, clock = systemClock, launchToken }: CoreOptions): Promise<Core> {
  mkdirSync(config.appDataDir, { recursive: true, mode: 0o700 });
  const credentials = await createCredentialStore({ env: config.env, appDataDir: config.appDataDir, log });
  const deviceId = getOrCreateDeviceId(config.appDataDir);
  const storage = getRxStorageSQLite({ databaseDir: join(config.appDataDir, 'db'), log });
  const db = await createAppDatabase({ storage, deviceId, devMode: config.devMode, log, clock });
  const pool = createWorkerPool({
    log,
    clock,
    limits: config.pdfLimits,
    ...(config.workerPoolSize ? { size: config.workerPoolSize } : {}),
    ...(config.workerHeapMb ? { workerHeapMb: config.workerHeapMb } : {}),
  });
  const events = createAppEventBus();
  const queue = createTaskQueue({
    collection: db.tasks,
    clock,
    log,
    deviceId,
    events,
    // Connectivity detection arrives with sync; until then network tasks are assumed reachable.
    isOnline: () => true,
    ...queueLimitsFor(pool.size),
  });
  await queue.recover();

  const features = await createFeatures({ db, clock, log, config, credentials, queue, events, pool });
  // Started once every feature has registered its task handlers.
  queue.start();
  const api = await createApiServer({
    log,
    version: appVersion(),
    rendererDir,
    bodyLimit: config.bodyLimitBytes,
    api: { authenticate: features.authenticate, routes: features.routes },
    rateLimit: { requestsPerMinute: config.apiRequestsPerMinute, clock },
    healthChecks: {
      db: async () => {
        if (db.closed) throw new Error('database is closed');
        await db.settings.count().exec();
      },
      queue: async () => {
        if (!queue.running) throw new Error('task queue is stopped');
      },
      pool: async () => {
        if (pool.threadIds().length === 0) throw new Error('no worker threads are running');
      },
      credentials: async () => {
        await credentials.describe();
      },
    },
  });

  if (launchToken !== undefined) {
    const expected = Buffer.from(launchToken);
    api.addHook('onRequest', async (request) => {
      if (request.url === '/health') return;
      const given = Buffer.from(String(request.headers[LAUNCH_TOKEN_HEADER] ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new ForbiddenError('this API answers only the app window that started it');
      }
    });
  }

  let stopped: Promise<void> | undefined;
  return {
    config,
    db,
    queue,
    pool,
    credentials,
    api,
    features,
    async listen() {
      await api.listen({ host: config.host, port: config.port });
      const address = api.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      return `http://${host}:${port}`;
    },
    stop({ drain = false } = {}) {
      stopped ??= (async () => {
        await api.close();
        await queue.stop({ drain });
        await pool.close();
        await db.close();
        log.info('core stopped');
      })();
      return stopped;
    },
  };
}

// The composition root of the core: opens the credential store, the database and the task queue,
// builds the API on top, and shuts everything down in the right order. Used by the Electron shell,
// the headless entry and the end-to-end tests alike.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createAppEventBus } from './app-events.js';
import { systemClock, type Clock } from './clock.js';
import type { AppConfig } from './config.js';
import { createCredentialStore, type CredentialStore } from './credentials/credential-store.js';
import { createAppDatabase, getOrCreateDeviceId, type AppDatabase } from './db/database.js';
import { getRxStorageSQLite } from './db/storage-sqlite/index.js';
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
}

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
  /** Stops accepting requests and work, requeues running tasks, closes the database. */
  stop(): Promise<void>;
}

export async function startCore({ config, log, rendererDir, clock = systemClock }: CoreOptions): Promise<Core> {
  mkdirSync(config.appDataDir, { recursive: true, mode: 0o700 });
  const credentials = await createCredentialStore({ env: config.env, appDataDir: config.appDataDir, log });
  const deviceId = getOrCreateDeviceId(config.appDataDir);
  const storage = getRxStorageSQLite({ databaseDir: join(config.appDataDir, 'db'), log });
  const db = await createAppDatabase({ storage, deviceId, devMode: config.devMode, log, clock });
  // Connectivity detection arrives with sync; until then network tasks are assumed reachable.
  const events = createAppEventBus();
  const queue = createTaskQueue({ collection: db.tasks, clock, log, deviceId, events, isOnline: () => true });
  await queue.recover();

  const pool = createWorkerPool({ log, ...(config.workerPoolSize ? { size: config.workerPoolSize } : {}) });
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
    stop() {
      stopped ??= (async () => {
        await api.close();
        await queue.stop({ drain: false });
        await pool.close();
        await db.close();
        log.info('core stopped');
      })();
      return stopped;
    },
  };
}

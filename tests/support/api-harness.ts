// Builds the real API (every feature, access control, OpenAPI) on an in-memory RxDB database with a
// fake clock, for route tests through `app.inject()`. `signIn(role)` creates a user of that role and
// returns a real access token for it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { randomToken } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createApiServer } from '../../src/main/core/api/server.js';
import { createAppEventBus, type AppEventBus } from '../../src/main/core/app-events.js';
import { FakeClock } from '../../src/main/core/clock.js';
import { loadConfig, type AppConfig } from '../../src/main/core/config.js';
import { createCredentialStore } from '../../src/main/core/credentials/credential-store.js';
import { unavailableKeychain } from '../../src/main/core/credentials/keychain.js';
import { createAppDatabase, type AppDatabase } from '../../src/main/core/db/database.js';
import { unstamped } from '../../src/main/core/db/write-stamp.js';
import { createFeatures, type Features } from '../../src/main/core/features/index.js';
import { silentLog, type Log } from '../../src/main/core/log.js';
import { createWorkerPool, type WorkerPool } from '../../src/main/core/pool/worker-pool.js';
import { UnavailableError } from '../../src/main/core/errors.js';
import { createTaskQueue, type TaskQueue } from '../../src/main/core/tasks/queue.js';
import type { User, UserRole } from '../../src/shared/schemas/user.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export interface TestApi {
  app: FastifyInstance;
  db: AppDatabase;
  clock: FakeClock;
  queue: TaskQueue;
  events: AppEventBus;
  pool: WorkerPool;
  features: Features;
  config: AppConfig;
  /** Creates a user with this role (password TEST_PASSWORD) and a valid token for it. */
  signIn(role: UserRole, overrides?: Partial<User>): Promise<{ user: User; token: string; auth: { authorization: string } }>;
  /** `app.inject` with the token's Authorization header. */
  as(token: string | undefined, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** Replaces the silent log of the features and the server (to inspect what they log). */
  log?: Log;
  /** Starts a real worker pool of this many threads; without it, work sent to the pool is refused. */
  poolSize?: number;
  /** Starts the task queue, so queued work (parsing, analysis) runs. */
  startQueue?: boolean;
}

export async function createTestApi(env: Record<string, string> = {}, options: TestApiOptions = {}): Promise<TestApi> {
  const log = options.log ?? silentLog;
  const dataDir = mkdtempSync(join(tmpdir(), 'api-test-'));
  const config = loadConfig({ APP_DATA_DIR: dataDir, NODE_ENV: 'test', SECRET_KEY: randomToken(48), ...env }, dataDir);
  const clock = new FakeClock(Date.UTC(2026, 10, 25, 12));
  const db = await createAppDatabase({ storage: getRxStorageMemory(), name: `api${randomToken(10)}`, deviceId: 'test-device', devMode: true, log: silentLog, clock });
  const credentials = await createCredentialStore({ env: config.env, appDataDir: dataDir, log: silentLog, keychain: unavailableKeychain('tests use the file store') });
  const events = createAppEventBus();
  const queue = createTaskQueue({ collection: db.tasks, clock, log: silentLog, isOnline: () => true, deviceId: 'test-device', events });
  const pool = options.poolSize ? createWorkerPool({ size: options.poolSize, log: silentLog }) : refusingPool();
  const features = await createFeatures({ db, clock, log, config, credentials, queue, events, pool });
  if (options.startQueue) queue.start();
  const app = await createApiServer({ log, version: '0.0.0-test', healthChecks: {}, bodyLimit: config.bodyLimitBytes, api: { authenticate: features.authenticate, routes: features.routes }, rateLimit: { requestsPerMinute: config.apiRequestsPerMinute, clock } });
  await app.ready();

  let users = 0;
  return {
    app,
    db,
    clock,
    queue,
    events,
    pool,
    features,
    config,
    async signIn(role, overrides = {}) {
      passwordHash ??= hash(TEST_PASSWORD);
      users++;
      const doc = await db.users.insert(
        unstamped<User>({
          id: `user-${role}-${users}`,
          username: `${role}${users}`,
          email: `${role}${users}@example.com`,
          role,
          passwordHash: await passwordHash,
          disabled: false,
          tokenVersion: 0,
          ...overrides,
        }),
      );
      const user = doc.toMutableJSON();
      const { token } = features.services.tokens.issue(user);
      return { user, token, auth: { authorization: `Bearer ${token}` } };
    },
    as(token, options) {
      return app.inject({ ...options, headers: { ...(options.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    },
    async close() {
      await app.close();
      await queue.stop();
      await pool.close();
      await db.close();
    },
  };
}

/** Stands in for the pool in tests that never parse: anything sent to it is refused. */
function refusingPool(): WorkerPool {
  const refuse = () => Promise.reject(new UnavailableError('This test API has no worker pool (pass poolSize).'));
  return {
    size: 0,
    limits: { maxBytes: 0, maxPages: 0, timeoutMs: 0, maxInflatedBytes: 0 },
    threadIds: () => [],
    extractPdf: refuse,
    parseResume: refuse,
    analyze: refuse,
    close: () => Promise.resolve(),
  };
}

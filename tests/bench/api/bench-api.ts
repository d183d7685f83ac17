// The real API for the benchmark, composed as the test harness does but on the project's SQLite
// storage in a temporary folder, without dev-mode and with the real clock. The data is written
// before the features start, so their start-up (each one's initial load) is measured too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { RxCollection } from 'rxdb';
import { randomToken } from 'rxdb';
import { createApiServer } from '../../../src/main/core/api/server.js';
import { createAppEventBus } from '../../../src/main/core/app-events.js';
import { systemClock } from '../../../src/main/core/clock.js';
import { loadConfig } from '../../../src/main/core/config.js';
import { createCredentialStore } from '../../../src/main/core/credentials/credential-store.js';
import { unavailableKeychain } from '../../../src/main/core/credentials/keychain.js';
import { createAppDatabase, type AppDatabase } from '../../../src/main/core/db/database.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import { createFeatures, type Features } from '../../../src/main/core/features/index.js';
import { silentLog } from '../../../src/main/core/log.js';
import { createWorkerPool } from '../../../src/main/core/pool/worker-pool.js';
import { createTaskQueue } from '../../../src/main/core/tasks/queue.js';
import type { User } from '../../../src/shared/schemas/user.js';
import { round } from '../stats.js';
import type { BenchData } from './bench-data.js';

export const BENCH_ADMIN_ID = 'bench-admin';

export interface BenchApi {
  app: FastifyInstance;
  db: AppDatabase;
  features: Features;
  /** An admin's access token, issued by the real token service. */
  token: string;
  timings: { seedMs: number; featuresStartMs: number };
  close(): Promise<void>;
}

async function insertInBatches<T>(collection: RxCollection<T>, docs: readonly T[], batch = 5000): Promise<void> {
  for (let i = 0; i < docs.length; i += batch) {
    const { error } = await collection.bulkInsert(docs.slice(i, i + batch));
    if (error.length > 0) throw new Error(`bench seed: ${error.length} ${collection.name} failed, first: ${JSON.stringify(error[0])}`);
  }
}

/**
 * Opens the database, writes `data` and an admin user, then builds the features and the server.
 * `extraRoutes` runs before the server is ready (the bare baseline route is registered there).
 */
export async function createBenchApi(data: BenchData, extraRoutes: (app: FastifyInstance) => void): Promise<BenchApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  // The per-token rate limit stays on (its cost is part of every request) but far above the load.
  const config = loadConfig({ APP_DATA_DIR: dataDir, NODE_ENV: 'production', SECRET_KEY: randomToken(48), API_REQUESTS_PER_MINUTE: String(1_000_000_000) }, dataDir);
  const db = await createAppDatabase({
    storage: getRxStorageSQLite({ databaseDir: join(dataDir, 'db') }),
    name: 'bench',
    deviceId: 'bench-device',
    devMode: false,
    log: silentLog,
    clock: systemClock,
  });
  try {
    const seedStart = performance.now();
    await db.users.insert(
      unstamped<User>({
        id: BENCH_ADMIN_ID,
        username: 'benchadmin',
        email: 'bench-admin@example.com',
        role: 'admin',
        // Never checked: the token is issued directly.
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo',
        disabled: false,
        tokenVersion: 0,
      }),
    );
    await insertInBatches(db.jobs, data.jobs.map(unstamped));
    await insertInBatches(db.candidates, data.candidates.map(unstamped));
    await insertInBatches(db.applications, data.applications.map(unstamped));
    await insertInBatches(db.activities, data.activities.map(unstamped));
    const seedMs = round(performance.now() - seedStart, 0);

    const credentials = await createCredentialStore({ env: config.env, appDataDir: dataDir, log: silentLog, keychain: unavailableKeychain('the benchmark uses the file store') });
    const events = createAppEventBus();
    const queue = createTaskQueue({ collection: db.tasks, clock: systemClock, log: silentLog, isOnline: () => true, deviceId: 'bench-device', events });
    const pool = createWorkerPool({ size: 1, log: silentLog });
    const featuresStart = performance.now();
    const features = await createFeatures({ db, clock: systemClock, log: silentLog, config, credentials, queue, events, pool });
    const featuresStartMs = round(performance.now() - featuresStart, 0);
    const app = await createApiServer({
      log: silentLog,
      version: '0.0.0-bench',
      healthChecks: {},
      bodyLimit: config.bodyLimitBytes,
      api: { authenticate: features.authenticate, routes: features.routes },
      rateLimit: { requestsPerMinute: config.apiRequestsPerMinute, clock: systemClock },
    });
    extraRoutes(app);
    await app.ready();

    const admin = await db.users.findOne(BENCH_ADMIN_ID).exec();
    if (!admin) throw new Error('bench seed: the admin user is missing');
    const { token } = features.services.tokens.issue(admin.toMutableJSON());
    return {
      app,
      db,
      features,
      token,
      timings: { seedMs, featuresStartMs },
      async close() {
        await app.close();
        await queue.stop();
        await pool.close();
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

// The ingestion benchmark "through the app": the corpus uploaded over HTTP to the real API (the
// résumés feature: checked by content, stored by hash on the SQLite storage, one durable parse task
// each on the queue, candidates created from the profiles), timed until every résumé is parsed or
// failed, under the phase monitor. The core is composed as app.ts composes it (same queue, pool and
// features) but on a temporary folder, with the benchmark's built worker, and the upload client in
// this process: its small share of the event loop is counted too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomToken } from 'rxdb';
import { API_PREFIX, createApiServer } from '../../../src/main/core/api/server.js';
import { createAppEventBus } from '../../../src/main/core/app-events.js';
import { systemClock } from '../../../src/main/core/clock.js';
import { loadConfig } from '../../../src/main/core/config.js';
import { createCredentialStore } from '../../../src/main/core/credentials/credential-store.js';
import { unavailableKeychain } from '../../../src/main/core/credentials/keychain.js';
import { createAppDatabase } from '../../../src/main/core/db/database.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import { createFeatures } from '../../../src/main/core/features/index.js';
import { silentLog } from '../../../src/main/core/log.js';
import { createWorkerPool } from '../../../src/main/core/pool/worker-pool.js';
import { createTaskQueue } from '../../../src/main/core/tasks/queue.js';
import { queueLimitsFor } from '../../../src/main/core/app.js';
import type { UploadResponse } from '../../../src/shared/api/resumes.js';
import type { User } from '../../../src/shared/schemas/user.js';
import { round } from '../stats.js';
import { runBounded } from './parse-phase.js';
import { startPhaseMonitor, type PhaseReport } from './phase-monitor.js';
import type { CorpusResume } from './resume-corpus.js';

const ADMIN_ID = 'bench-admin';
const DEVICE_ID = 'bench-device';
/** Files per upload request, as a desktop import sends a large selection in chunks. */
const FILES_PER_REQUEST = 25;
const TERMINAL = new Set(['parsed', 'failed', 'analyzed']);
// A safety net, not a wait for work: an import that makes no progress for this long has stalled.
const STALL_MS = 120_000;

export interface AppIngestOptions {
  corpus: readonly CorpusResume[];
  workers: number;
  pdfWorkerFile: string;
  resourcesDir: string;
}

export interface AppIngestResult extends PhaseReport {
  files: number;
  /** From the first upload request to the last résumé parsed or failed. */
  elapsedMs: number;
  filesPerSec: number;
  /** Until the last upload request was answered (the files stored and their parse tasks queued). */
  uploadMs: number;
  requests: number;
  parsed: number;
  failed: number;
  failures: Record<string, number>;
  candidates: number;
  /** Most résumés in 'parsing' at one time: how many files the app hands the pool at once. */
  maxParsingAtOnce: number;
}

/** The core as app.ts builds it, on a temporary folder, with an admin and a token for the uploads. */
async function startBenchCore({ workers, pdfWorkerFile, resourcesDir }: AppIngestOptions) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const config = loadConfig({ APP_DATA_DIR: dataDir, NODE_ENV: 'production', SECRET_KEY: randomToken(48), API_REQUESTS_PER_MINUTE: String(1_000_000_000) }, dataDir);
  const db = await createAppDatabase({ storage: getRxStorageSQLite({ databaseDir: join(dataDir, 'db') }), name: 'bench', deviceId: DEVICE_ID, devMode: false, log: silentLog, clock: systemClock });
  const closers: (() => Promise<unknown>)[] = [
    async () => {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  ];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const admin = await db.users.insert(
      unstamped<User>({
        id: ADMIN_ID,
        username: 'benchadmin',
        email: 'bench-admin@example.com',
        role: 'admin',
        // Never checked: the token is issued directly.
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo',
        disabled: false,
        tokenVersion: 0,
      }),
    );
    const credentials = await createCredentialStore({ env: config.env, appDataDir: dataDir, log: silentLog, keychain: unavailableKeychain('the benchmark uses the file store') });
    const events = createAppEventBus();
    const pool = createWorkerPool({ size: workers, log: silentLog, limits: config.pdfLimits, pdfWorkerFile, resourcesDir });
    closers.push(() => pool.close());
    const queue = createTaskQueue({ collection: db.tasks, clock: systemClock, log: silentLog, isOnline: () => true, deviceId: DEVICE_ID, events, ...queueLimitsFor(pool.size) });
    await queue.recover();
    const features = await createFeatures({ db, clock: systemClock, log: silentLog, config, credentials, queue, events, pool });
    queue.start();
    closers.push(() => queue.stop());
    const app = await createApiServer({
      log: silentLog,
      version: '0.0.0-bench',
      healthChecks: {},
      bodyLimit: config.bodyLimitBytes,
      api: { authenticate: features.authenticate, routes: features.routes },
      rateLimit: { requestsPerMinute: config.apiRequestsPerMinute, clock: systemClock },
    });
    closers.push(() => app.close());
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
    const { token } = features.services.tokens.issue(admin.toMutableJSON());
    return { db, events, pool, origin, token, close };
  } catch (error) {
    await close();
    throw error;
  }
}

type BenchCore = Awaited<ReturnType<typeof startBenchCore>>;

async function upload(core: BenchCore, files: readonly CorpusResume[]): Promise<string[]> {
  const form = new FormData();
  for (const file of files) form.append('files', new Blob([file.bytes], { type: 'application/pdf' }), file.fileName);
  const response = await fetch(`${core.origin}${API_PREFIX}/resumes/upload`, { method: 'POST', headers: { authorization: `Bearer ${core.token}` }, body: form });
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as UploadResponse;
  const rejected = body.items.filter((item) => item.resume_id === undefined);
  if (rejected.length > 0) throw new Error(`upload refused ${rejected.length} generated files, first: ${JSON.stringify(rejected[0])}`);
  return body.items.map((item) => item.resume_id as string);
}

/** Resolves when every id in `expected` has reached a final status, as 'resume.changed' reports. */
function finishedWatcher(core: BenchCore, onFinished: () => void) {
  const finished = new Set<string>();
  const parsing = new Set<string>();
  let maxParsing = 0;
  let expected: ReadonlySet<string> | undefined;
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  let stall: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const check = () => {
    if (expected && [...expected].every((id) => finished.has(id))) settle?.resolve();
  };
  const armStall = () => {
    clearTimeout(stall);
    stall = setTimeout(() => settle?.reject(new Error(`the import stalled: ${finished.size} résumés finished, nothing for ${STALL_MS} ms`)), STALL_MS);
  };
  armStall();
  const unsubscribe = core.events.on('resume.changed', ({ id, status }) => {
    if (status === 'parsing') {
      parsing.add(id);
      maxParsing = Math.max(maxParsing, parsing.size);
    }
    if (!TERMINAL.has(status) || finished.has(id)) return;
    parsing.delete(id);
    finished.add(id);
    onFinished();
    armStall();
    check();
  });
  return {
    expect(ids: readonly string[]) {
      expected = new Set(ids);
      check();
    },
    maxParsingAtOnce: () => maxParsing,
    done: done.finally(() => {
      clearTimeout(stall);
      unsubscribe();
    }),
  };
}

export async function runAppIngest(options: AppIngestOptions): Promise<AppIngestResult> {
  const { corpus, workers } = options;
  const core = await startBenchCore(options);
  try {
    // Warm the workers outside the timing, as the pool phase does; nothing is stored.
    await runBounded(corpus.slice(0, workers * 2), workers * 2, async (file) => {
      await core.pool.parseResume(file.bytes);
    });
    const monitor = startPhaseMonitor(corpus.length);
    const watcher = finishedWatcher(core, () => monitor.fileDone());
    const start = performance.now();
    const ids: string[] = [];
    let requests = 0;
    for (let i = 0; i < corpus.length; i += FILES_PER_REQUEST) {
      ids.push(...(await upload(core, corpus.slice(i, i + FILES_PER_REQUEST))));
      requests += 1;
    }
    const uploadMs = performance.now() - start;
    watcher.expect(ids);
    await watcher.done;
    const elapsedMs = performance.now() - start;
    const report = monitor.stop();

    const resumes = await core.db.resumes.find().exec();
    const failures: Record<string, number> = {};
    for (const resume of resumes) {
      if (resume.status !== 'failed') continue;
      const code = resume.parseError?.code ?? 'unknown';
      failures[code] = (failures[code] ?? 0) + 1;
    }
    const failed = resumes.filter((r) => r.status === 'failed').length;
    return {
      files: corpus.length,
      elapsedMs: round(elapsedMs, 0),
      filesPerSec: round(corpus.length / (elapsedMs / 1000), 2),
      uploadMs: round(uploadMs, 0),
      requests,
      parsed: resumes.filter((r) => r.status === 'parsed' || r.status === 'analyzed').length,
      failed,
      failures,
      candidates: await core.db.candidates.count().exec(),
      maxParsingAtOnce: watcher.maxParsingAtOnce(),
      ...report,
    };
  } finally {
    await core.close();
  }
}

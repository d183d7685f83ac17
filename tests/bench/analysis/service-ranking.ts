// Throughput runners for `npm run bench analysis` that rank through the app itself: the analysis
// service's durable `analysis.rank` task, the offline analyser in the worker pool (the worker built
// as the app ships it, see ../worker-build.ts), results written to the database, and the
// ranking read back. One runner asks a new question each time (every résumé analysed); the other
// repeats the same ranking, so its timed run measures the cache.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomToken } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createAppEventBus } from '../../../src/main/core/app-events.js';
import { systemClock } from '../../../src/main/core/clock.js';
import { loadConfig } from '../../../src/main/core/config.js';
import { createCredentialStore } from '../../../src/main/core/credentials/credential-store.js';
import { unavailableKeychain } from '../../../src/main/core/credentials/keychain.js';
import { createAppDatabase } from '../../../src/main/core/db/database.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import { createFeatures } from '../../../src/main/core/features/index.js';
import { silentLog } from '../../../src/main/core/log.js';
import { createWorkerPool } from '../../../src/main/core/pool/worker-pool.js';
import { createTaskQueue } from '../../../src/main/core/tasks/queue.js';
import type { Resume } from '../../../src/shared/schemas/resume.js';
import { buildWorker, type BuiltWorker } from '../worker-build.js';
import type { ThroughputContext, ThroughputRunner } from './analysis-bench.js';

const RESOURCES_DIR = fileURLToPath(new URL('../../../resources/', import.meta.url));
const ACTOR = 'bench';

/** Waits for a task to finish by its events (no polling). */
function finished(events: ReturnType<typeof createAppEventBus>, queue: ReturnType<typeof createTaskQueue>, id: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () =>
      queue.get(id).then((task) => {
        if (task.status === 'succeeded') {
          off();
          resolve();
        } else if (task.status === 'failed' || task.status === 'dead' || task.status === 'cancelled') {
          off();
          reject(new Error(`ranking task ${task.status}: ${task.lastError?.message ?? ''}`));
        }
      }, reject);
    const off = events.on('task.changed', (event) => {
      if (event.id === id) void check();
    });
    void check();
  });
}

async function startRankingCore(context: ThroughputContext, workers: BuiltWorkers) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-analysis-'));
  const config = loadConfig({ APP_DATA_DIR: dataDir, NODE_ENV: 'production', SECRET_KEY: randomToken(48) }, dataDir);
  const db = await createAppDatabase({ storage: getRxStorageMemory(), name: `bench${randomToken(8)}`, deviceId: 'bench', devMode: false, log: silentLog, clock: systemClock });
  const credentials = await createCredentialStore({ env: config.env, appDataDir: dataDir, log: silentLog, keychain: unavailableKeychain('the benchmark uses the file store') });
  const events = createAppEventBus();
  const queue = createTaskQueue({ collection: db.tasks, clock: systemClock, log: silentLog, isOnline: () => true, deviceId: 'bench', events });
  const pool = createWorkerPool({ size: availableParallelism(), log: silentLog, pdfWorkerFile: workers.pdf.file, analysisWorkerFile: workers.analysis.file, resourcesDir: RESOURCES_DIR });
  const features = await createFeatures({ db, clock: systemClock, log: silentLog, config, credentials, queue, events, pool });
  queue.start();

  const { success, error } = await db.resumes.bulkInsert(
    context.resumes.map((resume, i) =>
      unstamped<Resume>({
        id: resume.id,
        sha256: i.toString(16).padStart(64, '0'),
        candidateId: '',
        fileName: `${resume.id}.pdf`,
        size: resume.resumeText.length,
        status: 'parsed',
        text: resume.resumeText,
        profile: resume.profile,
      }),
    ),
  );
  if (error.length > 0 || success.length !== context.resumes.length) throw new Error(`stored ${success.length} of ${context.resumes.length} résumés`);
  const resumeIds = context.resumes.map((resume) => resume.id);
  let jobs = 0;

  async function createJob(variant: string) {
    jobs++;
    const { job } = context;
    return features.services.jobs.create(
      {
        title: job.title ?? 'Bench job',
        description: `${job.description}${variant}`,
        requiredSkills: [...(job.requiredSkills ?? [])],
        niceToHaveSkills: [...(job.niceToHaveSkills ?? [])],
        company: 'Bench',
        location: '',
        remote: true,
        tags: [],
        status: 'open',
        autoAnalyze: false,
      },
      { userId: ACTOR },
    );
  }

  async function rank(jobId: string): Promise<readonly string[]> {
    const task = await features.services.analysis.rank(ACTOR, jobId, { resume_ids: resumeIds, provider: 'mock' });
    await finished(events, queue, task.id);
    return (await features.services.analysis.ranking(jobId)).items.map((entry) => entry.resume_id);
  }

  return {
    createJob,
    rank,
    jobs: () => jobs,
    async close() {
      await queue.stop();
      await pool.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Builds the worker once for every runner that needs it; removed when the last one closes. */
interface BuiltWorkers {
  pdf: BuiltWorker;
  analysis: BuiltWorker;
}

function sharedWorker() {
  let built: BuiltWorkers | undefined;
  let users = 0;
  return {
    acquire(): BuiltWorkers {
      built ??= { pdf: buildWorker('pdf-worker'), analysis: buildWorker('analysis-worker') };
      users++;
      return built;
    },
    release() {
      users--;
      if (users === 0 && built) {
        built.pdf.remove();
        built.analysis.remove();
        built = undefined;
      }
    },
  };
}

const worker = sharedWorker();

function serviceRunner(name: string, newQuestionEachRun: boolean): ThroughputRunner {
  return {
    name,
    async prepare(context) {
      const core = await startRankingCore(context, worker.acquire());
      const fixed = await core.createJob('');
      return {
        async rank() {
          // A new question is a job whose content differs by a line: nothing in the cache matches.
          const job = newQuestionEachRun ? await core.createJob(`\nBench run ${core.jobs()}.`) : fixed;
          return core.rank(job.id);
        },
        async close() {
          await core.close();
          worker.release();
        },
      };
    },
  };
}

/** Every résumé analysed in the pool and stored, through the `analysis.rank` task. */
export const poolRankingRunner = serviceRunner('analysis service, worker pool, every résumé analysed', true);
/** The same ranking repeated: the timed run finds every analysis in the cache. */
export const cachedRankingRunner = serviceRunner('analysis service, repeated ranking (cache)', false);

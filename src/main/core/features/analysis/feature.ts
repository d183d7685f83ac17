// Builds the analysis feature from the core's pieces: its store, executor and service, the two queue
// task handlers, automatic analysis, and the routes. Analyses a crash left queued are queued again.
import type { FastifyPluginAsync } from 'fastify';
import type { AppEventBus } from '../../app-events.js';
import type { Clock } from '../../clock.js';
import type { AppDatabase } from '../../db/database.js';
import type { Log } from '../../log.js';
import type { TaskQueue } from '../../tasks/queue.js';
import type { ActivityLog } from '../activities/service.js';
import type { JobService } from '../jobs/service.js';
import { createAnalysisExecutor, type AnalysisPlanner, type AnalysisRunner } from './analysis-executor.js';
import { createAnalysisStore } from './analysis-store.js';
import { createProviderReachability } from './provider-reachability.js';
import { startAutoAnalysis, type AutoAnalysis } from './auto-analysis.js';
import { analysisRoutes } from './routes.js';
import { createAnalysisService, type AnalysisService } from './service.js';
import { ANALYSIS_RANK_TASK, ANALYSIS_RUN_TASK, createRankTaskHandler, createRunTaskHandler } from './tasks.js';

/**
 * Analyses a ranking keeps in flight per worker: two, so a worker has the next résumé waiting while
 * the main thread stores the previous result.
 */
const RANK_ANALYSES_PER_WORKER = 2;

export interface AnalysisFeatureDeps {
  db: AppDatabase;
  clock: Clock;
  log: Log;
  queue: TaskQueue;
  events: AppEventBus;
  activities: ActivityLog;
  jobs: Pick<JobService, 'getJob'>;
  /** The analysis settings: the fallback chain for a requested provider, and blind mode. */
  settings: AnalysisPlanner;
  /** The worker pool: runs each analysis; its size is how many a ranking runs at once. */
  pool: AnalysisRunner & { readonly size: number };
}

export interface AnalysisFeature {
  analysis: AnalysisService;
  autoAnalysis: AutoAnalysis;
  routes: FastifyPluginAsync;
}

export async function createAnalysisFeature(deps: AnalysisFeatureDeps): Promise<AnalysisFeature> {
  const { db, clock, log, queue, events, activities, jobs, settings, pool } = deps;
  // The jobs feature's index first; a job it has not seen (arrived by sync) from the database.
  const getJob = async (id: string) => jobs.getJob(id) ?? (await db.jobs.findOne(id).exec())?.toMutableJSON();
  const store = createAnalysisStore(db);
  const reachability = createProviderReachability({ clock });
  const executor = createAnalysisExecutor({ db, store, runner: pool, planner: settings, reachability, getJob, events, clock, log });
  const analysis = createAnalysisService({ db, store, executor, queue, activities, getJob });
  const wasCancelled = async (taskId: string) => (await queue.get(taskId)).status === 'cancelled';
  queue.register(ANALYSIS_RUN_TASK, createRunTaskHandler({ executor, wasCancelled }));
  queue.register(ANALYSIS_RANK_TASK, createRankTaskHandler({ db, store, executor, getJob, wasCancelled, rankConcurrency: RANK_ANALYSES_PER_WORKER * Math.max(1, pool.size) }));
  const autoAnalysis = startAutoAnalysis({ db, events, analysis, getJob, log });
  await analysis.requeueQueued();
  return { analysis, autoAnalysis, routes: analysisRoutes({ analysis }) };
}

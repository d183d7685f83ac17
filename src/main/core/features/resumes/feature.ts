// Builds the résumés feature from the core's pieces: its store and services, its two queue task
// handlers, and its routes. Résumés a crash left stored but unqueued are queued again here.
import type { FastifyPluginAsync } from 'fastify';
import type { AppEventBus } from '../../app-events.js';
import type { Clock } from '../../clock.js';
import type { AppDatabase } from '../../db/database.js';
import type { TaskQueue } from '../../tasks/queue.js';
import type { ActivityLog } from '../activities/service.js';
import type { CandidateService } from '../candidates/service.js';
import { createFolderImportHandler } from './folder-task.js';
import { createImportService, FOLDER_IMPORT_TASK, type ImportService } from './imports.js';
import { createParseTaskHandler, type ResumeParser } from './parse-task.js';
import { createResumeStore } from './resume-store.js';
import { resumeRoutes } from './routes.js';
import { createResumeService, RESUME_PARSE_TASK, type ResumeService } from './service.js';

export interface ResumesFeatureDeps {
  db: AppDatabase;
  clock: Clock;
  queue: TaskQueue;
  events: AppEventBus;
  activities: ActivityLog;
  candidates: CandidateService;
  /** The worker pool: parses résumés, and its per-file size limit bounds uploads. */
  pool: ResumeParser & { readonly limits: { readonly maxBytes: number } };
}

export interface ResumesFeature {
  resumes: ResumeService;
  imports: ImportService;
  routes: FastifyPluginAsync;
}

export async function createResumesFeature({ db, clock, queue, events, activities, candidates, pool }: ResumesFeatureDeps): Promise<ResumesFeature> {
  const store = createResumeStore({ db, events });
  const resumes = createResumeService({ db, store, queue, activities });
  const imports = createImportService({ db, store, resumes, queue, activities });
  const maxFileBytes = pool.limits.maxBytes;
  queue.register(RESUME_PARSE_TASK, createParseTaskHandler({ store, parser: pool, candidates, activities, clock }));
  queue.register(FOLDER_IMPORT_TASK, createFolderImportHandler({ resumes, imports, maxFileBytes }));
  await resumes.requeueUnparsed();
  return { resumes, imports, routes: resumeRoutes({ resumes, imports, candidates, maxFileBytes }) };
}

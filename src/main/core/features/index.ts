// Composes the features: builds each feature's service from the shared dependencies and mounts
// every feature's routes under /api/v1. The one place that knows the whole list of features.
import type { FastifyPluginAsync } from 'fastify';
import type { Authenticate } from '../api/access.js';
import type { AppEventBus } from '../app-events.js';
import type { Clock } from '../clock.js';
import type { AppConfig } from '../config.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import type { AppDatabase } from '../db/database.js';
import type { Log } from '../log.js';
import type { WorkerPool } from '../pool/worker-pool.js';
import type { TaskQueue } from '../tasks/queue.js';
import { createActivityLog, type ActivityLog } from './activities/service.js';
import { applicationRoutes } from './applications/routes.js';
import { createApplicationService, type ApplicationService } from './applications/service.js';
import { createAuthenticate } from './auth/authenticate.js';
import { createPasswordHasher } from './auth/passwords.js';
import { authRoutes } from './auth/routes.js';
import { resolveSecretKey } from './auth/secret-key.js';
import { createAuthService, type AuthService } from './auth/service.js';
import { createTokenService, type TokenService } from './auth/tokens.js';
import { jobRoutes } from './jobs/routes.js';
import { createJobService, type JobService } from './jobs/service.js';
import { bootstrapFirstAdmin } from './users/bootstrap.js';
import { userRoutes } from './users/routes.js';
import { createUserService, type UserService } from './users/service.js';
import { setupRoutes } from './users/setup-routes.js';
import { candidateRoutes } from './candidates/routes.js';
import { createCandidateService, type CandidateService } from './candidates/service.js';
import { createCandidateFacets } from './candidates/facets.js';
import { createResumeCascade } from './candidates/resume-cascade.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { createDashboardService, type DashboardService } from './dashboard/service.js';
import { publishCollectionEvents } from './events/collection-events.js';
import { createEventStreams } from './events/event-stream.js';
import { eventRoutes } from './events/routes.js';
import { taskRoutes } from './tasks/routes.js';
import { createTaskService } from './tasks/service.js';
import { createJsonResumeService } from './candidates/json-resume.js';
import { jsonResumeRoutes } from './candidates/json-resume-routes.js';
import { createResumesFeature } from './resumes/feature.js';
import type { ImportService } from './resumes/imports.js';
import type { ResumeService } from './resumes/service.js';
import { createAnalysisFeature } from './analysis/feature.js';
import type { AnalysisService } from './analysis/service.js';
import { createAnalysisSettings, type AnalysisSettingsService } from './analysis/settings.js';
import { analysisSettingsRoutes } from './analysis/settings-routes.js';

export interface FeatureDependencies {
  db: AppDatabase;
  clock: Clock;
  log: Log;
  config: AppConfig;
  credentials: CredentialStore;
  queue: TaskQueue;
  /** The core's one event bus (the queue publishes on it too); streamed to the UI over SSE. */
  events: AppEventBus;
  pool: WorkerPool;
}

/** What route plugins receive: the services of every feature, built once. */
export interface FeatureServices {
  tokens: TokenService;
  activities: ActivityLog;
  jobs: JobService;
  users: UserService;
  auth: AuthService;
  dashboard: DashboardService;
  candidates: CandidateService;
  applications: ApplicationService;
  resumes: ResumeService;
  resumeImports: ImportService;
  analysis: AnalysisService;
  analysisSettings: AnalysisSettingsService;
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
  const applications = createApplicationService({ db, clock, activities });
  // Loaded before any route serves, like the dashboard's tallies; follows the database on its own.
  const candidateFacets = await createCandidateFacets({ db });
  // The résumés feature is built later (its parse fills candidates in); the cascade reaches it when a candidate is deleted.
  const candidateResumes = createResumeCascade({ db, removeResume: (actorId, id) => resumeFeature.resumes.remove(actorId, id) });
  const candidates = createCandidateService({ db, activities, applications, resumes: candidateResumes, facets: candidateFacets });
  const passwords = createPasswordHasher();
  const users = createUserService({ db, clock, activities, passwords, candidates });
  const auth = createAuthService({ users, tokens, passwords, activities, clock, log, attemptsPerMinute: config.auth.loginAttemptsPerMinute });
  await bootstrapFirstAdmin({ users, config, log });
  const dashboard = await createDashboardService({ db, clock, activities });
  const jobs = await createJobService({ db, clock, activities, applications });
  const resumeFeature = await createResumesFeature({ db, clock, queue: deps.queue, events: deps.events, activities, candidates, pool: deps.pool });
  const analysisSettings = createAnalysisSettings({ db, clock, config, credentials, activities, pool: deps.pool, log });
  const analysisFeature = await createAnalysisFeature({ db, clock, log, queue: deps.queue, events: deps.events, activities, jobs, settings: analysisSettings, pool: deps.pool });
  // Stops by itself when the database closes.
  publishCollectionEvents({ db, events: deps.events });
  const services: FeatureServices = { tokens, activities, jobs, users, auth, candidates, applications, dashboard, resumes: resumeFeature.resumes, resumeImports: resumeFeature.imports, analysis: analysisFeature.analysis, analysisSettings };

  const routes: FastifyPluginAsync = async (api) => {
    await api.register(jobRoutes(services));
    await api.register(authRoutes(services));
    await api.register(userRoutes(services));
    await api.register(setupRoutes(services));
    await api.register(candidateRoutes(services));
    await api.register(applicationRoutes(services));
    await api.register(dashboardRoutes(services));
    await api.register(resumeFeature.routes);
    await api.register(analysisFeature.routes);
    await api.register(analysisSettingsRoutes(services));
    await api.register(eventRoutes({ streams: createEventStreams({ events: deps.events, clock, log }) }));
    await api.register(taskRoutes({ tasks: createTaskService({ db, queue: deps.queue, activities }) }));
    await api.register(jsonResumeRoutes({ jsonResume: createJsonResumeService({ db, clock, events: deps.events, candidates }) }));
  };
  return { services, authenticate: createAuthenticate(db, tokens), routes };
}

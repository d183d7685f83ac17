// The jobs feature: create, read, search, change and delete job postings, and seed a sample. Reads
// and searches are answered from the in-memory catalogue (job-catalogue.ts), writes go to the
// `jobs` collection and every write is recorded in the activity log.
import { randomUUID } from 'node:crypto';
import type { Subscription } from 'rxjs';
import {
  DEFAULT_JOB_SORT,
  JOB_INTERNAL_FIELDS,
  type JobCreateBody,
  type JobListQuery,
  type JobOut,
  type JobPatchBody,
  type JobSeedResult,
} from '../../../../shared/api/jobs.js';
import type { Job, JobStatus } from '../../../../shared/schemas/job.js';
import type { Clock } from '../../clock.js';
import type { AppDatabase } from '../../db/database.js';
import { unstamped } from '../../db/write-stamp.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { ActivityLog } from '../activities/service.js';
import { applyDocument, followJobCollection } from './catalogue-feed.js';
import { changedFields, editableFieldsOf, fieldsFromBody, fieldsWithPatch, type JobFields } from './job-fields.js';
import { JobCatalogue, type LocationCount } from './job-catalogue.js';
import { SAMPLE_JOBS } from './sample-jobs.js';
import { keywordTerms, locationKey } from './search-text.js';

/** Who a job is shown to: staff see every job and field, the public (candidates) open jobs without internal fields. */
export type JobAudience = 'staff' | 'public';

export interface JobActor {
  userId: string;
}

export interface JobListPage {
  items: JobOut[];
  total: number;
  limit: number;
  skip: number;
}

export interface JobService {
  list(query: JobListQuery, audience: JobAudience): JobListPage;
  /** One job as `audience` may see it; NotFoundError when missing (or closed, for the public). */
  get(id: string, audience: JobAudience): JobOut;
  /** The job with this id, or undefined: for other features (applications, dashboard). */
  getJob(id: string): Job | undefined;
  /** The job with this id; NotFoundError when missing, ConflictError when `open` is asked and it is closed. */
  assertJobExists(id: string, options?: { open?: boolean }): Job;
  create(body: JobCreateBody, actor: JobActor): Promise<Job>;
  /** PUT: every editable field replaced; what the body leaves out takes its default. */
  replace(id: string, body: JobCreateBody, actor: JobActor): Promise<Job>;
  /** PATCH: only the given fields change. */
  update(id: string, patch: JobPatchBody, actor: JobActor): Promise<Job>;
  /** Deletes a job; ConflictError when it has applications, unless `force` (then they go too). */
  remove(id: string, options: { force: boolean }, actor: JobActor): Promise<{ applicationsRemoved: number }>;
  seed(actor: JobActor): Promise<JobSeedResult>;
  countByLocation(): LocationCount[];
  countByStatus(): Record<JobStatus, number>;
  /** Stops following the collection (the database closing also ends it). */
  close(): void;
}

/** What deleting a job needs of its applications; the applications feature provides it. */
export interface JobApplications {
  countForJob(jobId: string): Promise<number>;
  /** Deletes every application to the job, recording each; returns how many there were. */
  removeForJob(actorId: string, jobId: string): Promise<number>;
}

export interface JobServiceDependencies {
  db: AppDatabase;
  clock: Clock;
  activities: ActivityLog;
  /** How a deleted job's applications are counted and removed (the applications feature). */
  applications: JobApplications;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function publicView(job: Job): JobOut {
  const view: Record<string, unknown> = { ...job };
  for (const field of JOB_INTERNAL_FIELDS) delete view[field];
  return view as JobOut;
}

function jobLabel(job: Job): string {
  return job.company ? `"${job.title}" at ${job.company}` : `"${job.title}"`;
}

export async function createJobService(deps: JobServiceDependencies): Promise<JobService> {
  const { db, clock, activities, applications } = deps;
  const catalogue = new JobCatalogue();
  const subscription: Subscription = await followJobCollection(db.jobs, catalogue);

  const visible = (job: Job | undefined, audience: JobAudience): job is Job =>
    job !== undefined && (audience === 'staff' || job.status === 'open');

  function assertJobExists(id: string, options: { open?: boolean } = {}): Job {
    const job = catalogue.get(id);
    if (!job) throw new NotFoundError(`No job with id "${id}".`, { id });
    if (options.open && job.status !== 'open') throw new ConflictError(`The job ${jobLabel(job)} is closed.`, { id, status: job.status });
    return job;
  }

  /** Writes new editable fields computed from the stored job, inside RxDB's retry-on-conflict loop. */
  async function rewrite(id: string, next: (current: Job) => JobFields, actor: JobActor): Promise<Job> {
    const doc = await db.jobs.findOne(id).exec();
    if (!doc) throw new NotFoundError(`No job with id "${id}".`, { id });
    let changed: string[] = [];
    const written = await doc.incrementalModify((data) => {
      const current = data as Job;
      const fields = next(current);
      changed = changedFields(editableFieldsOf(current), fields);
      const { id: _id, createdAt, updatedAt, deviceId, createdBy } = current;
      return { id, createdAt, updatedAt, deviceId, ...(createdBy ? { createdBy } : {}), ...fields };
    });
    applyDocument(catalogue, written);
    const job = written.toMutableJSON() as Job;
    await activities.record({
      actorId: actor.userId,
      action: 'job.updated',
      subjectType: 'job',
      subjectId: id,
      summary: changed.length ? `Updated job ${jobLabel(job)}: ${changed.join(', ')}` : `Saved job ${jobLabel(job)} unchanged`,
      details: { fields: changed },
    });
    return job;
  }

  return {
    list(query, audience) {
      const limit = query.limit ?? 20;
      const skip = query.skip ?? 0;
      if (audience === 'public' && query.status === 'closed') return { items: [], total: 0, limit, skip };
      const page = catalogue.search(
        {
          terms: keywordTerms(query.keyword ?? ''),
          location: locationKey(query.location ?? ''),
          ...(audience === 'public' ? { status: 'open' as const } : query.status ? { status: query.status } : {}),
          ...(query.remote !== undefined ? { remote: query.remote } : {}),
          sort: query.sort ?? DEFAULT_JOB_SORT,
        },
        { limit, skip },
      );
      return { items: audience === 'public' ? page.items.map(publicView) : page.items, total: page.total, limit, skip };
    },

    get(id, audience) {
      const job = catalogue.get(id);
      if (!visible(job, audience)) throw new NotFoundError(`No job with id "${id}".`, { id });
      return audience === 'public' ? publicView(job) : job;
    },

    getJob: (id) => catalogue.get(id),
    assertJobExists,

    async create(body, actor) {
      const doc = await db.jobs.insert(unstamped<Job>({ id: randomUUID(), ...fieldsFromBody(body), createdBy: actor.userId }));
      applyDocument(catalogue, doc);
      const job = doc.toMutableJSON() as Job;
      await activities.record({
        actorId: actor.userId,
        action: 'job.created',
        subjectType: 'job',
        subjectId: job.id,
        summary: `Posted job ${jobLabel(job)}`,
      });
      return job;
    },

    replace: (id, body, actor) => rewrite(id, () => fieldsFromBody(body), actor),
    update: (id, patch, actor) => rewrite(id, (current) => fieldsWithPatch(current, patch), actor),

    async remove(id, { force }, actor) {
      const doc = await db.jobs.findOne(id).exec();
      if (!doc) throw new NotFoundError(`No job with id "${id}".`, { id });
      const job = doc.toMutableJSON() as Job;
      const count = await applications.countForJob(id);
      if (count > 0 && !force) {
        throw new ConflictError(
          `The job ${jobLabel(job)} has ${count} application(s). Close it instead (status "closed"), or delete it with force=true to delete its applications too.`,
          { applications: count },
        );
      }
      // Applications first: if deleting the job then fails, a retry finds a job without applications.
      const applicationsRemoved = count > 0 ? await applications.removeForJob(actor.userId, id) : 0;
      applyDocument(catalogue, await doc.remove());
      await activities.record({
        actorId: actor.userId,
        action: 'job.deleted',
        subjectType: 'job',
        subjectId: id,
        summary: `Deleted job ${jobLabel(job)}${applicationsRemoved ? ` and its ${applicationsRemoved} application(s)` : ''}`,
        details: { title: job.title, company: job.company, applicationsRemoved },
      });
      return { applicationsRemoved };
    },

    async seed(actor) {
      const now = clock.now();
      const missing = SAMPLE_JOBS.filter((sample) => !catalogue.get(sample.id));
      const { success, error } = await db.jobs.bulkInsert(
        missing.map(({ postedDaysAgo, ...sample }) => {
          // Backdated posting times make a realistic list; updatedAt stays "now" (the stamp sets it)
          // because sync checkpoints order by it and must see this write as new.
          const createdAt = Math.max(0, now - postedDaysAgo * DAY_MS);
          return unstamped<Job>({ ...sample, createdBy: actor.userId, createdAt });
        }),
      );
      // A sample written meanwhile by someone else is "already there", like the ones filtered out.
      const unexpected = error.find((e) => e.status !== 409);
      if (unexpected) throw new Error(`Seeding job ${unexpected.documentId} failed with status ${unexpected.status}.`);
      for (const doc of success) applyDocument(catalogue, doc);
      const result = { inserted: success.length, skipped: SAMPLE_JOBS.length - success.length };
      if (result.inserted > 0) {
        await activities.record({
          actorId: actor.userId,
          action: 'job.seeded',
          subjectType: 'job',
          subjectId: 'sample-jobs',
          summary: `Added ${result.inserted} sample job(s)${result.skipped ? ` (${result.skipped} already there)` : ''}`,
          details: { ...result, ids: success.map((doc) => doc.primary) },
        });
      }
      return result;
    },

    countByLocation: () => catalogue.countByLocation(),
    countByStatus: () => catalogue.countByStatus(),
    close: () => subscription.unsubscribe(),
  };
}

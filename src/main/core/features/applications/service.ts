// Applications: a candidate applying to a job (or added to it by staff), moved along the status
// pipeline with every change kept in its history and recorded as an activity.
import { createHash } from 'node:crypto';
import { RxError, type MangoQuerySelector, type MangoQuerySortPart } from 'rxdb';
import type { ApplicationListQuery, ApplicationOut, JobApplicationsQuery } from '../../../../shared/api/applications.js';
import type { Application, ApplicationChange, ApplicationStatus } from '../../../../shared/schemas/application.js';
import type { Principal } from '../../api/access.js';
import type { Clock } from '../../clock.js';
import type { AppDatabase } from '../../db/database.js';
import { unstamped } from '../../db/write-stamp.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import type { ActivityLog } from '../activities/service.js';
import { findPage } from '../candidates/find-page.js';
import { assertCanMove } from './pipeline.js';
import { createApplicationStatistics, type ApplicationStatistics } from './statistics.js';
import { asSeenBy, withName, withNames } from './views.js';

export interface ApplicationServiceDeps {
  db: AppDatabase;
  clock: Clock;
  activities: ActivityLog;
}

export interface NewApplication {
  jobId: string;
  candidateId: string;
  resumeId?: string;
  note?: string;
}

export interface ApplicationPage {
  items: ApplicationOut[];
  total: number;
  limit: number;
  skip: number;
}

export interface ApplicationService extends ApplicationStatistics {
  /** A candidate account applying to a job for its own candidate record. */
  apply(principal: Principal, input: { jobId: string; resumeId?: string }): Promise<ApplicationOut>;
  /** Staff adding any candidate to a job. */
  add(actorId: string, input: NewApplication): Promise<ApplicationOut>;
  /** Staff move an application along the pipeline; a candidate may only withdraw their own. */
  changeStatus(principal: Principal, id: string, change: { status: ApplicationStatus; note?: string }): Promise<ApplicationOut>;
  /** Staff see any application, a candidate only their own (others are "not found"). */
  get(principal: Principal, id: string): Promise<ApplicationOut>;
  list(principal: Principal, query: ApplicationListQuery): Promise<ApplicationPage>;
  listForJob(principal: Principal, jobId: string, query: JobApplicationsQuery): Promise<ApplicationPage>;
  countForCandidate(candidateId: string): Promise<number>;
  /** Deletes every application of the candidate, recording each; returns how many. */
  removeForCandidate(actorId: string, candidateId: string): Promise<number>;
  countForJob(jobId: string): Promise<number>;
  /** Deletes every application to the job, recording each; returns how many. */
  removeForJob(actorId: string, jobId: string): Promise<number>;
}

/**
 * The id of the one application a candidate can have for a job. Being derived from the pair, a
 * second insert for the same pair conflicts in the database itself, so two simultaneous requests
 * cannot both succeed.
 */
export function applicationIdFor(jobId: string, candidateId: string): string {
  return `app_${createHash('sha256').update(JSON.stringify([jobId, candidateId])).digest('hex').slice(0, 40)}`;
}

const isStaff = (principal: Principal) => principal.role === 'admin' || principal.role === 'recruiter';

export function createApplicationService({ db, clock, activities }: ApplicationServiceDeps): ApplicationService {
  const statistics = createApplicationStatistics(db);

  async function openJob(jobId: string) {
    const job = await db.jobs.findOne(jobId).exec();
    if (!job) throw new NotFoundError(`No job with id ${jobId}.`, { field: 'job_id', jobId });
    if (job.status !== 'open') throw new ConflictError(`The job "${job.title}" is closed and takes no applications.`, { jobId, status: job.status });
    return job;
  }

  async function assertResumeOf(resumeId: string, candidateId: string): Promise<void> {
    const resume = await db.resumes.findOne(resumeId).exec();
    if (!resume) throw new NotFoundError(`No résumé with id ${resumeId}.`, { field: 'resume_id', resumeId });
    if (resume.candidateId !== candidateId) {
      throw new ValidationError('resume_id must be a résumé of the candidate who applies.', { field: 'resume_id', resumeId });
    }
  }

  async function create(actorId: string, input: NewApplication, via: 'apply' | 'staff'): Promise<ApplicationOut> {
    const job = await openJob(input.jobId);
    const candidate = await db.candidates.findOne(input.candidateId).exec();
    if (!candidate) throw new NotFoundError(`No candidate with id ${input.candidateId}.`, { field: 'candidate_id', candidateId: input.candidateId });
    if (input.resumeId) await assertResumeOf(input.resumeId, candidate.id);

    const id = applicationIdFor(job.id, candidate.id);
    const first: ApplicationChange = { at: clock.now(), by: actorId, to: 'applied', ...(input.note ? { note: input.note } : {}) };
    let application: Application;
    try {
      const doc = await db.applications.insert(
        unstamped<Application>({
          id,
          jobId: job.id,
          candidateId: candidate.id,
          ...(input.resumeId ? { resumeId: input.resumeId } : {}),
          status: 'applied',
          history: [first],
        }),
      );
      application = doc.toMutableJSON();
    } catch (error) {
      if (error instanceof RxError && error.code === 'CONFLICT') {
        throw new ConflictError(`${candidate.name} has already applied to "${job.title}".`, { applicationId: id, jobId: job.id, candidateId: candidate.id });
      }
      throw error;
    }
    await activities.record({
      actorId,
      action: 'application.created',
      subjectType: 'application',
      subjectId: id,
      summary: `${candidate.name} applied to ${job.title}`,
      details: { jobId: job.id, candidateId: candidate.id, via, ...(input.resumeId ? { resumeId: input.resumeId } : {}) },
    });
    return { ...application, candidateName: candidate.name, candidateEmail: candidate.primaryEmail, jobTitle: job.title };
  }

  /** The application a principal may see; a candidate asking for someone else's gets a 404. */
  async function visibleDocument(principal: Principal, id: string) {
    const doc = await db.applications.findOne(id).exec();
    if (!doc || (!isStaff(principal) && doc.candidateId !== principal.candidateId)) {
      throw new NotFoundError(`No application with id ${id}.`, { applicationId: id });
    }
    return doc;
  }

  async function page(principal: Principal, selector: MangoQuerySelector<Application>, query: JobApplicationsQuery): Promise<ApplicationPage> {
    const limit = query.limit ?? 20;
    const skip = query.skip ?? 0;
    const order = query.order ?? 'desc';
    const sort = [{ [query.sort ?? 'createdAt']: order }, { id: order }] as MangoQuerySortPart<Application>[];
    const found = await findPage(db.applications, { selector, sort, limit, skip });
    const items = (await withNames(db, found.items)).map((view) => asSeenBy(principal, view));
    return { items, total: found.total, limit, skip };
  }

  /** Deletes the applications of a deleted candidate or job, recording each deletion. */
  async function removeAll(actorId: string, selector: MangoQuerySelector<Application>, owner: 'candidate' | 'job'): Promise<number> {
    const docs = await db.applications.find({ selector }).exec();
    if (docs.length === 0) return 0;
    await db.applications.bulkRemove(docs);
    for (const doc of docs) {
      await activities.record({
        actorId,
        action: 'application.deleted',
        subjectType: 'application',
        subjectId: doc.id,
        summary: `Deleted an application (${doc.status}) with its ${owner}`,
        details: { jobId: doc.jobId, candidateId: doc.candidateId, status: doc.status, reason: `${owner} deleted` },
      });
    }
    return docs.length;
  }

  return {
    ...statistics,

    async apply(principal, { jobId, resumeId }) {
      if (!principal.candidateId) {
        throw new ConflictError('This account has no candidate profile yet, so it cannot apply.', { reason: 'no_candidate_record' });
      }
      return create(principal.userId, { jobId, candidateId: principal.candidateId, ...(resumeId ? { resumeId } : {}) }, 'apply');
    },

    add: (actorId, input) => create(actorId, input, 'staff'),

    async changeStatus(principal, id, { status, note }) {
      const doc = await visibleDocument(principal, id);
      if (!isStaff(principal) && status !== 'withdrawn') {
        throw new ForbiddenError('A candidate can only withdraw their own application.', { field: 'status', allowed: ['withdrawn'] });
      }
      let from: ApplicationStatus = doc.status;
      // The check runs on the latest stored state, so two concurrent changes cannot both pass it.
      const updated = await doc.incrementalModify((data) => {
        from = data.status;
        assertCanMove(from, status);
        const change: ApplicationChange = { at: clock.now(), by: principal.userId, from, to: status, ...(note ? { note } : {}) };
        return { ...data, status, history: [...data.history, change] };
      });
      const view = await withName(db, updated.toMutableJSON());
      await activities.record({
        actorId: principal.userId,
        action: 'application.status_changed',
        subjectType: 'application',
        subjectId: id,
        summary: `${view.candidateName || 'A candidate'}: ${from} → ${status} for ${view.jobTitle || 'a job'}`,
        details: { from, to: status, jobId: view.jobId, candidateId: view.candidateId, ...(note ? { note } : {}) },
      });
      return asSeenBy(principal, view);
    },

    async get(principal, id) {
      return asSeenBy(principal, await withName(db, (await visibleDocument(principal, id)).toMutableJSON()));
    },

    async list(principal, query) {
      let candidateId = query.candidate_id;
      if (!isStaff(principal)) {
        if (candidateId !== undefined && candidateId !== principal.candidateId) {
          throw new ForbiddenError('A candidate can only list their own applications.', { field: 'candidate_id' });
        }
        if (!principal.candidateId) return { items: [], total: 0, limit: query.limit ?? 20, skip: query.skip ?? 0 };
        candidateId = principal.candidateId;
      }
      return page(
        principal,
        {
          ...(query.job_id !== undefined ? { jobId: query.job_id } : {}),
          ...(candidateId !== undefined ? { candidateId } : {}),
          ...(query.status !== undefined ? { status: query.status } : {}),
        },
        query,
      );
    },

    async listForJob(principal, jobId, query) {
      const job = await db.jobs.findOne(jobId).exec();
      if (!job) throw new NotFoundError(`No job with id ${jobId}.`, { jobId });
      return page(principal, { jobId, ...(query.status !== undefined ? { status: query.status } : {}) }, query);
    },

    countForCandidate: (candidateId) => db.applications.count({ selector: { candidateId } }).exec(),
    removeForCandidate: (actorId, candidateId) => removeAll(actorId, { candidateId }, 'candidate'),
    countForJob: (jobId) => db.applications.count({ selector: { jobId } }).exec(),
    removeForJob: (actorId, jobId) => removeAll(actorId, { jobId }, 'job'),
  };
}

// Reads and writes of the `analyses` collection. Status changes go through `modify`, one conditional
// write re-run on the newest revision, so a task re-run after a crash cannot undo a finished record.
import type { Analysis, AnalysisProvider } from '../../../../shared/schemas/analysis.js';
import type { AppDatabase } from '../../db/database.js';
import { unstamped, type Unstamped } from '../../db/write-stamp.js';
import { NotFoundError } from '../../errors.js';
import { PROMPT_VERSION } from './providers/prompt.js';

export interface AnalysisStore {
  insert(analysis: Unstamped<Analysis>): Promise<Analysis>;
  find(id: string): Promise<Analysis | undefined>;
  /** @throws NotFoundError */
  get(id: string): Promise<Analysis>;
  /** Applies `change` to the newest revision; `change` returns null to leave the document alone. */
  modify(id: string, change: (current: Analysis) => Analysis | null): Promise<Analysis | undefined>;
  /** The newest completed analysis with this cache key that `accept` takes (any, by default). */
  findCompleted(cacheKey: string, accept?: (analysis: Analysis) => boolean): Promise<Analysis | undefined>;
  /** Every analysis of the résumé, newest first. */
  listForResume(resumeId: string): Promise<Analysis[]>;
  /** Completed analyses against the job, newest first. */
  completedForJob(jobId: string): Promise<Analysis[]>;
  /** Analyses still waiting to run (a crash can leave one without its task). */
  queued(): Promise<Analysis[]>;
  /** Analyses created in [from, to), for the usage summary. */
  createdBetween(from: number | undefined, to: number | undefined): Promise<Analysis[]>;
}

export function createAnalysisStore(db: AppDatabase): AnalysisStore {
  const find = async (id: string) => (await db.analyses.findOne(id).exec())?.toMutableJSON();

  return {
    async insert(analysis) {
      return (await db.analyses.insert(unstamped<Analysis>(analysis))).toMutableJSON();
    },

    find,

    async get(id) {
      const analysis = await find(id);
      if (!analysis) throw new NotFoundError(`No analysis with id ${id}.`, { analysisId: id });
      return analysis;
    },

    async modify(id, change) {
      const doc = await db.analyses.findOne(id).exec();
      if (!doc || change(doc.toMutableJSON()) === null) return undefined;
      let changed = false;
      const written = await doc.incrementalModify((current) => {
        const next = change(current);
        changed = next !== null;
        return next ?? current;
      });
      return changed ? written.toMutableJSON() : undefined;
    },

    async findCompleted(cacheKey, accept = () => true) {
      const docs = await db.analyses.find({ selector: { cacheKey }, sort: [{ cacheKey: 'asc' }] }).exec();
      const completed = docs.map((doc) => doc.toMutableJSON()).filter((a) => a.status === 'completed' && accept(a));
      completed.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
      return completed[0];
    },

    async listForResume(resumeId) {
      const docs = await db.analyses.find({ selector: { resumeId }, sort: [{ resumeId: 'desc' }, { createdAt: 'desc' }] }).exec();
      return docs.map((doc) => doc.toMutableJSON()).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    },

    async completedForJob(jobId) {
      const docs = await db.analyses.find({ selector: { jobId }, sort: [{ jobId: 'desc' }, { createdAt: 'desc' }] }).exec();
      return docs.map((doc) => doc.toMutableJSON()).filter((a) => a.status === 'completed').sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    },

    async queued() {
      return (await db.analyses.find({ selector: { status: 'queued' } }).exec()).map((doc) => doc.toMutableJSON());
    },

    async createdBetween(from, to) {
      const createdAt = { ...(from === undefined ? {} : { $gte: from }), ...(to === undefined ? {} : { $lt: to }) };
      const selector = Object.keys(createdAt).length === 0 ? {} : { createdAt };
      return (await db.analyses.find({ selector, sort: [{ createdAt: 'asc' }] }).exec()).map((doc) => doc.toMutableJSON());
    },
  };
}

export interface NewAnalysis {
  id: string;
  resumeId: string;
  jobId?: string;
  jobDescription?: string;
  requestedProvider?: AnalysisProvider;
  /** The provider expected to answer (the chain's first) until the run records the one that did. */
  provider: AnalysisProvider;
  blind: boolean;
  cacheKey: string;
  taskId: string;
}

/** A new analysis document, queued. */
export function queuedAnalysis(input: NewAnalysis): Unstamped<Analysis> {
  return {
    id: input.id,
    resumeId: input.resumeId,
    jobId: input.jobId ?? '',
    ...(input.jobDescription === undefined ? {} : { jobDescription: input.jobDescription }),
    ...(input.requestedProvider === undefined ? {} : { requestedProvider: input.requestedProvider }),
    provider: input.provider,
    model: '',
    promptVersion: PROMPT_VERSION,
    blind: input.blind,
    status: 'queued',
    cacheKey: input.cacheKey,
    taskId: input.taskId,
  };
}

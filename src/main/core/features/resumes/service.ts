// Résumés: files checked by content and stored by hash, a durable parse task per stored file, and
// the reads, deletes and re-parses the API offers. Who may see what is decided by the routes and
// passed in as `owner` (a candidate sees only résumés of their own candidate record).
import { RxError, type MangoQuerySelector } from 'rxdb';
import type { ResumeListQuery, UploadItem } from '../../../../shared/api/resumes.js';
import type { Resume, ResumeSource } from '../../../../shared/schemas/resume.js';
import type { Task } from '../../../../shared/schemas/task.js';
import type { AppDatabase } from '../../db/database.js';
import { unstamped } from '../../db/write-stamp.js';
import { NotFoundError } from '../../errors.js';
import type { TaskQueue } from '../../tasks/queue.js';
import { taskIdFor } from '../../tasks/task-store.js';
import type { ActivityLog } from '../activities/service.js';
import { sanitizeFileName } from './file-name.js';
import { hasPdfMagic } from './pdf/pdf-extraction.js';
import { sha256Hex, type ResumeStore } from './resume-store.js';

export const RESUME_PARSE_TASK = 'resume.parse';
const PARSE_MAX_ATTEMPTS = 3;
/** Where the end-of-file marker must be: the PDF specification puts it at the very end. */
const EOF_WINDOW = 2048;

export interface IncomingFile {
  /** The name the client gave; sanitised before it is stored or shown. */
  name: string | undefined;
  bytes: Uint8Array;
}

export interface IngestTarget {
  actorId: string;
  importId: string;
  source: ResumeSource;
  /** The candidate the file belongs to; '' when the parse is to find or create one. */
  candidateId: string;
  /** Set when a candidate uploads: a duplicate belonging to someone else is refused, not shown. */
  owner?: string;
}

/** A file read and, if it passed the checks, stored but not yet announced or queued. */
export interface StagedFile {
  item: UploadItem;
  /** The résumé this call inserted (absent for duplicates and refused files). */
  inserted?: Resume;
}

export interface ParsePayload {
  resumeId: string;
  generation: number;
  actorId: string;
}

export interface ResumeService {
  /** Checks one file and stores it; nothing is queued or announced until `commit`. */
  stage(file: IncomingFile, target: IngestTarget): Promise<StagedFile>;
  /** Records, announces and queues the parse of every staged file that was inserted. */
  commit(actorId: string, staged: readonly StagedFile[]): Promise<void>;
  /** Undoes `stage` for files of a request that failed as a whole. */
  discard(staged: readonly StagedFile[]): Promise<void>;
  get(id: string, options?: { owner?: string; includeText?: boolean }): Promise<Resume>;
  list(query: ResumeListQuery): Promise<{ items: Resume[]; total: number; limit: number; skip: number }>;
  file(id: string, owner?: string): Promise<{ fileName: string; bytes: Uint8Array }>;
  remove(actorId: string, id: string, owner?: string): Promise<void>;
  /** Queues a new parse (a new generation: any older parse task becomes a no-op). */
  reparse(actorId: string, id: string): Promise<Task>;
  /** Queues the parse of résumés a crash left 'uploaded' without a task; returns how many. */
  requeueUnparsed(): Promise<number>;
  parseTaskId(resume: Pick<Resume, 'id' | 'importId' | 'parseGeneration'>): string;
}

export interface ResumeServiceDeps {
  db: AppDatabase;
  store: ResumeStore;
  queue: TaskQueue;
  activities: ActivityLog;
}

/**
 * One parse task per (résumé, import, generation): the import id tells a file uploaded again after
 * it was deleted from the first upload, whose task is finished; the generation counts re-parses.
 */
const parseKey = (resume: Pick<Resume, 'id' | 'importId' | 'parseGeneration'>) =>
  `${RESUME_PARSE_TASK}:${resume.id}:${resume.importId ?? ''}:${resume.parseGeneration ?? 0}`;

function refused(fileName: string, code: string, message: string): StagedFile {
  return { item: { file_name: fileName, duplicate: false, status: 'rejected', error: { code, message } } };
}

function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.length - EOF_WINDOW));
  return tail.includes('%%EOF', 0, 'latin1');
}

/** Why these bytes cannot be a résumé PDF, checked before anything is stored; null when they may be. */
export function refusalOf(bytes: Uint8Array): { code: string; message: string } | null {
  if (bytes.length === 0) return { code: 'empty', message: 'The file is empty.' };
  if (!hasPdfMagic(bytes)) return { code: 'not_pdf', message: 'The file is not a PDF: its content has no %PDF- header, whatever its name says.' };
  if (!hasEndMarker(bytes)) return { code: 'truncated', message: 'The PDF is cut short: it has no %%EOF end marker. Upload the complete file.' };
  return null;
}

/** Waits for every write (none is left running behind an answer), then throws the first error. */
async function allSettledOrThrow(writes: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(writes)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

export function createResumeService({ db, store, queue, activities }: ResumeServiceDeps): ResumeService {
  async function visible(id: string, owner?: string) {
    const doc = await store.get(id);
    // A candidate is told "not found" about other people's résumés, not that they exist.
    if (owner !== undefined && doc.candidateId !== owner) throw new NotFoundError(`No résumé with id ${id}.`, { resumeId: id });
    return doc;
  }

  /**
   * RxDB refuses a count the storage can only answer by reading documents (QU14, the SQLite storage
   * for filters no one index covers, such as importId or two filters); those are counted by reading.
   */
  async function countMatches(selector: MangoQuerySelector<Resume>): Promise<number> {
    try {
      return await db.resumes.count({ selector }).exec();
    } catch (error) {
      if (!(error instanceof RxError && error.code === 'QU14')) throw error;
      return (await db.resumes.find({ selector }).exec()).length;
    }
  }

  async function enqueueParse(resume: Resume, actorId: string): Promise<Task> {
    const generation = resume.parseGeneration ?? 0;
    const payload: ParsePayload = { resumeId: resume.id, generation, actorId };
    return queue.enqueue({ type: RESUME_PARSE_TASK, payload: { ...payload }, idempotencyKey: parseKey(resume), maxAttempts: PARSE_MAX_ATTEMPTS });
  }

  return {
    async stage(file, target) {
      const fileName = sanitizeFileName(file.name);
      const refusal = refusalOf(file.bytes);
      if (refusal) return refused(fileName, refusal.code, refusal.message);
      const id = sha256Hex(file.bytes);
      const { resume, inserted } = await store.insertWithFile(
        unstamped<Resume>({
          id,
          sha256: id,
          fileName,
          size: file.bytes.length,
          status: 'uploaded',
          candidateId: target.candidateId,
          uploadedBy: target.actorId,
          importId: target.importId,
          source: target.source,
          parseGeneration: 0,
        }),
        file.bytes,
      );
      if (inserted) return { item: { file_name: fileName, resume_id: id, duplicate: false, status: 'uploaded' }, inserted: resume };
      if (target.owner !== undefined && resume.candidateId !== target.owner) {
        return refused(fileName, 'duplicate_of_other', 'This exact file was already uploaded for someone else.');
      }
      // Stored before by this same import (a folder import run again after a crash) is not a duplicate.
      const duplicate = resume.importId !== target.importId;
      return { item: { file_name: fileName, resume_id: id, duplicate, status: resume.status } };
    },

    async commit(actorId, staged) {
      // Every file's activity and parse task are written at once, so the storage commits them as
      // one group (one fsync for the whole request instead of two per file).
      const writes = staged.map(async ({ inserted }) => {
        if (!inserted) return;
        store.announce(inserted);
        await allSettledOrThrow([
          activities.record({
            actorId,
            action: 'resume.uploaded',
            subjectType: 'resume',
            subjectId: inserted.id,
            summary: `Uploaded résumé ${inserted.fileName}`,
            details: { importId: inserted.importId, size: inserted.size, ...(inserted.candidateId ? { candidateId: inserted.candidateId } : {}) },
          }),
          enqueueParse(inserted, actorId),
        ]);
      });
      // A résumé whose task was not written stays 'uploaded'; requeueUnparsed() queues it.
      await allSettledOrThrow(writes);
    },

    async discard(staged) {
      for (const { inserted } of staged) {
        const doc = inserted && (await store.find(inserted.id));
        if (doc) await store.remove(doc);
      }
    },

    async get(id, { owner, includeText = false } = {}) {
      const resume = (await visible(id, owner)).toMutableJSON();
      if (!includeText) delete resume.text;
      return resume;
    },

    async list(query) {
      const limit = query.limit ?? 20;
      const skip = query.skip ?? 0;
      const selector: MangoQuerySelector<Resume> = {
        ...(query.status ? { status: query.status } : {}),
        ...(query.candidate_id ? { candidateId: query.candidate_id } : {}),
        ...(query.import_id ? { importId: query.import_id } : {}),
      };
      const [docs, total] = await Promise.all([
        db.resumes.find({ selector, sort: [{ createdAt: 'desc' }, { id: 'desc' }], skip, limit }).exec(),
        countMatches(selector),
      ]);
      return { items: docs.map((d) => d.toMutableJSON()), total, limit, skip };
    },

    async file(id, owner) {
      const doc = await visible(id, owner);
      const bytes = await store.readFile(doc);
      if (!bytes) throw new NotFoundError(`The PDF of résumé ${id} is not on this device.`, { resumeId: id });
      return { fileName: doc.fileName, bytes };
    },

    async remove(actorId, id, owner) {
      const doc = await visible(id, owner);
      const resume = doc.toMutableJSON();
      // A queued parse of a deleted résumé would find nothing; cancelling it keeps the queue tidy.
      await queue.cancel(taskIdFor(parseKey(resume))).catch(() => undefined);
      await store.remove(doc);
      store.announce({ ...resume, status: 'deleted' });
      await activities.record({
        actorId,
        action: 'resume.deleted',
        subjectType: 'resume',
        subjectId: id,
        summary: `Deleted résumé ${resume.fileName}`,
        details: { ...(resume.candidateId ? { candidateId: resume.candidateId } : {}), sha256: resume.sha256 },
      });
    },

    async reparse(actorId, id) {
      await store.get(id);
      const resume = await store.modify(id, (current) => {
        const { parseError: _dropped, ...rest } = current;
        return { ...rest, status: 'uploaded', parseGeneration: (current.parseGeneration ?? 0) + 1 };
      });
      if (!resume) throw new NotFoundError(`No résumé with id ${id}.`, { resumeId: id });
      const task = await enqueueParse(resume, actorId);
      await activities.record({
        actorId,
        action: 'resume.reparse_requested',
        subjectType: 'resume',
        subjectId: id,
        summary: `Asked to parse résumé ${resume.fileName} again`,
        details: { taskId: task.id, generation: resume.parseGeneration ?? 0 },
      });
      return task;
    },

    async requeueUnparsed() {
      const waiting = await store.findAll({ status: 'uploaded' });
      // Enqueueing is idempotent per generation: a résumé whose task exists gets that task back.
      for (const resume of waiting) await enqueueParse(resume, resume.uploadedBy ?? 'system');
      return waiting.length;
    },

    parseTaskId: (resume) => taskIdFor(parseKey(resume)),
  };
}

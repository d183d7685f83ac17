// Imports: every upload request and every folder import is one, named by its import id. Its status
// is counted from the résumés it stored plus the summary recorded when it finished (duplicates and
// refused files); it can be cancelled (queued parses stop, their résumés end failed 'cancelled') and
// retried (failed résumés are parsed again).
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { ImportStatus, UploadItem } from '../../../../shared/api/resumes.js';
import { RESUME_STATUSES, type Resume } from '../../../../shared/schemas/resume.js';
import type { AppDatabase } from '../../db/database.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { TaskQueue } from '../../tasks/queue.js';
import type { ActivityLog } from '../activities/service.js';
import type { ResumeStore } from './resume-store.js';
import type { ResumeService } from './service.js';

export const FOLDER_IMPORT_TASK = 'resume.import-folder';
export const CANCELLED_MESSAGE = 'Parsing was cancelled with its import; retry the import to parse it.';

export interface ImportSummary {
  files: number;
  stored: number;
  duplicates: number;
  rejected: number;
}

/** The folder task's own id is the import id. */
export interface FolderImportPayload {
  path: string;
  actorId: string;
}

export interface ImportService {
  /** Records what one upload request or folder-import run did. */
  recordSummary(actorId: string, importId: string, items: readonly UploadItem[]): Promise<ImportSummary>;
  status(importId: string): Promise<ImportStatus>;
  cancel(actorId: string, importId: string): Promise<number>;
  retry(actorId: string, importId: string): Promise<number>;
  /** Queues one durable folder import; @throws ValidationError unless `path` is an absolute existing folder. */
  importFolder(actorId: string, path: string): Promise<{ importId: string; taskId: string }>;
}

export interface ImportServiceDeps {
  db: AppDatabase;
  store: ResumeStore;
  resumes: ResumeService;
  queue: TaskQueue;
  activities: ActivityLog;
}

const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0);

export function summarize(items: readonly UploadItem[]): ImportSummary {
  return {
    files: items.length,
    stored: items.filter((i) => i.resume_id && !i.duplicate).length,
    duplicates: items.filter((i) => i.duplicate).length,
    rejected: items.filter((i) => i.status === 'rejected').length,
  };
}

export function createImportService({ db, store, resumes, queue, activities }: ImportServiceDeps): ImportService {
  const ofImport = (importId: string) => store.findByImport(importId);

  async function latestSummary(importId: string) {
    const [latest] = await db.activities
      .find({ selector: { subjectType: 'import', subjectId: importId, action: 'resume.imported' }, sort: [{ at: 'desc' }, { id: 'desc' }], limit: 1 })
      .exec();
    return latest?.details;
  }

  async function folderTask(importId: string) {
    const task = await queue.get(importId).catch(() => undefined);
    return task?.type === FOLDER_IMPORT_TASK ? task : undefined;
  }

  return {
    async recordSummary(actorId, importId, items) {
      const summary = summarize(items);
      await activities.record({
        actorId,
        action: 'resume.imported',
        subjectType: 'import',
        subjectId: importId,
        summary: `Imported ${summary.files} file(s): ${summary.stored} new, ${summary.duplicates} duplicate(s), ${summary.rejected} refused`,
        details: { ...summary },
      });
      return summary;
    },

    async status(importId) {
      const [stored, summary, task] = await Promise.all([ofImport(importId), latestSummary(importId), folderTask(importId)]);
      if (stored.length === 0 && !summary && !task) throw new NotFoundError(`No import with id ${importId}.`, { importId });
      const byStatus = Object.fromEntries(RESUME_STATUSES.map((s) => [s, stored.filter((r) => r.status === s).length])) as Record<Resume['status'], number>;
      return {
        import_id: importId,
        total: stored.length,
        ...byStatus,
        duplicates: count(summary?.duplicates),
        rejected: count(summary?.rejected),
        ...(task
          ? { task: { id: task.id, status: task.status, ...(task.progress ? { done: task.progress.done, total: task.progress.total } : {}) } }
          : {}),
      };
    },

    async cancel(actorId, importId) {
      const stored = await ofImport(importId);
      const task = await folderTask(importId);
      if (stored.length === 0 && !task) throw new NotFoundError(`No import with id ${importId}.`, { importId });
      if (task && (task.status === 'queued' || task.status === 'running')) await queue.cancel(task.id);
      let cancelled = 0;
      for (const resume of stored) {
        if (resume.status !== 'uploaded' && resume.status !== 'parsing') continue;
        // First the résumé, so a parse finishing meanwhile sees it is no longer its to write.
        const written = await store.modify(resume.id, (current) =>
          current.status === 'uploaded' || current.status === 'parsing'
            ? { ...current, status: 'failed', parseError: { code: 'cancelled', message: CANCELLED_MESSAGE } }
            : null,
        );
        if (!written) continue;
        cancelled++;
        await queue.cancel(resumes.parseTaskId(written)).catch(() => undefined);
      }
      await activities.record({
        actorId,
        action: 'resume.import_cancelled',
        subjectType: 'import',
        subjectId: importId,
        summary: `Cancelled an import: ${cancelled} résumé(s) will not be parsed`,
        details: { cancelled },
      });
      return cancelled;
    },

    async retry(actorId, importId) {
      const stored = await ofImport(importId);
      if (stored.length === 0) throw new NotFoundError(`No import with id ${importId}.`, { importId });
      let retried = 0;
      for (const resume of stored.filter((r) => r.status === 'failed')) {
        await resumes.reparse(actorId, resume.id);
        retried++;
      }
      await activities.record({
        actorId,
        action: 'resume.import_retried',
        subjectType: 'import',
        subjectId: importId,
        summary: `Retried an import: ${retried} failed résumé(s) queued again`,
        details: { retried },
      });
      return retried;
    },

    async importFolder(actorId, path) {
      if (!isAbsolute(path)) throw new ValidationError('path must be an absolute folder path.', { field: 'path' });
      const info = await stat(path).catch(() => undefined);
      if (!info?.isDirectory()) throw new ValidationError(`${path} is not an existing folder.`, { field: 'path' });
      const payload: FolderImportPayload = { path, actorId };
      // The task's id is the import id, so the import's status can show the folder walk's progress.
      const task = await queue.enqueue({ type: FOLDER_IMPORT_TASK, payload: { ...payload } });
      const importId = task.id;
      await activities.record({
        actorId,
        action: 'resume.import_folder_requested',
        subjectType: 'import',
        subjectId: importId,
        summary: `Asked to import the résumés in a folder`,
        details: { taskId: task.id },
      });
      return { importId, taskId: task.id };
    },
  };
}

// The `resume.import-folder` task handler: walks one folder (not its subfolders), sends every regular
// file through the same checks and storage as an upload, and reports progress. Storage dedupes by
// hash, so running it again after a crash skips what was stored and carries on with the rest.
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { UploadItem } from '../../../../shared/api/resumes.js';
import { PermanentTaskError, type TaskHandler } from '../../tasks/queue.js';
import { sanitizeFileName } from './file-name.js';
import type { FolderImportPayload, ImportService } from './imports.js';
import type { ResumeService } from './service.js';

/** More files than this in one folder is refused: pick a smaller folder or split it. */
export const FOLDER_FILES_MAX = 5000;

export interface FolderTaskDeps {
  resumes: ResumeService;
  imports: ImportService;
  maxFileBytes: number;
}

function payloadOf(payload: Record<string, unknown>): FolderImportPayload {
  const { path, actorId } = payload;
  if (typeof path !== 'string' || typeof actorId !== 'string') throw new PermanentTaskError('resume.import-folder needs { path, actorId }', 'BAD_PAYLOAD');
  return { path, actorId };
}

export function createFolderImportHandler({ resumes, imports, maxFileBytes }: FolderTaskDeps): TaskHandler {
  return async (task, ctx) => {
    const { path, actorId } = payloadOf(task.payload);
    const importId = task.id;
    let entries: Dirent[];
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      throw new PermanentTaskError(`The folder cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 'FOLDER_UNREADABLE');
    }
    // Regular files only: no subfolders, and no symbolic links that could lead out of the folder.
    const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
    if (files.length > FOLDER_FILES_MAX) {
      throw new PermanentTaskError(`The folder holds ${files.length} files; at most ${FOLDER_FILES_MAX} are imported at once.`, 'TOO_MANY_FILES');
    }
    const items: UploadItem[] = [];
    await ctx.progress(0, files.length);
    for (const [index, name] of files.entries()) {
      ctx.signal.throwIfAborted();
      const file = join(path, name);
      const size = (await stat(file).catch(() => undefined))?.size;
      if (size === undefined) {
        items.push({ file_name: sanitizeFileName(name), duplicate: false, status: 'rejected', error: { code: 'unreadable', message: 'The file could not be read.' } });
      } else if (size > maxFileBytes) {
        const message = `The file is ${size} bytes; the limit is ${maxFileBytes}.`;
        items.push({ file_name: sanitizeFileName(name), duplicate: false, status: 'rejected', error: { code: 'too_large', message } });
      } else {
        const staged = await resumes.stage({ name, bytes: await readFile(file) }, { actorId, importId, source: 'folder', candidateId: '' });
        await resumes.commit(actorId, [staged]);
        items.push(staged.item);
      }
      await ctx.progress(index + 1, files.length, name.slice(0, 200));
    }
    const summary = await imports.recordSummary(actorId, importId, items);
    return { ...summary };
  };
}

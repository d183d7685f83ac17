// Résumé imports: an upload of dropped or picked files, or a folder import, with its progress and
// the outcome of every file. Kept current by resume.changed events of the import, with the
// import's status and résumé list read again (at most twice a second) when they arrive.
import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/api/client';
import type { EventStream } from '../../../shared/api/event-stream';
import type { ImportStatus, UploadItem } from '../../../shared/api/resumes';
import { messageOf } from './load-status';

export type FileOutcome = 'waiting' | 'parsing' | 'parsed' | 'failed' | 'duplicate' | 'rejected';

export interface ImportRow {
  key: string;
  fileName: string;
  resumeId?: string;
  candidateId?: string;
  outcome: FileOutcome;
  reason?: string;
}

export interface ImportsState {
  importId: string | null;
  /** 'uploading' while the files are sent; 'running' while they are parsed; 'done' once each has an outcome. */
  phase: 'idle' | 'uploading' | 'running' | 'done' | 'error';
  rows: ImportRow[];
  status: ImportStatus | null;
  error: string | null;
  uploadFiles(files: readonly File[]): Promise<void>;
  importFolder(path: string): Promise<void>;
  refresh(): Promise<void>;
  cancel(): Promise<void>;
  retry(): Promise<void>;
  reset(): void;
  follow(stream: EventStream): () => void;
}

const REFRESH_MS = 500;
const LIST_LIMIT = 100;

function outcomeOf(status: string): FileOutcome {
  if (status === 'parsed' || status === 'analyzed') return 'parsed';
  if (status === 'failed') return 'failed';
  if (status === 'parsing') return 'parsing';
  return 'waiting';
}

function rowOfUpload(item: UploadItem, index: number): ImportRow {
  const base = { key: `upload-${index}`, fileName: item.file_name, ...(item.resume_id ? { resumeId: item.resume_id } : {}) };
  if (item.status === 'rejected') return { ...base, outcome: 'rejected', reason: item.error?.message ?? 'Refused.' };
  if (item.duplicate) return { ...base, outcome: 'duplicate', reason: 'Already imported earlier.' };
  return { ...base, outcome: outcomeOf(item.status) };
}

export function createImportsStore({ api }: { api: ApiClient }) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return createStore<ImportsState>()((set, get) => {
    function scheduleRefresh(): void {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void get().refresh();
      }, REFRESH_MS);
    }

    return {
      importId: null,
      phase: 'idle',
      rows: [],
      status: null,
      error: null,

      async uploadFiles(files) {
        const pdfs = files.filter((f) => f.size > 0);
        if (pdfs.length === 0) return;
        set({ phase: 'uploading', rows: pdfs.map((f, i) => ({ key: `upload-${i}`, fileName: f.name, outcome: 'waiting' })), status: null, error: null, importId: null });
        try {
          const response = await api.resumes.upload(pdfs.map((f) => ({ name: f.name, data: f })));
          set({ importId: response.import_id, rows: response.items.map(rowOfUpload), phase: 'running' });
          await get().refresh();
        } catch (error) {
          set({ phase: 'error', error: messageOf(error) });
        }
      },

      async importFolder(path) {
        set({ phase: 'uploading', rows: [], status: null, error: null, importId: null });
        try {
          const response = await api.resumes.importFolder(path);
          set({ importId: response.import_id, phase: 'running' });
          await get().refresh();
        } catch (error) {
          set({ phase: 'error', error: messageOf(error) });
        }
      },

      async refresh() {
        const importId = get().importId;
        if (!importId) return;
        try {
          const [status, list] = await Promise.all([api.resumes.importStatus(importId), api.resumes.list({ import_id: importId, limit: LIST_LIMIT })]);
          if (get().importId !== importId) return;
          set((state) => {
            const byResume = new Map(list.items.map((r) => [r.id, r]));
            const rows: ImportRow[] = state.rows.map((row) => {
              const resume = row.resumeId && row.outcome !== 'duplicate' ? byResume.get(row.resumeId) : undefined;
              if (!resume) return row;
              byResume.delete(resume.id);
              return { ...row, outcome: outcomeOf(resume.status), ...(resume.candidateId ? { candidateId: resume.candidateId } : {}), ...(resume.parseError ? { reason: resume.parseError.message } : {}) };
            });
            // A folder import's files are known only from the list.
            for (const resume of byResume.values()) {
              rows.push({
                key: resume.id,
                fileName: resume.fileName,
                resumeId: resume.id,
                outcome: outcomeOf(resume.status),
                ...(resume.candidateId ? { candidateId: resume.candidateId } : {}),
                ...(resume.parseError ? { reason: resume.parseError.message } : {}),
              });
            }
            const taskRunning = status.task !== undefined && (status.task.status === 'queued' || status.task.status === 'running');
            const pending = status.uploaded + status.parsing > 0 || taskRunning;
            return { status, rows, phase: pending ? 'running' : 'done' };
          });
        } catch (error) {
          set({ error: messageOf(error) });
        }
      },

      async cancel() {
        const importId = get().importId;
        if (!importId) return;
        await api.resumes.cancelImport(importId);
        await get().refresh();
      },

      async retry() {
        const importId = get().importId;
        if (!importId) return;
        await api.resumes.retryImport(importId);
        set({ phase: 'running' });
        await get().refresh();
      },

      reset() {
        set({ importId: null, phase: 'idle', rows: [], status: null, error: null });
      },

      follow(stream) {
        const offResume = stream.subscribe('resume.changed', ({ importId }) => {
          if (importId && importId === get().importId) scheduleRefresh();
        });
        const offTask = stream.subscribe('task.changed', () => {
          if (get().phase === 'running') scheduleRefresh();
        });
        return () => {
          offResume();
          offTask();
          if (timer !== undefined) clearTimeout(timer);
          timer = undefined;
        };
      },
    };
  });
}

export type ImportsStore = ReturnType<typeof createImportsStore>;

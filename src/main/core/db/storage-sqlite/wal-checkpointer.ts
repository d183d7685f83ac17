// Copies the write-ahead log back into the database file on a worker thread. SQLite's automatic
// checkpoint runs inside the commit that crosses its threshold, on the thread that commits: during
// a bulk import that is the main thread copying megabytes of pages and fsyncing the database file
// (a pause of 50–300 ms, measured). A PASSIVE checkpoint from a second connection does the same
// copy without blocking the writer; the main connection keeps a large automatic threshold only as
// a backstop (it then finds little left to copy). Durability is unchanged: commits are made durable
// by the WAL fsync on the main connection, checkpoints only move already-durable pages.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Log } from '../../log.js';

/** WAL size past which a checkpoint is asked for (SQLite's own default threshold is 1000 pages). */
export const CHECKPOINT_WAL_BYTES = 4 * 2 ** 20;
/**
 * At most one request per interval: the WAL file keeps its size after a checkpoint (SQLite reuses it
 * from the start), so its size says it was large, not that it is full again.
 */
const CHECKPOINT_INTERVAL_MS = 1000;
/** Pages (8 KiB) at which the main connection checkpoints by itself if the worker falls behind. */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 8192;

// Plain CommonJS evaluated in the worker, so the storage needs no separately built worker file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
db.pragma('synchronous = FULL');
parentPort.on('message', () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message) });
  }
});
`;

export interface WalCheckpointer {
  /** Called after a commit: asks the worker for a checkpoint when the WAL has grown past the threshold. */
  afterCommit(): void;
  close(): Promise<void>;
}

export function createWalCheckpointer(options: { file: string; busyTimeoutMs: number; log: Log }): WalCheckpointer {
  const { file, busyTimeoutMs, log } = options;
  const walFile = `${file}-wal`;
  let worker: Worker | undefined;
  let inFlight = false;
  let closed = false;
  let lastRequest = -Infinity;

  const start = (): Worker => {
    const module = createRequire(import.meta.url).resolve('better-sqlite3');
    const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, file, busyTimeoutMs } });
    // Never what keeps the process alive; close() ends it.
    started.unref();
    started.on('message', (reply: { ok: boolean; message?: string; result?: unknown }) => {
      inFlight = false;
      if (reply.ok) log.debug({ file, result: reply.result }, 'sqlite storage: background checkpoint');
      else log.warn({ file, error: reply.message }, 'sqlite storage: background checkpoint failed');
    });
    started.on('error', (error) => {
      // The backstop automatic checkpoint still bounds the WAL; a new worker is started on demand.
      log.warn({ file, err: error }, 'sqlite storage: checkpoint worker stopped');
      if (worker === started) worker = undefined;
      inFlight = false;
    });
    return started;
  };

  const walBytes = (): number => {
    try {
      return statSync(walFile).size;
    } catch {
      return 0;
    }
  };

  return {
    afterCommit() {
      if (closed || inFlight || performance.now() - lastRequest < CHECKPOINT_INTERVAL_MS) return;
      if (walBytes() < CHECKPOINT_WAL_BYTES) return;
      worker ??= start();
      inFlight = true;
      lastRequest = performance.now();
      worker.postMessage('checkpoint');
    },

    async close() {
      closed = true;
      const running = worker;
      worker = undefined;
      // An interrupted checkpoint is harmless: SQLite resumes copying at the next one.
      if (running) await running.terminate();
    },
  };
}

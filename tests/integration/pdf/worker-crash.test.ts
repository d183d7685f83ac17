// A worker that dies on a file (out of memory, or its thread exits) costs that file a clear
// failure code, not the app: the pool starts a fresh worker, which parses the next file normally.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { silentLog } from '../../../src/main/core/log.js';
import { createWorkerPool, type WorkerPool } from '../../../src/main/core/pool/worker-pool.js';
import { EXHAUST_HEAP, EXIT_THREAD } from './fixtures/crashing-pdf-worker.js';
import { makeResumePdf } from './pdf-factory.js';

const crashingWorker = fileURLToPath(new URL('./fixtures/crashing-pdf-worker.ts', import.meta.url));
let pool: WorkerPool;
let resume: Uint8Array;

beforeAll(async () => {
  // Enough heap for pdf.js under the TypeScript loader, little enough to run out in a moment.
  pool = createWorkerPool({ size: 1, log: silentLog, pdfWorkerFile: crashingWorker, workerHeapMb: 256 });
  resume = await makeResumePdf();
});

afterAll(async () => {
  await pool.close();
});

async function expectCrashThenRecovery(marker: string): Promise<void> {
  expect(await pool.parseResume(resume)).toMatchObject({ ok: true });
  const before = pool.threadIds();
  const failed = await pool.extractPdf(new TextEncoder().encode(marker));
  expect(failed).toMatchObject({ ok: false, code: 'worker_crashed' });
  if (!failed.ok) expect(failed.message).toMatch(/out of memory or crashed/);
  const next = await pool.parseResume(resume);
  expect(next).toMatchObject({ ok: true, profile: { basics: { name: 'Mariana Costa-Álvarez' } } });
  const after = pool.threadIds();
  expect(after).toHaveLength(1);
  expect(after).not.toEqual(before);
}

describe('a worker that dies while parsing', () => {
  it('answers worker_crashed when the worker runs out of heap, and a fresh worker parses the next file', async () => {
    await expectCrashThenRecovery(EXHAUST_HEAP);
  });

  it('answers worker_crashed when the worker thread exits, and a fresh worker parses the next file', async () => {
    await expectCrashThenRecovery(EXIT_THREAD);
  });
});

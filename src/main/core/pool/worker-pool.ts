// The worker-thread pool (piscina) that runs CPU work off the main thread: PDF text extraction.
// A task past its time limit is aborted, which makes piscina destroy its worker and start a fresh one.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Log } from '../log.js';
import {
  DEFAULT_PDF_LIMITS,
  pdfFailure,
  pdfStatus,
  precheckPdf,
  type PdfExtraction,
  type PdfLimits,
} from '../features/resumes/pdf/pdf-extraction.js';
import type { PdfTask } from '../../workers/pdf-worker.js';

export interface WorkerPoolOptions {
  /** Worker threads; defaults to the machine's cores. */
  size?: number;
  log: Log;
  /** Per-file limits; any left out take their defaults. */
  limits?: Partial<PdfLimits>;
  /** The PDF worker module; defaults to the one beside this code (source or build). */
  pdfWorkerFile?: string;
}

export interface WorkerPool {
  readonly size: number;
  readonly limits: Readonly<PdfLimits>;
  /** Thread ids of the live workers: a worker replaced after a time-out shows up with a new id. */
  threadIds(): number[];
  /** Parses one PDF in a worker; never rejects for a bad file, it answers with a failure code. */
  extractPdf(bytes: Uint8Array, limits?: Partial<PdfLimits>): Promise<PdfExtraction>;
  close(): Promise<void>;
}

// From source (tests, tsx) this module is src/main/core/pool/*.ts and the worker is
// src/main/workers/pdf-worker.ts; after `npm run build` the pool is bundled into out/main/*.js or
// out/main/chunks/*.js and the worker is the extra entry out/main/workers/pdf-worker.js.
const PDF_WORKER_CANDIDATES = ['../../workers/pdf-worker.ts', './workers/pdf-worker.js', '../workers/pdf-worker.js'];

export function resolvePdfWorkerFile(base: string | URL = import.meta.url): string {
  for (const candidate of PDF_WORKER_CANDIDATES) {
    const file = fileURLToPath(new URL(candidate, base));
    if (existsSync(file)) return file;
  }
  throw new Error(`The PDF worker module was not found next to ${String(base)}.`);
}

export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const limits: PdfLimits = { ...DEFAULT_PDF_LIMITS, ...options.limits };
  const filename = options.pdfWorkerFile ?? resolvePdfWorkerFile();
  const log = options.log.child({ module: 'worker-pool' });
  const piscina = new Piscina({
    filename,
    minThreads: size,
    maxThreads: size,
    // TypeScript source runs through tsx's loader; the built JavaScript needs nothing.
    execArgv: filename.endsWith('.ts') ? ['--import', 'tsx'] : [],
  });
  piscina.on('error', (error: unknown) => log.error({ err: error }, 'a pool worker failed'));

  async function extractPdf(bytes: Uint8Array, overrides?: Partial<PdfLimits>): Promise<PdfExtraction> {
    const fileLimits: PdfLimits = { ...limits, ...overrides };
    // Refuse what needs no parser here, so an oversized or non-PDF file is never copied to a worker.
    const refused = precheckPdf(bytes, fileLimits);
    const result = refused ?? (await runWithTimeLimit(bytes, fileLimits));
    log.debug({ bytes: bytes.length, status: pdfStatus(result) }, 'pdf extracted');
    return result;
  }

  async function runWithTimeLimit(bytes: Uint8Array, fileLimits: PdfLimits): Promise<PdfExtraction> {
    const signal = AbortSignal.timeout(fileLimits.timeoutMs);
    const task: PdfTask = { bytes, limits: fileLimits };
    try {
      return (await piscina.run(task, { signal })) as PdfExtraction;
    } catch (error) {
      if (signal.aborted) {
        log.warn({ timeoutMs: fileLimits.timeoutMs }, 'pdf parse timed out; its worker was replaced');
        return pdfFailure('timeout', `Parsing took longer than ${fileLimits.timeoutMs} ms.`);
      }
      throw error;
    }
  }

  return {
    size,
    limits,
    extractPdf,
    threadIds: () => piscina.threads.map((thread) => thread.threadId),
    close: () => piscina.destroy(),
  };
}

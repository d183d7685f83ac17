// The worker-thread pool (piscina) that runs CPU work and LLM calls off the main thread: PDF text
// extraction, résumé parsing and résumé analysis. A task past its time limit is aborted, which makes piscina destroy its worker and
// start a fresh one; a worker that dies (out of memory, crash) is replaced the same way.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { systemClock, type Clock } from '../clock.js';
import type { Log } from '../log.js';
import {
  DEFAULT_PDF_LIMITS,
  pdfFailure,
  pdfStatus,
  precheckPdf,
  type PdfExtraction,
  type PdfFailed,
  type PdfLimits,
} from '../features/resumes/pdf/pdf-extraction.js';
import type { ResumeParse, ResumeParseOptions } from '../features/resumes/resume-parse.js';
import { analysisDeadlineMs, type AnalysisRunInput, type AnalysisRunOutcome } from '../features/analysis/analysis-run.js';
import type { PdfTask, PdfWorkerData, PdfWorkerTaskName, ResumeTask } from '../../workers/pdf-worker.js';
import type { AnalysisWorkerTaskName } from '../../workers/analysis-worker.js';
import { resolveAnalysisWorkerFile, resolvePdfWorkerFile, resolveTaxonomyFile } from './worker-files.js';

export { resolveAnalysisWorkerFile, resolvePdfWorkerFile, resolveResourcesDir, resolveTaxonomyFile } from './worker-files.js';

/** V8 heap each worker may use before it is stopped (and replaced) instead of starving the app. */
export const DEFAULT_WORKER_HEAP_MB = 1024;

export interface WorkerPoolOptions {
  /** Worker threads; defaults to the machine's cores. */
  size?: number;
  log: Log;
  /** "Present" for résumé work histories when the caller gives no `now`; the system clock by default. */
  clock?: Clock;
  /** Per-file limits; any left out take their defaults. */
  limits?: Partial<PdfLimits>;
  /** The PDF worker module; defaults to the one beside this code (source or build). */
  pdfWorkerFile?: string;
  /**
   * The analysis worker module, run on the same threads (loaded by a worker when it first analyses,
   * so PDF-only workers never load the provider SDKs); defaults to the one beside this code.
   */
  analysisWorkerFile?: string;
  /**
   * The folder holding skills-taxonomy.json. By default it is probed relative to the worker module
   * and to this module (source tree, electron-vite build, packaged app with resources unpacked).
   */
  resourcesDir?: string;
  /** V8 old-generation heap per worker, in MB; a worker that needs more dies and is replaced. */
  workerHeapMb?: number;
}

export interface WorkerPool {
  readonly size: number;
  readonly limits: Readonly<PdfLimits>;
  /** Thread ids of the live workers: a worker replaced after a time-out shows up with a new id. */
  threadIds(): number[];
  /** Parses one PDF in a worker; never rejects for a bad file, it answers with a failure code. */
  extractPdf(bytes: Uint8Array, limits?: Partial<PdfLimits>): Promise<PdfExtraction>;
  /**
   * Extracts a résumé PDF and, when it has a text layer, its profile, in one worker round trip.
   * Never rejects for a bad file, it answers with a failure code.
   */
  parseResume(bytes: Uint8Array, options?: ResumeParseOptions): Promise<ResumeParse>;
  /**
   * Analyses a résumé in a worker through the input's fallback chain. A failed analysis is an
   * outcome (`ok: false` with a code), including a worker stopped at the run's deadline
   * (`analysisDeadlineMs`) or crashed; it rejects only when `signal` aborts (with its reason).
   */
  analyze(input: AnalysisRunInput, options?: { signal?: AbortSignal }): Promise<AnalysisRunOutcome>;
  close(): Promise<void>;
}

export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const limits: PdfLimits = { ...DEFAULT_PDF_LIMITS, ...options.limits };
  const clock = options.clock ?? systemClock;
  const filename = options.pdfWorkerFile ?? resolvePdfWorkerFile();
  const analysisFilename = options.analysisWorkerFile ?? resolveAnalysisWorkerFile();
  const workerData: PdfWorkerData = { taxonomyFile: resolveTaxonomyFile(filename, options.resourcesDir) };
  const log = options.log.child({ module: 'worker-pool' });
  const piscina = new Piscina({
    filename,
    // Piscina preloads this export when a worker starts; the module has no default export.
    name: 'extractPdf' satisfies PdfWorkerTaskName,
    minThreads: size,
    maxThreads: size,
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB },
    // TypeScript source runs through tsx's loader; the built JavaScript needs nothing.
    execArgv: filename.endsWith('.ts') ? ['--import', 'tsx'] : [],
  });
  let closing = false;
  piscina.on('error', (error: unknown) => log.error({ err: error }, 'a pool worker failed'));

  async function extractPdf(bytes: Uint8Array, overrides?: Partial<PdfLimits>): Promise<PdfExtraction> {
    const fileLimits: PdfLimits = { ...limits, ...overrides };
    // Refuse what needs no parser here, so an oversized or non-PDF file is never copied to a worker.
    const result = precheckPdf(bytes, fileLimits) ?? (await runWithTimeLimit<PdfTask, PdfExtraction>('extractPdf', { bytes, limits: fileLimits }));
    log.debug({ bytes: bytes.length, status: pdfStatus(result) }, 'pdf extracted');
    return result;
  }

  async function parseResume(bytes: Uint8Array, parseOptions: ResumeParseOptions = {}): Promise<ResumeParse> {
    const fileLimits: PdfLimits = { ...limits, ...parseOptions.limits };
    const task: ResumeTask = { bytes, limits: fileLimits, now: parseOptions.now ?? clock.now() };
    const result = precheckPdf(bytes, fileLimits) ?? (await runWithTimeLimit<ResumeTask, ResumeParse>('parseResume', task));
    log.debug({ bytes: bytes.length, status: pdfStatus(result) }, 'résumé parsed');
    return result;
  }

  async function runWithTimeLimit<T extends PdfTask, R>(name: PdfWorkerTaskName, task: T): Promise<R | PdfFailed> {
    const { timeoutMs } = task.limits;
    const signal = AbortSignal.timeout(timeoutMs);
    const fileBytes = task.bytes.length;
    // The file goes to the worker in a buffer of its own that is moved, not cloned: one copy, of
    // exactly the file (cloning a view copies its whole backing buffer, which for a Buffer cut from
    // a larger allocation is more than the file), and the caller's bytes stay usable.
    const bytes = task.bytes.slice();
    try {
      return (await piscina.run({ ...task, bytes }, { name, signal, transferList: [bytes.buffer] })) as R;
    } catch (error) {
      if (signal.aborted) {
        log.warn({ timeoutMs }, 'pdf parse timed out; its worker was replaced');
        return pdfFailure('timeout', `Parsing took longer than ${timeoutMs} ms.`);
      }
      if (closing) throw error;
      // The worker functions answer every bad file with a failure code, so a rejection means the
      // worker itself died (heap limit, native crash, uncaught error); piscina has replaced it.
      log.error({ err: error, bytes: fileBytes }, 'a pool worker died parsing a pdf; it was replaced');
      return pdfFailure('worker_crashed', 'The parser ran out of memory or crashed on this file; it may be too complex to read.');
    }
  }

  async function analyze(input: AnalysisRunInput, runOptions: { signal?: AbortSignal } = {}): Promise<AnalysisRunOutcome> {
    const deadlineMs = analysisDeadlineMs(input.chain);
    const deadline = AbortSignal.timeout(deadlineMs);
    const signal = runOptions.signal ? AbortSignal.any([runOptions.signal, deadline]) : deadline;
    const stopped = (code: string, message: string): AnalysisRunOutcome => ({
      ok: false,
      provider: null,
      model: '',
      error: { code, message },
      fallbacks: [],
    });
    try {
      return (await piscina.run(input, { filename: analysisFilename, name: 'analyze' satisfies AnalysisWorkerTaskName, signal })) as AnalysisRunOutcome;
    } catch (error) {
      if (runOptions.signal?.aborted) throw runOptions.signal.reason;
      if (deadline.aborted) {
        log.warn({ deadlineMs }, 'an analysis ran past its deadline; its worker was replaced');
        return stopped('timeout', `The analysis took longer than ${deadlineMs} ms and was stopped.`);
      }
      if (closing) throw error;
      log.error({ err: error }, 'a pool worker died analysing a résumé; it was replaced');
      return stopped('worker_crashed', 'The analysis worker crashed; it was replaced.');
    }
  }

  return {
    size,
    limits,
    extractPdf,
    parseResume,
    analyze,
    threadIds: () => piscina.threads.map((thread) => thread.threadId),
    close: () => {
      closing = true;
      return piscina.destroy();
    },
  };
}

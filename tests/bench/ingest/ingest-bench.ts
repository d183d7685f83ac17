// Ingestion benchmark (issue 4): the same generated résumé PDFs parsed (pdf.js extraction + profile
// extraction) through the worker pool and through a plain loop on the main thread, in one run:
// files/s for each, the speed-up, the main thread's event-loop delay while the pool works, peak RSS
// and whether memory stays flat in the number of files; then the same files uploaded through the
// app's API (storage by hash, durable parse tasks, candidates) and timed until every one is parsed.
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PDF_LIMITS } from '../../../src/main/core/features/resumes/pdf/pdf-extraction.js';
import { extractPdfText } from '../../../src/main/core/features/resumes/pdf/pdf-text-extractor.js';
import { resumeParseOf } from '../../../src/main/core/features/resumes/resume-parse.js';
import { silentLog } from '../../../src/main/core/log.js';
import { createWorkerPool } from '../../../src/main/core/pool/worker-pool.js';
import { loadMatcher, NOW } from '../../unit/profile/resume-text-factory.js';
import { round } from '../stats.js';
import { runParsePhase, type ParsePhaseResult } from './parse-phase.js';
import { runAppIngest, type AppIngestResult } from './app-ingest.js';
import { buildWorker } from '../worker-build.js';
import { CORPUS_SEED, makeResumeCorpus, type CorpusResume } from './resume-corpus.js';

export interface IngestBenchOptions {
  files: number;
  workers: number;
  seed?: number;
  /** Also ingest the files through the app (HTTP upload, storage, parse tasks); true by default. */
  throughApp?: boolean;
  /** Where the summary lines go; the console by default. */
  print?: (line: string) => void;
}

const DEFAULT_FILES = 500;
// Files in flight per worker: enough that a worker never waits for the main thread to hand it the
// next file, few enough that memory does not grow with the size of the import.
const IN_FLIGHT_PER_WORKER = 2;
const EVENT_LOOP_P99_TARGET_MS = 50;
const SPEED_UP_SHARE_TARGET = 0.8;
// A leak of 20 KB per file (a kept text or profile) would show as 2 MiB per 100 files.
const FLAT_SLOPE_MIB_PER_100_FILES = 2;
const RESOURCES_DIR = fileURLToPath(new URL('../../../resources', import.meta.url));

/** `--files=500 --workers=N` from the command line; other arguments are the runner's. */
export function ingestOptionsFromArgs(argv: readonly string[]): IngestBenchOptions {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const positive = (name: string, fallback: number) => {
    const text = value(name);
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got ${text}`);
    return n;
  };
  return { files: positive('files', DEFAULT_FILES), workers: positive('workers', availableParallelism()) };
}

async function corpusOf(files: number, seed: number) {
  const start = performance.now();
  const corpus = await makeResumeCorpus(files, seed);
  const count = (key: (r: CorpusResume) => string) =>
    corpus.reduce<Record<string, number>>((acc, r) => ({ ...acc, [key(r)]: (acc[key(r)] ?? 0) + 1 }), {});
  const bytes = corpus.reduce((sum, r) => sum + r.bytes.length, 0);
  return {
    corpus,
    summary: {
      files: corpus.length,
      totalKiB: round(bytes / 1024, 0),
      meanKiB: round(bytes / 1024 / corpus.length, 1),
      pages: count((r) => `${r.pages}`),
      layouts: count((r) => r.layout),
      generateMs: round(performance.now() - start, 0),
    },
  };
}

async function poolPhase(corpus: readonly CorpusResume[], workers: number, pdfWorkerFile: string): Promise<ParsePhaseResult & { workers: number }> {
  const pool = createWorkerPool({ size: workers, log: silentLog, pdfWorkerFile, resourcesDir: RESOURCES_DIR });
  try {
    const result = await runParsePhase({
      corpus,
      parse: (bytes) => pool.parseResume(bytes, { now: NOW.getTime() }),
      concurrency: workers * IN_FLIGHT_PER_WORKER,
      warmUpFiles: workers * IN_FLIGHT_PER_WORKER,
    });
    return { workers, ...result };
  } finally {
    await pool.close();
  }
}

/** The same work the pool's worker does, run on the main thread: the modules the worker imports. */
async function singleThreadPhase(corpus: readonly CorpusResume[]): Promise<ParsePhaseResult> {
  const skills = await loadMatcher();
  return runParsePhase({
    corpus,
    parse: async (bytes) => {
      const extraction = await extractPdfText(bytes, DEFAULT_PDF_LIMITS, { links: false });
      return extraction.ok ? resumeParseOf(extraction, skills, NOW.getTime()) : extraction;
    },
    concurrency: 1,
    warmUpFiles: 2,
  });
}

function evaluateTargets(pool: ParsePhaseResult & { workers: number }, single: ParsePhaseResult, app: AppIngestResult | undefined) {
  const speedUp = pool.filesPerSec / single.filesPerSec;
  const required = SPEED_UP_SHARE_TARGET * pool.workers;
  return {
    poolSpeedUpAtLeast80PercentOfWorkers: {
      poolFilesPerSec: pool.filesPerSec,
      singleThreadFilesPerSec: single.filesPerSec,
      workers: pool.workers,
      speedUp: round(speedUp, 2),
      required: round(required, 2),
      met: speedUp >= required,
      poolCoresUsed: pool.cpu.coresUsed,
      // What the speed-up would be with every worker on a free core: the CPU cost per file compared.
      estimatedWithFreeCores: round((pool.workers * single.cpu.msPerFile) / pool.cpu.msPerFile, 2),
    },
    eventLoopDelayP99Under50msDuringPoolImport: { p99Ms: pool.eventLoopDelayMs.p99, maxMs: pool.eventLoopDelayMs.max, met: pool.eventLoopDelayMs.p99 < EVENT_LOOP_P99_TARGET_MS },
    memoryFlatInFiles: {
      rssMiBAfterFiles: pool.rssMiBAfterFiles,
      slopeMiBPer100Files: pool.rssSlopeMiBPer100Files,
      maxSlope: FLAT_SLOPE_MIB_PER_100_FILES,
      peakRssMiB: pool.peakRssMiB,
      met: pool.rssSlopeMiBPer100Files <= FLAT_SLOPE_MIB_PER_100_FILES,
    },
    everyFileParsed: { parsed: pool.parsed + single.parsed, expected: pool.files + single.files, met: pool.failed === 0 && single.failed === 0 },
    ...(app
      ? {
          throughTheApp: {
            filesPerSec: app.filesPerSec,
            eventLoopP99Ms: app.eventLoopDelayMs.p99,
            parsed: app.parsed,
            expected: app.files,
            met: app.eventLoopDelayMs.p99 < EVENT_LOOP_P99_TARGET_MS && app.parsed === app.files,
          },
        }
      : {}),
  };
}

type Targets = ReturnType<typeof evaluateTargets>;

function printPhase(print: (line: string) => void, name: string, phase: ParsePhaseResult): void {
  const el = phase.eventLoopDelayMs;
  print(
    `  ${name.padEnd(22)} ${String(phase.filesPerSec).padStart(7)} files/s  (${phase.parsed}/${phase.files} parsed in ${phase.elapsedMs} ms; warm-up ${phase.warmUp.files} files ${phase.warmUp.ms} ms)`,
  );
  print(`  ${''.padEnd(22)} event loop p50 ${el.p50} ms, p99 ${el.p99} ms, max ${el.max} ms; RSS peak ${phase.peakRssMiB} MiB, after files ${JSON.stringify(phase.rssMiBAfterFiles)}, slope ${phase.rssSlopeMiBPer100Files} MiB/100 files`);
  print(`  ${''.padEnd(22)} CPU ${phase.cpu.msPerFile} ms per file over all threads, ${phase.cpu.coresUsed} cores busy on average`);
  print(`  ${''.padEnd(22)} profiles matching the résumé: names ${phase.quality.namesMatched}, e-mails ${phase.quality.emailsMatched}, work histories ${phase.quality.workHistoriesMatched}${phase.failed ? `; failures ${JSON.stringify(phase.failures)}` : ''}`);
}

function printTargets(print: (line: string) => void, targets: Targets): void {
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  const s = targets.poolSpeedUpAtLeast80PercentOfWorkers;
  print(`  target pool speed-up >= 0.8 x ${s.workers} workers = ${s.required}: ${s.speedUp} (${s.poolFilesPerSec} / ${s.singleThreadFilesPerSec} files/s) — ${verdict(s.met)}`);
  print(`    (the pool kept ${s.poolCoresUsed} cores busy; from CPU time per file, with ${s.workers} free cores it would be ${s.estimatedWithFreeCores})`);
  const e = targets.eventLoopDelayP99Under50msDuringPoolImport;
  print(`  target event-loop delay p99 < 50 ms during the pool import: ${e.p99Ms} ms (max ${e.maxMs} ms) — ${verdict(e.met)}`);
  const m = targets.memoryFlatInFiles;
  print(`  target memory flat in files: RSS ${JSON.stringify(m.rssMiBAfterFiles)} MiB, slope ${m.slopeMiBPer100Files} MiB/100 files (<= ${m.maxSlope}), peak ${m.peakRssMiB} MiB — ${verdict(m.met)}`);
  const p = targets.everyFileParsed;
  print(`  every file parsed: ${p.parsed}/${p.expected} — ${verdict(p.met)}`);
  const a = targets.throughTheApp;
  if (a) print(`  target through the app, event-loop delay p99 < 50 ms and every file parsed: ${a.eventLoopP99Ms} ms, ${a.parsed}/${a.expected} parsed, ${a.filesPerSec} files/s end to end — ${verdict(a.met)}`);
}

function printApp(print: (line: string) => void, app: AppIngestResult): void {
  const el = app.eventLoopDelayMs;
  print(`  ${'through the app'.padEnd(22)} ${String(app.filesPerSec).padStart(7)} files/s  (${app.parsed}/${app.files} parsed in ${app.elapsedMs} ms; uploads answered after ${app.uploadMs} ms in ${app.requests} requests)`);
  print(`  ${''.padEnd(22)} event loop p50 ${el.p50} ms, p99 ${el.p99} ms, max ${el.max} ms; RSS peak ${app.peakRssMiB} MiB, after files ${JSON.stringify(app.rssMiBAfterFiles)}, slope ${app.rssSlopeMiBPer100Files} MiB/100 files`);
  print(`  ${''.padEnd(22)} CPU ${app.cpu.msPerFile} ms per file over all threads, ${app.cpu.coresUsed} cores busy on average`);
  print(`  ${''.padEnd(22)} ${app.candidates} candidates created; at most ${app.maxParsingAtOnce} résumés parsing at once${app.failed ? `; failures ${JSON.stringify(app.failures)}` : ''}`);
}

export async function runIngestBench({ files, workers, seed = CORPUS_SEED, throughApp = true, print = console.log }: IngestBenchOptions) {
  const loadBefore = loadavg().map((n) => round(n, 2));
  const rssMiB = () => round(process.memoryUsage.rss() / 2 ** 20, 1);
  const rssAtStart = rssMiB();
  const { corpus, summary } = await corpusOf(files, seed);
  const rssAfterCorpus = rssMiB();
  print(`  generated ${summary.files} résumé PDFs in ${summary.generateMs} ms (mean ${summary.meanKiB} KiB; pages ${JSON.stringify(summary.pages)}; ${JSON.stringify(summary.layouts)})`);
  const buildStart = performance.now();
  const worker = buildWorker('pdf-worker');
  const workerBuildMs = round(performance.now() - buildStart, 0);
  try {
    const pool = await poolPhase(corpus, workers, worker.file);
    printPhase(print, `pool (${workers} workers)`, pool);
    const singleThread = await singleThreadPhase(corpus);
    printPhase(print, 'single thread', singleThread);
    const app = throughApp ? await runAppIngest({ corpus, workers, pdfWorkerFile: worker.file, resourcesDir: RESOURCES_DIR }) : undefined;
    if (app) printApp(print, app);
    const targets = evaluateTargets(pool, singleThread, app);
    printTargets(print, targets);
    // On a shared machine other processes take cores too: the load average says how busy it was.
    return {
      options: { files, workers, seed, throughApp },
      corpus: summary,
      worker: { source: 'src/main/workers/pdf-worker.ts bundled by vite, as the app ships it', buildMs: workerBuildMs },
      processRssMiB: { atStart: rssAtStart, afterCorpus: rssAfterCorpus },
      loadAverage: { before: loadBefore, after: loadavg().map((n) => round(n, 2)) },
      pool,
      singleThread,
      throughApp: app ?? null,
      targets,
    };
  } finally {
    worker.remove();
  }
}

// One timed phase of the ingestion benchmark: every résumé of the corpus parsed by one parser (the
// worker pool, or a plain loop on the main thread), `concurrency` files in flight, under the phase
// monitor. Only counts are kept per file, so memory reflects the parser and not the benchmark.
import { performance } from 'node:perf_hooks';
import type { ResumeParse } from '../../../src/main/core/features/resumes/resume-parse.js';
import { round } from '../stats.js';
import { startPhaseMonitor, type PhaseReport } from './phase-monitor.js';
import type { CorpusResume } from './resume-corpus.js';

export type ParseResume = (bytes: Uint8Array) => Promise<ResumeParse>;

export interface ParsePhaseOptions {
  corpus: readonly CorpusResume[];
  parse: ParseResume;
  /** Files in flight at once: 1 for the plain loop, a few per worker for the pool. */
  concurrency: number;
  /** Files parsed before the clock starts (module loading, JIT, worker start-up). */
  warmUpFiles: number;
}

export interface ParsePhaseResult extends PhaseReport {
  files: number;
  elapsedMs: number;
  filesPerSec: number;
  parsed: number;
  failed: number;
  failures: Record<string, number>;
  /** How many profiles gave back what the résumé says: evidence the full work was done. */
  quality: { namesMatched: number; emailsMatched: number; workHistoriesMatched: number };
  warmUp: { files: number; ms: number };
}

/** Runs `work` over `items` with at most `limit` in flight, in order of submission. */
export async function runBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

export async function runParsePhase({ corpus, parse, concurrency, warmUpFiles }: ParsePhaseOptions): Promise<ParsePhaseResult> {
  const warmUpStart = performance.now();
  await runBounded(corpus.slice(0, warmUpFiles), concurrency, async (resume) => {
    await parse(resume.bytes);
  });
  const warmUpMs = round(performance.now() - warmUpStart, 0);

  let parsed = 0;
  const failures: Record<string, number> = {};
  const quality = { namesMatched: 0, emailsMatched: 0, workHistoriesMatched: 0 };
  const monitor = startPhaseMonitor(corpus.length);
  const start = performance.now();
  await runBounded(corpus, concurrency, async (resume) => {
    const result = await parse(resume.bytes);
    if (result.ok && result.profile) {
      parsed += 1;
      if (result.profile.basics.name === resume.name) quality.namesMatched += 1;
      if (result.profile.basics.email === resume.email) quality.emailsMatched += 1;
      if (result.profile.work.length === resume.jobs) quality.workHistoriesMatched += 1;
    } else {
      const code = result.ok ? 'no_text_layer' : result.code;
      failures[code] = (failures[code] ?? 0) + 1;
    }
    monitor.fileDone();
  });
  const elapsedMs = performance.now() - start;
  const report = monitor.stop();
  return {
    files: corpus.length,
    elapsedMs: round(elapsedMs, 0),
    filesPerSec: round(corpus.length / (elapsedMs / 1000), 2),
    parsed,
    failed: corpus.length - parsed,
    failures,
    quality,
    warmUp: { files: Math.min(warmUpFiles, corpus.length), ms: warmUpMs },
    ...report,
  };
}

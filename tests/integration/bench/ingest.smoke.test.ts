// Proves `npm run bench ingest` runs: the benchmark module on a handful of files with one worker,
// through every phase (pool, single thread, the app), gives a complete report with sane figures.
// The figures themselves are not judged here: on a shared CI machine they mean little.
import { describe, expect, it } from 'vitest';
import { ingestOptionsFromArgs, runIngestBench } from '../../bench/ingest/ingest-bench.js';
import { linearSlope, rssCheckpoints } from '../../bench/ingest/phase-monitor.js';

const FILES = 6;

function expectSanePhase(phase: { files: number; parsed: number; failed: number; filesPerSec: number; eventLoopDelayMs: Record<string, number>; peakRssMiB: number; rssMiBAfterFiles: Record<string, number>; cpu: { msPerFile: number; coresUsed: number } }) {
  expect(phase.files).toBe(FILES);
  expect(phase.parsed).toBe(FILES);
  expect(phase.failed).toBe(0);
  expect(phase.filesPerSec).toBeGreaterThan(0);
  expect(Number.isFinite(phase.filesPerSec)).toBe(true);
  for (const value of Object.values(phase.eventLoopDelayMs)) expect(Number.isFinite(value)).toBe(true);
  // monitorEventLoopDelay with a 10 ms resolution never reads below its timer period.
  expect(phase.eventLoopDelayMs.p99).toBeGreaterThanOrEqual(10);
  expect(phase.peakRssMiB).toBeGreaterThan(0);
  expect(Object.keys(phase.rssMiBAfterFiles)).toEqual(rssCheckpoints(FILES).map(String));
  expect(phase.cpu.msPerFile).toBeGreaterThan(0);
}

describe('the ingestion benchmark', () => {
  it('parses every generated résumé through the pool, the main thread and the app, and reports every figure and target', { timeout: 180_000 }, async () => {
    const lines: string[] = [];
    const result = await runIngestBench({ files: FILES, workers: 1, print: (line) => lines.push(line) });

    expect(result.corpus.files).toBe(FILES);
    expect(result.options).toMatchObject({ files: FILES, workers: 1 });
    expect(result.pool.workers).toBe(1);
    expectSanePhase(result.pool);
    expectSanePhase(result.singleThread);
    // Extraction really ran: every profile gave back the name and e-mail the résumé was made with.
    expect(result.pool.quality).toEqual({ namesMatched: FILES, emailsMatched: FILES, workHistoriesMatched: FILES });
    expect(result.singleThread.quality).toEqual(result.pool.quality);

    const app = result.throughApp;
    expect(app).not.toBeNull();
    if (app) {
      expectSanePhase(app);
      expect(app.requests).toBe(1);
      expect(app.candidates).toBe(FILES);
      expect(app.maxParsingAtOnce).toBeGreaterThanOrEqual(1);
    }

    for (const target of Object.values(result.targets)) expect(typeof target.met).toBe('boolean');
    expect(result.targets.everyFileParsed).toMatchObject({ parsed: 2 * FILES, expected: 2 * FILES, met: true });
    expect(result.targets.throughTheApp).toMatchObject({ parsed: FILES, expected: FILES });
    // The report is what bench-results/ingest.json holds: plain JSON, nothing lost on the way.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(lines.filter((line) => / — (met|NOT met)$/.test(line))).toHaveLength(5);
  });

  it('reads --files and --workers from the command line and refuses values that are not positive integers', () => {
    expect(ingestOptionsFromArgs(['ingest', '--files=40', '--workers=3'])).toEqual({ files: 40, workers: 3 });
    expect(ingestOptionsFromArgs(['ingest']).files).toBe(500);
    expect(() => ingestOptionsFromArgs(['--files=0'])).toThrow(/--files must be a positive integer/);
    expect(() => ingestOptionsFromArgs(['--workers=two'])).toThrow(/--workers must be a positive integer/);
  });

  it('measures memory growth as a least-squares slope, flat when memory does not grow', () => {
    expect(linearSlope([[100, 50], [250, 50], [500, 50]])).toBe(0);
    expect(linearSlope([[0, 10], [100, 30], [200, 50]])).toBeCloseTo(0.2);
    expect(rssCheckpoints(500)).toEqual([100, 250, 500]);
  });
});

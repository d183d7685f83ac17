// Watches the main thread during one phase of the ingestion benchmark: its event-loop delay
// (monitorEventLoopDelay) and the process's resident memory, which includes the pool's worker
// threads since they live in this process. RSS is read on every finished file and on a timer, so
// the peak is caught whether or not the event loop is free.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { round } from '../stats.js';

const EVENT_LOOP_RESOLUTION_MS = 10;
const RSS_SAMPLE_MS = 50;
const MIB = 2 ** 20;

export interface PhaseReport {
  /**
   * Event-loop delay as monitorEventLoopDelay records it: the time between two ticks of a 10 ms
   * timer, so an idle loop reads about 10 ms and a loop blocked for 40 ms reads about 50 ms.
   */
  eventLoopDelayMs: { p50: number; p99: number; max: number; mean: number; samples: number };
  peakRssMiB: number;
  startRssMiB: number;
  /** RSS when the given number of files had finished. */
  rssMiBAfterFiles: Record<string, number>;
  /** Least-squares slope of RSS over files finished, from the first checkpoint on (after warm-up). */
  rssSlopeMiBPer100Files: number;
  /**
   * CPU time of the whole process (every thread) per file, and CPU time over wall time: the cores
   * the phase actually got. On a busy machine that is fewer than it asked for, whatever the code.
   */
  cpu: { msPerFile: number; coresUsed: number };
}

export interface PhaseMonitor {
  /** Call once per finished file. */
  fileDone(): void;
  stop(): PhaseReport;
}

/** Checkpoints at 20 %, 50 % and 100 % of the files: 100, 250 and 500 for the default run. */
export function rssCheckpoints(files: number): number[] {
  return [...new Set([Math.round(files * 0.2), Math.round(files * 0.5), files])].filter((n) => n > 0);
}

/** Slope of y over x by least squares; 0 when x does not vary. */
export function linearSlope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}

export function startPhaseMonitor(totalFiles: number): PhaseMonitor {
  const checkpoints = new Set(rssCheckpoints(totalFiles));
  const firstCheckpoint = Math.min(...checkpoints);
  const delay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  let done = 0;
  const rssAfter: Record<string, number> = {};
  const afterWarmUp: [number, number][] = [];
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
    return rss;
  };
  const timer = setInterval(sample, RSS_SAMPLE_MS);
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  delay.enable();
  return {
    fileDone() {
      done += 1;
      const rss = sample();
      if (checkpoints.has(done)) rssAfter[String(done)] = round(rss / MIB, 1);
      if (done >= firstCheckpoint) afterWarmUp.push([done, rss / MIB]);
    },
    stop() {
      delay.disable();
      clearInterval(timer);
      sample();
      const ms = (ns: number) => round(ns / 1e6, 1);
      const wallMs = performance.now() - startedAt;
      const cpuUsed = process.cpuUsage(cpuAtStart);
      const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000;
      // No tick at all means the loop was blocked for the whole phase.
      const blocked = round(wallMs, 1);
      const eventLoopDelayMs =
        delay.count === 0
          ? { p50: blocked, p99: blocked, max: blocked, mean: blocked, samples: 0 }
          : { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: ms(delay.mean), samples: delay.count };
      return {
        eventLoopDelayMs,
        peakRssMiB: round(peakRss / MIB, 1),
        startRssMiB: round(startRss / MIB, 1),
        rssMiBAfterFiles: rssAfter,
        rssSlopeMiBPer100Files: round(linearSlope(afterWarmUp) * 100, 2),
        cpu: { msPerFile: round(cpuMs / Math.max(1, done), 1), coresUsed: round(cpuMs / wallMs, 2) },
      };
    },
  };
}

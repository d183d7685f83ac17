// Timing helpers for the benchmarks: percentiles over repeated runs of an async operation.
import { performance } from 'node:perf_hooks';

export interface Percentiles {
  p50: number;
  p99: number;
  mean: number;
  runs: number;
}

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] as number;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Runs `op(i)` `runs` times after `warmup` unmeasured runs; returns latency percentiles in ms. */
export async function measure(runs: number, op: (i: number) => unknown, warmup = Math.min(20, runs)): Promise<Percentiles> {
  for (let i = 0; i < warmup; i++) await op(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await op(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
    mean: round(times.reduce((a, b) => a + b, 0) / times.length),
    runs,
  };
}

/** Wall time of one async call, in ms. */
export async function timeOnce(op: () => unknown): Promise<number> {
  const start = performance.now();
  await op();
  return round(performance.now() - start);
}

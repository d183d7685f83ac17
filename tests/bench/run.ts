// `npm run bench [suite...] [--sizes=10000,100000]`: runs the benchmark suites and writes one JSON
// file per suite into bench-results/, plus a summary on stdout.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { runAnalysisBench } from './analysis/analysis-bench.js';
import { runApiBench } from './api/api-bench.js';
import { runStorageBench } from './storage/storage-bench.js';
import { runUiBench } from './ui/ui-bench.js';

const SUITES: Record<string, (sizes: readonly number[]) => Promise<unknown>> = {
  storage: runStorageBench,
  api: runApiBench,
  ui: runUiBench,
  analysis: (sizes) => runAnalysisBench(sizes),
  ingest: async () => { const ingest = await import('./ingest/ingest-bench.js'); return ingest.runIngestBench(ingest.ingestOptionsFromArgs(process.argv.slice(2))); },
};

function parseArgs(argv: readonly string[]) {
  const sizesArg = argv.find((a) => a.startsWith('--sizes='));
  const sizes = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : [10_000, 100_000];
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes must be positive integers, got ${sizesArg}`);
  const names = argv.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !(n in SUITES));
  if (unknown.length) throw new Error(`unknown bench suite(s): ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  return { sizes, names: names.length ? names : Object.keys(SUITES) };
}

async function main() {
  const { sizes, names } = parseArgs(process.argv.slice(2));
  const outDir = join(process.cwd(), 'bench-results');
  mkdirSync(outDir, { recursive: true });
  for (const name of names) {
    console.log(`bench ${name} (sizes ${sizes.join(', ')})`);
    const result = await (SUITES[name] as (s: readonly number[]) => Promise<unknown>)(sizes);
    const report = {
      suite: name,
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      ...(result as object),
    };
    const file = join(outDir, `${name}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`wrote ${file}`);
    console.log(JSON.stringify((result as { targets?: unknown }).targets ?? {}, null, 2));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

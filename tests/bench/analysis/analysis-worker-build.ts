// The pool's analysis worker as the app ships it: src/main/workers/analysis-worker.ts bundled by vite
// into one ES module, its packages left to node_modules, written under node_modules/.cache — the same
// build ../ingest/pdf-worker-build.ts makes of the PDF worker, and for the same reasons (a process
// under tsx cannot start a worker with `--import tsx` on Node 20, and the app never runs the source).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuiltPdfWorker } from '../ingest/pdf-worker-build.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'analysis-bench');
const WORKER_SOURCE = join('src', 'main', 'workers', 'analysis-worker.ts');
const viteCli = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');

export function buildAnalysisWorker(): BuiltPdfWorker {
  mkdirSync(CACHE_DIR, { recursive: true });
  const outDir = mkdtempSync(join(CACHE_DIR, 'build-'));
  const remove = () => rmSync(outDir, { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [viteCli, 'build', '--ssr', WORKER_SOURCE, '--outDir', outDir, '--emptyOutDir', '--minify', 'false', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const file = join(outDir, 'analysis-worker.js');
    if (!existsSync(file)) throw new Error(`vite did not write the analysis worker to ${file}`);
    return { file, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

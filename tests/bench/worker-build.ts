// The pool's workers as the app ships them: src/main/workers/<name>.ts bundled by vite into one ES
// module, its packages left to node_modules (as electron-vite's main build does), written under
// node_modules/.cache so those packages resolve from it. The benchmarks measure this build rather
// than the TypeScript source: under tsx each worker also carries a TypeScript loader (several
// hundred MiB more per worker, which the app never has), and on Node 20 a process running under
// tsx cannot start a worker with `--import tsx` at all (privatenumber/tsx#354).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'bench-workers');
const viteCli = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');

export type WorkerName = 'pdf-worker' | 'analysis-worker';

export interface BuiltWorker {
  file: string;
  remove(): void;
}

/**
 * Builds one worker from the current source into a folder of its own (a benchmark and its smoke
 * test may run at once). The build runs in a child process so the bundler's memory never counts in
 * the benchmark's RSS.
 */
export function buildWorker(name: WorkerName): BuiltWorker {
  mkdirSync(CACHE_DIR, { recursive: true });
  const outDir = mkdtempSync(join(CACHE_DIR, 'build-'));
  const remove = () => rmSync(outDir, { recursive: true, force: true });
  try {
    const source = join('src', 'main', 'workers', `${name}.ts`);
    execFileSync(process.execPath, [viteCli, 'build', '--ssr', source, '--outDir', outDir, '--emptyOutDir', '--minify', 'false', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const file = join(outDir, `${name}.js`);
    if (!existsSync(file)) throw new Error(`vite did not write the worker ${name} to ${file}`);
    return { file, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

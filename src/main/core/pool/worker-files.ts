// Where the pool's worker module and the resources its workers read are, from source (tests, tsx),
// from the electron-vite build (out/main) and from a packaged app (resources unpacked from the asar).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSkillsTaxonomy } from '../features/resumes/profile/skills-taxonomy.js';

// From source this module is src/main/core/pool/*.ts and the worker is src/main/workers/pdf-worker.ts;
// after `npm run build` the pool is bundled into out/main/*.js or out/main/chunks/*.js and the worker
// is the extra entry out/main/workers/pdf-worker.js.
const PDF_WORKER_CANDIDATES = ['../../workers/pdf-worker.ts', './workers/pdf-worker.js', '../workers/pdf-worker.js'];
// The analysis worker module sits beside it, in source and in the build (out/main/workers/analysis-worker.js).
const ANALYSIS_WORKER_CANDIDATES = ['../../workers/analysis-worker.ts', './workers/analysis-worker.js', '../workers/analysis-worker.js'];

export const TAXONOMY_FILE_NAME = 'skills-taxonomy.json';

export function resolvePdfWorkerFile(base: string | URL = import.meta.url): string {
  for (const candidate of PDF_WORKER_CANDIDATES) {
    const file = fileURLToPath(new URL(candidate, base));
    if (existsSync(file)) return file;
  }
  throw new Error(`The PDF worker module was not found next to ${String(base)}.`);
}

export function resolveAnalysisWorkerFile(base: string | URL = import.meta.url): string {
  for (const candidate of ANALYSIS_WORKER_CANDIDATES) {
    const file = fileURLToPath(new URL(candidate, base));
    if (existsSync(file)) return file;
  }
  throw new Error(`The analysis worker module was not found next to ${String(base)}.`);
}

/**
 * The resources folder, probed from the worker module (src/main/workers and out/main/workers are both
 * three levels below the project root) and then from this module (source, bundled entry, shared chunk).
 * In a packaged app the folder sits inside app.asar but electron-builder unpacks it (asarUnpack), and
 * a worker thread reads the unpacked copy, which plain Node can open.
 */
export function resolveResourcesDir(workerFile: string, base: string | URL = import.meta.url): string {
  const moduleDir = dirname(fileURLToPath(base));
  const candidates = [
    join(dirname(workerFile), '..', '..', '..', 'resources'),
    join(moduleDir, '..', '..', '..', '..', 'resources'),
    join(moduleDir, '..', '..', 'resources'),
    join(moduleDir, '..', '..', '..', 'resources'),
  ];
  for (const candidate of candidates) {
    const dir = unpackedFromAsar(candidate);
    if (existsSync(join(dir, TAXONOMY_FILE_NAME))) return dir;
  }
  throw new Error(`The resources folder (${TAXONOMY_FILE_NAME}) was not found; looked in ${candidates.join(', ')}.`);
}

/**
 * The skills taxonomy file the workers load: in `resourcesDir` when given, else probed. It is
 * validated here, once, so a missing or broken file stops the app at start with a clear error
 * instead of failing every résumé later inside the workers.
 */
export function resolveTaxonomyFile(workerFile: string, resourcesDir?: string): string {
  const file = join(resourcesDir ?? resolveResourcesDir(workerFile), TAXONOMY_FILE_NAME);
  if (!existsSync(file)) throw new Error(`The skills taxonomy ${file} does not exist.`);
  parseSkillsTaxonomy(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  return file;
}

function unpackedFromAsar(path: string): string {
  const marker = `${sep}app.asar${sep}`;
  return path.includes(marker) ? path.replace(marker, `${sep}app.asar.unpacked${sep}`) : path;
}

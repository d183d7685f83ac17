// The pool finds its PDF worker and the skills taxonomy its workers read, from source, from the
// electron-vite build output and from a packaged app's layout.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../src/main/core/log.js';
import {
  createWorkerPool,
  resolvePdfWorkerFile,
  resolveResourcesDir,
  resolveTaxonomyFile,
} from '../../../src/main/core/pool/worker-pool.js';
import { column, makeContentBombPdf, makePdf, makeResumePdf } from './pdf-factory.js';

const builtWorker = resolve('out/main/workers/pdf-worker.js');
const layout = mkdtempSync(join(tmpdir(), 'pdf-worker-layout-'));

afterAll(() => {
  rmSync(layout, { recursive: true, force: true });
});

describe('locating the PDF worker module', () => {
  it('finds the TypeScript worker when the pool runs from source', () => {
    expect(resolvePdfWorkerFile()).toBe(resolve('src/main/workers/pdf-worker.ts'));
  });

  it('finds out/main/workers/pdf-worker.js from a bundled entry and from a shared chunk', () => {
    mkdirSync(join(layout, 'main', 'workers'), { recursive: true });
    mkdirSync(join(layout, 'main', 'chunks'), { recursive: true });
    const worker = join(layout, 'main', 'workers', 'pdf-worker.js');
    writeFileSync(worker, 'export default () => null;\n');
    expect(resolvePdfWorkerFile(pathToFileURL(join(layout, 'main', 'headless.js')))).toBe(worker);
    expect(resolvePdfWorkerFile(pathToFileURL(join(layout, 'main', 'chunks', 'app-1234.js')))).toBe(worker);
  });

  it('says where it looked when the worker module is missing', () => {
    expect(() => resolvePdfWorkerFile(pathToFileURL(join(layout, 'elsewhere', 'x.js')))).toThrow(/PDF worker module/);
  });

  it('finds resources/skills-taxonomy.json from the source worker and from the built worker', () => {
    const resources = resolve('resources');
    expect(resolveResourcesDir(resolve('src/main/workers/pdf-worker.ts'))).toBe(resources);
    expect(resolveResourcesDir(resolve('out/main/workers/pdf-worker.js'))).toBe(resources);
    expect(resolveTaxonomyFile(resolve('src/main/workers/pdf-worker.ts'))).toBe(join(resources, 'skills-taxonomy.json'));
  });

  it('reads the resources unpacked beside app.asar in a packaged app', () => {
    const unpacked = join(layout, 'Resources', 'app.asar.unpacked', 'resources');
    mkdirSync(unpacked, { recursive: true });
    writeFileSync(join(unpacked, 'skills-taxonomy.json'), '{}');
    const worker = join(layout, 'Resources', 'app.asar', 'out', 'main', 'workers', 'pdf-worker.js');
    const bundle = pathToFileURL(join(layout, 'Resources', 'app.asar', 'out', 'main', 'index.js'));
    expect(resolveResourcesDir(worker, bundle)).toBe(unpacked);
  });

  it('uses the resources folder it is given, and refuses a taxonomy that is missing or invalid', () => {
    const given = join(layout, 'given-resources');
    mkdirSync(given, { recursive: true });
    expect(() => resolveTaxonomyFile(resolvePdfWorkerFile(), given)).toThrow(/skills taxonomy .*does not exist/);
    writeFileSync(join(given, 'skills-taxonomy.json'), '{"version": 1, "skills": []}');
    expect(() => resolveTaxonomyFile(resolvePdfWorkerFile(), given)).toThrow(/skills taxonomy is invalid/);
    writeFileSync(join(given, 'skills-taxonomy.json'), JSON.stringify({ version: 1, skills: [{ name: 'Go', category: 'Languages', synonyms: ['Golang'] }] }));
    expect(resolveTaxonomyFile(resolvePdfWorkerFile(), given)).toBe(join(given, 'skills-taxonomy.json'));
  });

  it('says where it looked when no resources folder is found', () => {
    const stray = join(layout, 'a', 'b', 'c', 'd', 'worker.js');
    expect(() => resolveResourcesDir(stray, pathToFileURL(join(layout, 'a', 'b', 'c', 'd', 'e', 'x.js')))).toThrow(/resources folder/);
  });

  const built = existsSync(builtWorker);
  if (!built) console.warn(`skipping the built-worker test: ${builtWorker} is missing (run npm run build)`);
  it.skipIf(!built)('parses a PDF with the built JavaScript worker, without the TypeScript loader', async () => {
    const pool = createWorkerPool({ size: 1, log: silentLog, pdfWorkerFile: builtWorker });
    try {
      const pdf = await makePdf({ pages: [{ runs: column(['Built worker', 'Ça marche'], 50, 780, 16) }] });
      expect(await pool.extractPdf(pdf)).toMatchObject({ ok: true, pages: [{ number: 1, text: 'Built worker\nÇa marche' }] });
    } finally {
      await pool.close();
    }
  });

  it.skipIf(!built)('parses a résumé with its profile in the built worker, the taxonomy found from the build, and refuses a bomb', async () => {
    const pool = createWorkerPool({ size: 1, log: silentLog, pdfWorkerFile: builtWorker });
    try {
      const result = await pool.parseResume(await makeResumePdf(), { now: Date.UTC(2024, 5, 15) });
      expect(result).toMatchObject({ ok: true, profile: { basics: { name: 'Mariana Costa-Álvarez', email: 'mariana.costa@example.com' } } });
      if (result.ok) expect(result.profile?.skills.map((skill) => skill.name)).toContain('Kubernetes');
      expect(await pool.parseResume(await makeContentBombPdf(256))).toMatchObject({ ok: false, code: 'too_complex' });
    } finally {
      await pool.close();
    }
  });
});

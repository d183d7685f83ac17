// The pool finds its PDF worker both from source and from the electron-vite build output.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../src/main/core/log.js';
import { createWorkerPool, resolvePdfWorkerFile } from '../../../src/main/core/pool/worker-pool.js';
import { column, makePdf } from './pdf-factory.js';

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
});

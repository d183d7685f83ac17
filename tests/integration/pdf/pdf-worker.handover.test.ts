// What crosses the worker boundary for a résumé parse, and what the pdf.js runtime leaves behind in
// its thread: the caller keeps its bytes, the answer holds what the résumé stores and nothing twice,
// and pdf.js's polyfill of Array.prototype.push does not stay in place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../src/main/core/log.js';
import { createWorkerPool, type WorkerPool } from '../../../src/main/core/pool/worker-pool.js';
import { makeResumePdf, RESUME_PAGES } from './pdf-factory.js';

let pool: WorkerPool;

beforeAll(() => {
  pool = createWorkerPool({ size: 1, log: silentLog });
});

afterAll(async () => {
  await pool.close();
});

describe('a résumé parse in the worker pool', () => {
  it('leaves the caller its bytes, whole and usable, after the file went to the worker', async () => {
    const bytes = await makeResumePdf();
    const before = Buffer.from(bytes);
    expect(await pool.parseResume(bytes)).toMatchObject({ ok: true, pageCount: RESUME_PAGES.length });
    expect(bytes.buffer.byteLength).toBeGreaterThan(0);
    expect(Buffer.compare(Buffer.from(bytes), before)).toBe(0);
    expect(await pool.parseResume(bytes)).toMatchObject({ ok: true, pageCount: RESUME_PAGES.length });
  });

  it('parses a view into a larger buffer as the file alone', async () => {
    const file = await makeResumePdf();
    const padded = new Uint8Array(file.length + 64);
    padded.set(file, 32);
    const result = await pool.parseResume(padded.subarray(32, 32 + file.length));
    expect(result).toMatchObject({ ok: true, text: RESUME_PAGES.map((lines) => lines.join('\n')).join('\f') });
  });

  it('answers with the joined text and the profile, without the per-page texts or link annotations', async () => {
    const result = await pool.parseResume(await makeResumePdf());
    expect(result.ok).toBe(true);
    expect(Object.keys(result).sort()).toEqual(['hasTextLayer', 'metadata', 'ok', 'pageCount', 'profile', 'text']);
  });
});

describe('the pdf.js runtime', () => {
  it('keeps the engine’s own Array.prototype.push after pdf.js and its worker module load', async () => {
    const enginePush = Array.prototype.push;
    await import('../../../src/main/core/features/resumes/pdf/pdfjs-runtime.js');
    expect(Array.prototype.push).toBe(enginePush);
    const items: number[] = [];
    expect(items.push(1, 2, 3)).toBe(3);
    expect(items).toEqual([1, 2, 3]);
  });
});

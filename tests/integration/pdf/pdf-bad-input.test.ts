// Bad files through the real worker pool: each gets its own failure code, nothing crashes, and the
// pool parses the next good file normally afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../src/main/core/log.js';
import { createWorkerPool, type WorkerPool } from '../../../src/main/core/pool/worker-pool.js';
import {
  DEFAULT_PDF_LIMITS,
  pdfStatus,
  type PdfFailureCode,
  type PdfLimits,
} from '../../../src/main/core/features/resumes/pdf/pdf-extraction.js';
import {
  column,
  makeContentBombPdf,
  makeEncryptedPdf,
  makeLargeImagePdf,
  makeManyPagePdf,
  makePdf,
  makePng,
  makeZip,
} from './pdf-factory.js';

let pool: WorkerPool;
let goodPdf: Uint8Array;

beforeAll(async () => {
  pool = createWorkerPool({ size: 1, log: silentLog });
  goodPdf = await makePdf({ pages: [{ runs: column(['Ana Lima', 'Product Designer'], 50, 780, 16) }] });
});

afterAll(async () => {
  await pool.close();
});

async function expectFailureThenRecovery(
  bytes: Uint8Array,
  code: PdfFailureCode,
  limits?: Partial<PdfLimits>,
): Promise<void> {
  const failed = await pool.extractPdf(bytes, limits);
  expect(failed).toMatchObject({ ok: false, code });
  expect(pdfStatus(failed)).toBe(code);
  if (!failed.ok) expect(failed.message.length).toBeGreaterThan(0);
  const next = await pool.extractPdf(goodPdf);
  expect(next).toMatchObject({ ok: true, pages: [{ number: 1, text: 'Ana Lima\nProduct Designer' }] });
}

describe('bad input to the PDF worker pool', () => {
  it('answers not_pdf for an empty file', async () => {
    await expectFailureThenRecovery(new Uint8Array(0), 'not_pdf');
  });

  it('answers not_pdf for a PNG named .pdf, judging by content alone', async () => {
    await expectFailureThenRecovery(makePng(4, 4), 'not_pdf');
  });

  it('answers not_pdf for a ZIP archive', async () => {
    await expectFailureThenRecovery(makeZip(), 'not_pdf');
  });

  it('answers broken for a truncated PDF', async () => {
    await expectFailureThenRecovery(goodPdf.slice(0, Math.floor(goodPdf.length / 2)), 'broken');
  });

  it('answers broken for a file that has the PDF header and nothing else', async () => {
    await expectFailureThenRecovery(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), 'broken');
  });

  it('answers encrypted for a password-protected PDF', async () => {
    await expectFailureThenRecovery(await makeEncryptedPdf(), 'encrypted');
  });

  it('answers too_many_pages for 60 blank pages when the limit is 50', async () => {
    expect(pool.limits.maxPages).toBe(50);
    await expectFailureThenRecovery(await makeManyPagePdf(60, false), 'too_many_pages');
  });

  it('answers too_many_pages for a 1,000-page PDF under the default page limit, within seconds', async () => {
    // The page count comes from the page tree; no page is read, so a few seconds is plenty.
    await expectFailureThenRecovery(await makeManyPagePdf(1000, true), 'too_many_pages', { timeoutMs: 5_000 });
  });

  it('answers too_complex for a 1 MB content stream that inflates to 1 GiB, well within the time limit', async () => {
    const bomb = await makeContentBombPdf(1024);
    expect(bomb.length).toBeLessThan(1.1 * 1024 * 1024);
    // pdf.js alone spends tens of seconds and gigabytes on this file; the scan stops at the cap.
    await expectFailureThenRecovery(bomb, 'too_complex', { timeoutMs: 15_000 });
  });

  it('applies a per-file inflation cap given by the caller', async () => {
    await expectFailureThenRecovery(await makeContentBombPdf(16), 'too_complex', { maxInflatedBytes: 8 * 1024 * 1024 });
  });

  it('reads the text of a PDF whose image inflates past the cap: text extraction never decodes images', async () => {
    const result = await pool.extractPdf(await makeLargeImagePdf(1024), { timeoutMs: 15_000 });
    expect(result).toMatchObject({ ok: true, pages: [{ number: 1, text: 'Scanned photo attached' }] });
  });

  it('answers too_large for a file over the 20 MB default, before any parsing', async () => {
    const big = new Uint8Array(DEFAULT_PDF_LIMITS.maxBytes + 1);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    await expectFailureThenRecovery(big, 'too_large');
  });

  it('applies a per-file size limit given by the caller', async () => {
    await expectFailureThenRecovery(goodPdf, 'too_large', { maxBytes: goodPdf.length - 1 });
  });

  it('answers timeout when a parse runs past its time limit, and the replaced worker parses the next file', async () => {
    const longPdf = await makeManyPagePdf(1000, true);
    // Warm the worker first, so the time limit hits a parse already running in it.
    await pool.extractPdf(goodPdf);
    const before = pool.threadIds();
    await expectFailureThenRecovery(longPdf, 'timeout', { maxPages: 2000, timeoutMs: 50 });
    const after = pool.threadIds();
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it('parses a long PDF fully when the limits allow it', async () => {
    const result = await pool.extractPdf(await makeManyPagePdf(120, true), { maxPages: 200 });
    expect(result).toMatchObject({ ok: true, pageCount: 120 });
    if (result.ok) expect(result.pages[119]?.text).toBe('Page 120 of the long document\nLorem ipsum dolor sit amet');
  });
});

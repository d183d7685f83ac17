// The decompression-bomb scan on its own: what it measures, what it skips, and that it stops early.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scanInflatedSize } from '../../../src/main/core/features/resumes/pdf/inflation-scan.js';
import { makeContentBombPdf, makeLargeImagePdf, makeResumePdf, zlibBombOfZeros } from './pdf-factory.js';

const MiB = 1024 * 1024;

/** A hand-written PDF body holding the given stream objects (no xref: the scan does not need one). */
function pdfWithStreams(streams: { dictionary: string; data: Uint8Array }[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  streams.forEach((stream, i) => {
    parts.push(Buffer.from(`${i + 1} 0 obj\n<< ${stream.dictionary} /Length ${stream.data.length} >>\nstream\r\n`));
    parts.push(Buffer.from(stream.data), Buffer.from('\nendstream\nendobj\n'));
  });
  parts.push(Buffer.from('%%EOF\n'));
  return new Uint8Array(Buffer.concat(parts));
}

describe('measuring how far a PDF inflates', () => {
  it('adds up the inflated size of every FlateDecode stream, nested decode parameters and all', async () => {
    const pdf = pdfWithStreams([
      { dictionary: '/Filter /FlateDecode', data: deflateSync(Buffer.alloc(3000, 0x41)) },
      { dictionary: '/Filter [/FlateDecode] /DecodeParms << /Predictor 1 >>', data: deflateSync(Buffer.alloc(2000, 0x42)) },
      { dictionary: '/Type /XObject /Subtype /Form', data: Buffer.from('0 0 m 1 1 l S') },
    ]);
    expect(await scanInflatedSize(pdf, 10 * MiB)).toEqual({ inflatedBytes: 5000, streams: 2, overCap: false });
  });

  it('skips image streams, which text extraction never decodes', async () => {
    const pdf = pdfWithStreams([{ dictionary: '/Subtype /Image /Width 1024 /Height 1024 /Filter /FlateDecode', data: zlibBombOfZeros(64) }]);
    expect(await scanInflatedSize(pdf, MiB)).toEqual({ inflatedBytes: 0, streams: 0, overCap: false });
    expect(await scanInflatedSize(await makeLargeImagePdf(64), MiB)).toMatchObject({ overCap: false });
  });

  it('stops a 1 GiB bomb just past the cap instead of inflating all of it', async () => {
    const scan = await scanInflatedSize(await makeContentBombPdf(1024), 32 * MiB);
    expect(scan.overCap).toBe(true);
    expect(scan.inflatedBytes).toBeGreaterThan(32 * MiB);
    expect(scan.inflatedBytes).toBeLessThanOrEqual(34 * MiB);
  });

  it('counts the cap across streams: many streams each under it can pass it together', async () => {
    const stream = { dictionary: '/Filter /FlateDecode', data: zlibBombOfZeros(4) };
    expect(await scanInflatedSize(pdfWithStreams([stream, stream, stream]), 10 * MiB)).toMatchObject({ streams: 3, overCap: true });
    expect(await scanInflatedSize(pdfWithStreams([stream, stream]), 10 * MiB)).toMatchObject({ streams: 2, overCap: false });
  });

  it('counts what a truncated or corrupt stream inflates to and leaves judging it to the parser', async () => {
    const whole = deflateSync(Buffer.alloc(MiB, 0x43));
    const pdf = pdfWithStreams([
      { dictionary: '/Filter /FlateDecode', data: whole.subarray(0, Math.floor(whole.length / 2)) },
      { dictionary: '/Filter /FlateDecode', data: Buffer.from('not zlib at all') },
    ]);
    const scan = await scanInflatedSize(pdf, 10 * MiB);
    expect(scan).toMatchObject({ streams: 2, overCap: false });
    expect(scan.inflatedBytes).toBeGreaterThan(0);
  });

  it('lets an ordinary résumé through with room to spare', async () => {
    const scan = await scanInflatedSize(await makeResumePdf(), 100 * MiB);
    expect(scan.overCap).toBe(false);
    expect(scan.inflatedBytes).toBeLessThan(MiB);
  });
});

// Builds the PDFs the extraction tests read: realistic résumés made with pdf-lib, and the bad
// inputs (non-PDFs, truncated, encrypted, scans) made by hand.
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export interface TextRun {
  text: string;
  x: number;
  y: number;
  size?: number;
}

export interface PageSpec {
  runs: TextRun[];
  links?: { url: string; x: number; y: number; width: number; height: number }[];
}

export interface PdfSpec {
  pages: PageSpec[];
  title?: string;
  author?: string;
  createdAt?: Date;
}

const A4: [number, number] = [595, 842];

export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (spec.title) doc.setTitle(spec.title);
  if (spec.author) doc.setAuthor(spec.author);
  if (spec.createdAt) doc.setCreationDate(spec.createdAt);
  // Helvetica with WinAnsi encoding covers Latin-1 names (é, ü, ñ, ø) and the bullet.
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const pageSpec of spec.pages) {
    const page = doc.addPage(A4);
    for (const run of pageSpec.runs) drawRun(page, font, run);
    for (const link of pageSpec.links ?? []) addLink(doc, page, link);
  }
  return doc.save();
}

function drawRun(page: PDFPage, font: PDFFont, run: TextRun): void {
  page.drawText(run.text, { x: run.x, y: run.y, size: run.size ?? 11, font });
}

function addLink(doc: PDFDocument, page: PDFPage, link: NonNullable<PageSpec['links']>[number]): void {
  const annotation = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [link.x, link.y, link.x + link.width, link.y + link.height],
    Border: [0, 0, 0],
    A: { Type: 'Action', S: 'URI', URI: PDFString.of(link.url) },
  });
  page.node.addAnnot(doc.context.register(annotation));
}

/** Lines stacked from `top` down, `leading` points apart, starting at `x`. */
export function column(lines: string[], x: number, top: number, leading: number, size = 11): TextRun[] {
  return lines.map((text, i) => ({ text, x, y: top - i * leading, size }));
}

/** A document of `count` pages, each with one line of text (or none, for blank pages). */
export async function makeManyPagePdf(count: number, withText: boolean): Promise<Uint8Array> {
  const pages: PageSpec[] = Array.from({ length: count }, (_, i) => ({
    runs: withText ? column([`Page ${i + 1} of the long document`, 'Lorem ipsum dolor sit amet'], 50, 780, 16) : [],
  }));
  return makePdf({ pages });
}

/** A scan: one page holding only an image, so there is no text layer at all. */
export async function makeScanPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(makePng(40, 20));
  const page = doc.addPage(A4);
  page.drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
  return doc.save();
}

/**
 * A PDF whose trailer names a standard-security /Encrypt dictionary with a user password that is
 * not empty (its /U does not match the empty password), so a reader must ask for a password.
 */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage(A4);
  const filler = (byte: number): PDFString => PDFString.of(String.fromCharCode(byte).repeat(32));
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -44 });
  encrypt.set(PDFName.of('O'), filler(0x41));
  encrypt.set(PDFName.of('U'), filler(0x42));
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFString.of('0123456789abcdef'), PDFString.of('0123456789abcdef')]);
  return doc.save({ useObjectStreams: false });
}

/** A small valid PNG (grey RGB pixels). */
export function makePng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', pixels),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** An empty but valid ZIP archive: just the end-of-central-directory record. */
export function makeZip(): Uint8Array {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  return new Uint8Array(record);
}

/**
 * A page of Japanese text in a non-embedded CJK font using Adobe's predefined UniJIS-UCS2-H CMap:
 * a reader can only decode it with the CMap files, as most CJK résumés from office suites need.
 */
export async function makeCjkPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage(A4);
  const descendant = doc.context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType0',
    BaseFont: 'KozMinPr6N-Regular',
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Japan1'), Supplement: 6 },
    FontDescriptor: {
      Type: 'FontDescriptor',
      FontName: 'KozMinPr6N-Regular',
      Flags: 4,
      FontBBox: [-437, -340, 1147, 1317],
      ItalicAngle: 0,
      Ascent: 1317,
      Descent: -349,
      CapHeight: 742,
      StemV: 80,
    },
    DW: 1000,
  });
  const font = doc.context.obj({
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: 'KozMinPr6N-Regular-UniJIS-UCS2-H',
    Encoding: 'UniJIS-UCS2-H',
    DescendantFonts: [doc.context.register(descendant)],
  });
  const fontName = page.node.newFontDictionary('F1', doc.context.register(font));
  const hex = [...text].map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
  const content = doc.context.stream(`BT /${fontName.asString().slice(1)} 14 Tf 50 780 Td <${hex}> Tj ET`);
  page.node.set(PDFName.of('Contents'), doc.context.register(content));
  return doc.save();
}

/** The lines of a realistic two-page résumé, and the facts a profile extracted from it must give. */
export const RESUME_PAGES: readonly (readonly string[])[] = [
  [
    'Mariana Costa-Álvarez',
    'Senior Backend Engineer',
    'mariana.costa@example.com | +351 912 345 678 | Lisbon, Portugal',
    'Summary',
    'Backend engineer building payment systems in TypeScript and Go.',
    'Experience',
    'Staff Engineer, Pagamentos SA — Mar 2019 – Present',
    '• Led the move of the settlement service to Kubernetes',
    '• Designed the PostgreSQL ledger schema',
    'Software Engineer, Café Systems — Jan 2015 – Feb 2019',
    '• Built the ordering API with Node.js and Redis',
  ],
  [
    'Education',
    'MSc Computer Science, Universidade de Lisboa, 2014',
    'Skills',
    'TypeScript, Go, PostgreSQL, Kubernetes, Docker, Redis',
    'Languages',
    'Portuguese (native), English (C1)',
  ],
];

export async function makeResumePdf(): Promise<Uint8Array> {
  return makePdf({
    title: 'CV — Mariana Costa-Álvarez',
    pages: RESUME_PAGES.map((lines) => ({ runs: column([...lines], 50, 780, 18) })),
  });
}

const MiB = 1024 * 1024;

/**
 * A zlib stream of `mebibytes` MiB of zeros, about 1,000 times smaller than that, built in
 * milliseconds: one MiB deflated up to a full flush (which resets the compressor, so the segment
 * stands alone) repeated, then the final block and the Adler-32 of the zeros (a = 1, b = length).
 */
export function zlibBombOfZeros(mebibytes: number): Uint8Array {
  const segment = deflateRawSync(Buffer.alloc(MiB), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((mebibytes * MiB) % 65521) * 65536 + 1) >>> 0);
  const header = Buffer.from([0x78, 0xda]);
  return new Uint8Array(Buffer.concat([header, ...Array.from({ length: mebibytes }, () => segment), deflateRawSync(Buffer.alloc(0)), adler]));
}

/** A one-page PDF whose content stream is a FlateDecode bomb inflating to `mebibytes` MiB. */
export async function makeContentBombPdf(mebibytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage(A4);
  const content = doc.context.stream(zlibBombOfZeros(mebibytes), { Filter: 'FlateDecode' });
  page.node.set(PDFName.of('Contents'), doc.context.register(content));
  return doc.save();
}

/**
 * A one-page résumé with text, which also draws a grey image whose FlateDecode data inflates to
 * `mebibytes` MiB: a large image, which text extraction never needs to decode.
 */
export async function makeLargeImagePdf(mebibytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage(A4);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const side = Math.floor(Math.sqrt(mebibytes * MiB));
  const image = doc.context.stream(zlibBombOfZeros(mebibytes), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: side,
    Height: side,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  });
  const name = page.node.newXObject('Im1', doc.context.register(image));
  page.drawText('Scanned photo attached', { x: 50, y: 780, size: 16, font });
  const draw = doc.context.stream(`q 100 0 0 100 50 600 cm /${name.asString().slice(1)} Do Q`);
  page.node.addContentStream(doc.context.register(draw));
  return doc.save();
}

/**
 * A one-page PDF whose content stream shows `count` short strings, each at its own position: small
 * on disk, but every string becomes a text item the reader must hold in memory at once.
 */
export async function makeManyTextItemsPdf(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage(A4);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const fontName = page.node.newFontDictionary('F1', font.ref).asString();
  const show = Buffer.from('1 0 0 1 9 9 Tm (abcdefgh) Tj\n');
  const body = Buffer.alloc(show.length * count);
  for (let i = 0; i < count; i++) show.copy(body, i * show.length);
  const operators = Buffer.concat([Buffer.from(`BT ${fontName} 10 Tf\n`), body, Buffer.from('ET\n')]);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(deflateSync(operators), { Filter: 'FlateDecode' })));
  return doc.save();
}

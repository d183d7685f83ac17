// Builds the PDFs the extraction tests read: realistic résumés made with pdf-lib, and the bad
// inputs (non-PDFs, truncated, encrypted, scans) made by hand.
import { crc32, deflateSync } from 'node:zlib';
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

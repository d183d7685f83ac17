// Extracts a PDF's text (per page, in reading order), page count, metadata and links with pdf.js.
// It runs inside a worker thread: pdf.js parsing is CPU work the main thread must never do.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import {
  pdfFailure,
  precheckPdf,
  type PdfExtraction,
  type PdfLimits,
  type PdfLink,
  type PdfMetadata,
  type PdfPage,
} from './pdf-extraction.js';
import { scanInflatedSize } from './inflation-scan.js';
import { pageTextInReadingOrder, type PositionedText } from './reading-order.js';
import { getDocument, PDFDateString, type PDFDocumentProxy } from './pdfjs-runtime.js';

/** Where pdfjs-dist is installed, found at run time so the app's shipped fonts and CMaps are used. */
function pdfjsAssetDirs(): { standardFonts: string; cMaps: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // pdf.js in Node reads these with fs and appends file names, so they are paths ending in a separator.
  return { standardFonts: join(packageDir, 'standard_fonts') + sep, cMaps: join(packageDir, 'cmaps') + sep };
}

// Resolved once per thread, when the module loads: resolving the package costs file-system look-ups.
const ASSET_DIRS = pdfjsAssetDirs();

export interface ExtractOptions {
  /**
   * Read the link annotations of every page (`links`); true by default. A résumé parse never
   * stores them, and reading annotations is a tenth of the parse, so it leaves them out.
   */
  links?: boolean;
  /**
   * The caller gives up `bytes` (a worker task's own moved buffer): pdf.js takes them as they are
   * instead of a copy, and they are unusable afterwards. False by default.
   */
  handOver?: boolean;
}

export async function extractPdfText(bytes: Uint8Array, limits: PdfLimits, options: ExtractOptions = {}): Promise<PdfExtraction> {
  const refused = precheckPdf(bytes, limits);
  if (refused) return refused;
  const inflation = await scanInflatedSize(bytes, limits.maxInflatedBytes);
  if (inflation.overCap) {
    return pdfFailure(
      'too_complex',
      `The PDF's compressed content expands to more than ${limits.maxInflatedBytes} bytes; it looks like a decompression bomb.`,
    );
  }
  const loadingTask = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given; parse a copy unless handed over.
    data: options.handOver ? bytes : bytes.slice(),
    isEvalSupported: false,
    standardFontDataUrl: ASSET_DIRS.standardFonts,
    cMapUrl: ASSET_DIRS.cMaps,
    cMapPacked: true,
    verbosity: 0,
    // Text extraction needs a font's encoding and widths, never its glyphs: without this, pdf.js in
    // Node loads and converts a whole substitute font program (hundreds of KiB) for every document
    // that uses a standard font such as Helvetica. Symbol and ZapfDingbats are still loaded, since
    // their encodings come from the font program. Browsers run pdf.js this way by default.
    useSystemFonts: true,
  });
  try {
    const document = await loadingTask.promise;
    if (document.numPages > limits.maxPages) {
      return pdfFailure('too_many_pages', `The PDF has ${document.numPages} pages; the limit is ${limits.maxPages}.`);
    }
    const pages: PdfPage[] = [];
    const links: PdfLink[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      pages.push({ number, text: await pageText(page) });
      if (options.links !== false) links.push(...(await pageLinks(page, number)));
      page.cleanup();
    }
    return {
      ok: true,
      pages,
      pageCount: document.numPages,
      metadata: await documentMetadata(document),
      links,
      hasTextLayer: pages.some((p) => p.text.trim() !== ''),
    };
  } catch (error) {
    return failureFor(error);
  } finally {
    await loadingTask.destroy();
  }
}

type PdfPageProxy = Awaited<ReturnType<PDFDocumentProxy['getPage']>>;

async function pageText(page: PdfPageProxy): Promise<string> {
  const content = await page.getTextContent();
  const items: PositionedText[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const [, , , scaleY = 0, x = 0, y = 0] = item.transform as number[];
    items.push({ str: item.str, x, y, width: item.width, height: item.height || Math.abs(scaleY) });
  }
  return pageTextInReadingOrder(items);
}

async function pageLinks(page: PdfPageProxy, number: number): Promise<PdfLink[]> {
  const annotations: unknown[] = await page.getAnnotations({ intent: 'display' });
  const links: PdfLink[] = [];
  for (const annotation of annotations) {
    if (!isRecord(annotation) || annotation['subtype'] !== 'Link') continue;
    const url = annotation['url'] ?? annotation['unsafeUrl'];
    if (typeof url === 'string' && url !== '') links.push({ url, page: number });
  }
  return links;
}

async function documentMetadata(document: PDFDocumentProxy): Promise<PdfMetadata> {
  const { info } = await document.getMetadata();
  const fields = isRecord(info) ? info : {};
  const text = (value: unknown): string | null =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  const created = text(fields['CreationDate']);
  const createdDate = created ? PDFDateString.toDateObject(created) : null;
  return {
    title: text(fields['Title']),
    author: text(fields['Author']),
    createdAt: createdDate ? createdDate.toISOString() : null,
  };
}

function failureFor(error: unknown): PdfExtraction {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return pdfFailure('encrypted', 'The PDF is password-protected.');
  }
  const detail = error instanceof Error ? error.message : String(error);
  return pdfFailure('broken', `The PDF could not be read: ${detail}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// The shapes of a PDF text extraction: its limits, its result and the status a résumé gets from it.
// They cross the worker-thread boundary, so they are plain structured-clonable data.

export interface PdfLimits {
  /** Largest file accepted, in bytes; checked before any parsing. */
  maxBytes: number;
  /** Most pages accepted; a longer document is refused without reading its pages. */
  maxPages: number;
  /** Longest a parse may run before its worker is destroyed and replaced, in milliseconds. */
  timeoutMs: number;
  /**
   * Most bytes the file's compressed (FlateDecode) non-image streams may inflate to, all together;
   * measured in the worker before pdf.js sees the file, so a decompression bomb is refused cheaply.
   */
  maxInflatedBytes: number;
}

export const DEFAULT_PDF_LIMITS: Readonly<PdfLimits> = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 50,
  timeoutMs: 30_000,
  maxInflatedBytes: 100 * 1024 * 1024,
};

export type PdfFailureCode =
  | 'not_pdf'
  | 'encrypted'
  | 'broken'
  | 'too_large'
  | 'too_many_pages'
  | 'timeout'
  /** Its compressed streams inflate past maxInflatedBytes: a decompression bomb, or close to one. */
  | 'too_complex'
  /** The worker parsing it died (out of memory or a crash); the pool started a fresh one. */
  | 'worker_crashed';

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  /** The page's text in reading order, one line per text line. */
  text: string;
}

export interface PdfMetadata {
  title: string | null;
  author: string | null;
  /** ISO 8601, or null when the document has no readable creation date. */
  createdAt: string | null;
}

export interface PdfLink {
  url: string;
  page: number;
}

export interface PdfExtracted {
  ok: true;
  pages: PdfPage[];
  pageCount: number;
  metadata: PdfMetadata;
  links: PdfLink[];
  /** False for a scan: no page yields any text, so nothing can be analysed. */
  hasTextLayer: boolean;
}

export interface PdfFailed {
  ok: false;
  code: PdfFailureCode;
  message: string;
}

export type PdfExtraction = PdfExtracted | PdfFailed;

/** What a résumé's parse status becomes: parsed, parsed-but-empty (a scan), or why it failed. */
export type PdfStatus = 'parsed' | 'no_text_layer' | PdfFailureCode;

export function pdfStatus(result: Pick<PdfExtracted, 'ok' | 'hasTextLayer'> | PdfFailed): PdfStatus {
  if (!result.ok) return result.code;
  return result.hasTextLayer ? 'parsed' : 'no_text_layer';
}

export function pdfFailure(code: PdfFailureCode, message: string): PdfFailed {
  return { ok: false, code, message };
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
// The PDF specification lets readers accept the header anywhere in the first 1024 bytes.
const MAGIC_WINDOW = 1024;

/** True when the bytes carry the `%PDF-` header: the content decides, never the file name. */
export function hasPdfMagic(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, MAGIC_WINDOW) - PDF_MAGIC.length;
  for (let start = 0; start <= end; start++) {
    if (PDF_MAGIC.every((byte, i) => bytes[start + i] === byte)) return true;
  }
  return false;
}

/** The checks that need no parser, so the pool can refuse a file without sending it to a worker. */
export function precheckPdf(bytes: Uint8Array, limits: PdfLimits): PdfFailed | null {
  if (bytes.length > limits.maxBytes) {
    return pdfFailure('too_large', `The file is ${bytes.length} bytes; the limit is ${limits.maxBytes}.`);
  }
  if (!hasPdfMagic(bytes)) return pdfFailure('not_pdf', 'The file is not a PDF (no %PDF- header).');
  return null;
}

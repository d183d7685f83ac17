// Worker-thread entry point: piscina calls the default export with one file to parse.
import { extractPdfText } from '../core/features/resumes/pdf/pdf-text-extractor.js';
import type { PdfExtraction, PdfLimits } from '../core/features/resumes/pdf/pdf-extraction.js';

export interface PdfTask {
  bytes: Uint8Array;
  limits: PdfLimits;
}

export default function extractPdfTask(task: PdfTask): Promise<PdfExtraction> {
  return extractPdfText(task.bytes, task.limits);
}

// Worker-thread entry point: the pool runs one of its named exports per task (piscina
// `run(task, { name })`). The skills taxonomy is read once per worker, when the worker starts.
import { workerData } from 'piscina';
import { extractPdfText } from '../core/features/resumes/pdf/pdf-text-extractor.js';
import type { PdfExtraction, PdfLimits } from '../core/features/resumes/pdf/pdf-extraction.js';
import { resumeParseOf, type ResumeParse } from '../core/features/resumes/resume-parse.js';
import { compileSkillMatcher, type SkillMatcher } from '../core/features/resumes/profile/skills.js';
import { loadSkillsTaxonomy } from '../core/features/resumes/profile/skills-taxonomy.js';

export interface PdfWorkerData {
  /** Absolute path of resources/skills-taxonomy.json, resolved by the pool. */
  taxonomyFile: string;
}

export interface PdfTask {
  bytes: Uint8Array;
  limits: PdfLimits;
}

export interface ResumeTask extends PdfTask {
  /** Epoch ms that "present" in a work history stands for. */
  now: number;
}

/** The names of this module's task functions, for `piscina.run(task, { name })`. */
export type PdfWorkerTaskName = 'extractPdf' | 'parseResume';

async function loadSkillMatcher(data: unknown): Promise<SkillMatcher> {
  if (typeof data !== 'object' || data === null || typeof (data as Partial<PdfWorkerData>).taxonomyFile !== 'string') {
    throw new Error('The PDF worker was started without a taxonomyFile in its workerData.');
  }
  return compileSkillMatcher(await loadSkillsTaxonomy((data as PdfWorkerData).taxonomyFile));
}

const skillMatcher = loadSkillMatcher(workerData);
// A worker that only extracts PDFs never awaits the matcher; its failure is reported by parseResume.
skillMatcher.catch(() => undefined);

// The pool moves each task's bytes into the worker in a buffer of their own, so pdf.js may take them.
export function extractPdf(task: PdfTask): Promise<PdfExtraction> {
  return extractPdfText(task.bytes, task.limits, { handOver: true });
}

export async function parseResume(task: ResumeTask): Promise<ResumeParse> {
  // A résumé keeps no link annotations (resumeParseOf drops them), so they are not read.
  const extraction = await extractPdfText(task.bytes, task.limits, { links: false, handOver: true });
  return extraction.ok ? resumeParseOf(extraction, await skillMatcher, task.now) : extraction;
}

// What parsing one résumé PDF in the worker pool gives back: the PDF extraction plus the profile
// extracted from its text. Plain structured-clonable data, since it crosses the worker boundary.
import type { ExtractedProfile } from '../../../../shared/schemas/resume-profile.js';
import type { PdfExtracted, PdfExtraction, PdfFailed, PdfLimits } from './pdf/pdf-extraction.js';
import { extractProfile } from './profile/extract-profile.js';
import type { SkillMatcher } from './profile/skills.js';

export interface ResumeParseOptions {
  /** Per-file limits; any left out take the pool's. */
  limits?: Partial<PdfLimits>;
  /** "Present" in a work history means this instant (epoch ms); the pool's clock when omitted. */
  now?: number;
}

/**
 * What the résumé's record keeps of the extraction: the per-page texts and the link annotations are
 * left out (the joined text carries the pages), so the answer that crosses back from the worker holds
 * no text twice.
 */
export type ResumeParsed = Omit<PdfExtracted, 'pages' | 'links'> & {
  /** The whole text in reading order, pages separated by form feeds ("\f"). */
  text: string;
  /** Null for a scan with no text layer: there is nothing to extract a profile from. */
  profile: ExtractedProfile | null;
};

export type ResumeParse = ResumeParsed | PdfFailed;

/** Page separator in `ResumeParsed.text`: the form feed, as pdftotext writes between pages. */
export const PAGE_SEPARATOR = '\f';

/**
 * Turns a PDF extraction into the joined text and, when there is a text layer, the profile; a failed
 * extraction is passed through as it is.
 */
export function resumeParseOf(extraction: PdfExtraction, skills: SkillMatcher, now: number): ResumeParse {
  if (!extraction.ok) return extraction;
  const { pages, links: _links, ...kept } = extraction;
  const pageTexts = pages.map((page) => page.text);
  return {
    ...kept,
    text: pageTexts.join(PAGE_SEPARATOR),
    profile: extraction.hasTextLayer ? extractProfile(pageTexts, { skills, now: new Date(now) }) : null,
  };
}

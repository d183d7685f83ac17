// What parsing one résumé PDF in the worker pool gives back: the PDF extraction plus the profile
// extracted from its text. Plain structured-clonable data, since it crosses the worker boundary.
import type { ExtractedProfile } from '../../../../shared/schemas/resume-profile.js';
import type { PdfExtracted, PdfFailed, PdfLimits } from './pdf/pdf-extraction.js';

export interface ResumeParseOptions {
  /** Per-file limits; any left out take the pool's. */
  limits?: Partial<PdfLimits>;
  /** "Present" in a work history means this instant (epoch ms); the pool's clock when omitted. */
  now?: number;
}

export type ResumeParsed = PdfExtracted & {
  /** The whole text in reading order, pages separated by form feeds ("\f"). */
  text: string;
  /** Null for a scan with no text layer: there is nothing to extract a profile from. */
  profile: ExtractedProfile | null;
};

export type ResumeParse = ResumeParsed | PdfFailed;

// Soft skills from a small lexicon of the phrases résumés use for them. Each is found by the first
// line that says it, so the analyser can quote that line as evidence.
import { quoteMatching, type ResumeLines } from './resume-quotes.js';

export interface SoftSkillFound {
  readonly name: string;
  readonly quote: string;
}

const LEXICON: readonly (readonly [string, RegExp])[] = [
  ['communication', /\b(?:communicat\w*|public speaking|present(?:ed|ing|ations?) (?:to|at)|wrote (?:reports|documentation))\b/iu],
  ['leadership', /\b(?:leadership|led (?:a|the|an)\b|team lead|head of|managed (?:a )?team|supervis\w+)\b/iu],
  ['mentoring', /\b(?:mentor\w*|coach\w*|trained (?:new|junior)|onboarded)\b/iu],
  ['teamwork', /\b(?:collaborat\w*|cross[- ]functional|teamwork|worked closely|partnered with)\b/iu],
  ['problem solving', /\b(?:problem[- ]solving|troubleshoot\w*|root[- ]cause|diagnos\w+|resolved)\b/iu],
  ['stakeholder management', /\b(?:stakeholders?|client[- ]facing|customer[- ]facing)\b/iu],
  ['organisation', /\b(?:organi[sz]ed|prioriti[sz]\w*|time management|multitask\w*|deadlines)\b/iu],
  ['adaptability', /\b(?:adaptab\w*|fast[- ]paced|flexib\w*)\b/iu],
  ['empathy', /\b(?:empath\w*|compassion\w*|patient[- ]cent(?:red|ered))\b/iu],
  ['negotiation', /\b(?:negotiat\w*)\b/iu],
];

/** The lexicon's soft skills the résumé shows, in lexicon order. */
export function findSoftSkills(lines: ResumeLines): SoftSkillFound[] {
  return LEXICON.flatMap(([name, pattern]) => {
    const quote = quoteMatching(lines, pattern);
    return quote === undefined ? [] : [{ name, quote }];
  });
}

/** 10 with none, +15 for each distinct soft skill, at most 100. */
export function softSkillScore(found: readonly SoftSkillFound[]): number {
  return Math.min(100, 10 + 15 * found.length);
}

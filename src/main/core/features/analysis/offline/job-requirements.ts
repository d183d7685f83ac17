// What a job asks for, read from its fields and its description: required and nice-to-have skills
// (canonical taxonomy names where the taxonomy knows them), the years of experience asked
// ("5+ years", "at least 3 years", "3–5 years"), and the lowest degree it accepts.
import { EDUCATION_LEVELS, type EducationLevel } from '../../../../../shared/schemas/resume-profile.js';
import { extractEducation } from '../../resumes/profile/education.js';
import { findSkills, type SkillMatcher } from '../../resumes/profile/skills.js';
import { termBag, type TermBag } from './terms.js';

/** A job as the analyser takes it: a job document's fields, or just an ad-hoc description. */
export interface OfflineJob {
  readonly title?: string;
  readonly description: string;
  readonly requiredSkills?: readonly string[];
  readonly niceToHaveSkills?: readonly string[];
}

/** A skill the job names: `canonical` when the taxonomy knows it, else matched literally. */
export interface JobSkill {
  readonly name: string;
  readonly canonical: boolean;
}

export interface JobRequirements {
  readonly kind: 'job-requirements';
  readonly title: string;
  readonly required: readonly JobSkill[];
  readonly niceToHave: readonly JobSkill[];
  readonly yearsRequired?: number;
  readonly educationRequired?: EducationLevel;
  /** The job's text as BM25's query. */
  readonly query: TermBag;
}

// A line of a description that says what follows is optional.
const OPTIONAL_LINE = /\b(?:nice[\s-]to[\s-]haves?|bonus|a plus|is a plus|are a plus|preferred|desirable|ideally|would be great|optional)\b/iu;
const OPTIONAL_HEADING = /^\s*(?:nice[\s-]to[\s-]haves?|bonus(?: points)?|preferred(?: qualifications)?|desirable|good to have)\s*[:：]?\s*$/iu;
const REQUIRED_HEADING = /^\s*(?:requirements|required|must[\s-]haves?|what you(?:'|’)ll (?:need|bring)|qualifications|responsibilities|about (?:the|this) role)\s*[:：]?\s*$/iu;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15,
};
const YEARS_RE = /\b(?:(?:at least|minimum(?: of)?|min\.?|over|more than)\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*(?:years?|yrs?)\b/giu;

/** Splits a description into lines, each marked optional when it (or its heading) says so. */
function classifyLines(description: string): { line: string; optional: boolean }[] {
  let inOptional = false;
  const out: { line: string; optional: boolean }[] = [];
  for (const raw of description.split(/\r?\n|(?<=[.;])\s+(?=\p{Lu})/u)) {
    const line = raw.trim();
    if (!line) continue;
    if (OPTIONAL_HEADING.test(line)) inOptional = true;
    else if (REQUIRED_HEADING.test(line)) inOptional = false;
    out.push({ line, optional: inOptional || OPTIONAL_LINE.test(line) });
  }
  return out;
}

/** The years of experience a text asks for: the largest lower bound it states, at most 30. */
export function yearsAskedIn(text: string): number | undefined {
  let asked: number | undefined;
  for (const match of text.matchAll(YEARS_RE)) {
    const word = (match[1] ?? '').toLowerCase();
    const years = NUMBER_WORDS[word] ?? Number(word);
    if (Number.isFinite(years) && years > 0 && years <= 30) asked = Math.max(asked ?? 0, years);
  }
  return asked;
}

function levelRank(level: EducationLevel): number {
  return EDUCATION_LEVELS.indexOf(level);
}

/** The lowest degree the lines name ("BSc or MSc" accepts a BSc). */
function lowestDegreeIn(lines: readonly string[]): EducationLevel | undefined {
  const levels = extractEducation(lines).map((entry) => entry.level);
  return levels.reduce<EducationLevel | undefined>((low, level) => (low === undefined || levelRank(level) < levelRank(low) ? level : low), undefined);
}

// The analysis schema's limit on a skill's name; an ad-hoc job's list is not checked anywhere else.
const MAX_SKILL_NAME = 100;

function canonicalise(matcher: SkillMatcher, names: readonly string[]): JobSkill[] {
  return names.flatMap((name): JobSkill[] => {
    const found = findSkills(matcher, name, name);
    return found.length > 0 ? found.map((skill) => ({ name: skill.name, canonical: true })) : [{ name: name.trim().slice(0, MAX_SKILL_NAME), canonical: false }];
  });
}

function uniqueSkills(skills: readonly JobSkill[], except: ReadonlySet<string> = new Set()): JobSkill[] {
  const seen = new Set(except);
  return skills.filter((skill) => {
    const key = skill.name.toLowerCase();
    if (!skill.name || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads a job once; ranking many résumés for one job reuses the result. */
export function readJobRequirements(matcher: SkillMatcher, job: OfflineJob): JobRequirements {
  const lines = classifyLines(job.description);
  const requiredText = lines.filter((entry) => !entry.optional).map((entry) => entry.line);
  const optionalText = lines.filter((entry) => entry.optional).map((entry) => entry.line);
  const requiredFromText = findSkills(matcher, requiredText.join('\n'), requiredText.join('\n')).map((skill) => skill.name);
  const optionalFromText = findSkills(matcher, optionalText.join('\n'), optionalText.join('\n')).map((skill) => skill.name);
  const required = uniqueSkills([...canonicalise(matcher, job.requiredSkills ?? []), ...requiredFromText.map((name) => ({ name, canonical: true }))]);
  const niceToHave = uniqueSkills(
    [...canonicalise(matcher, job.niceToHaveSkills ?? []), ...optionalFromText.map((name) => ({ name, canonical: true }))],
    new Set(required.map((skill) => skill.name.toLowerCase())),
  );
  const yearsRequired = yearsAskedIn(requiredText.join('\n'));
  const educationRequired = lowestDegreeIn(requiredText);
  const fullText = [job.title ?? '', job.title ?? '', job.description, ...(job.requiredSkills ?? []), ...(job.niceToHaveSkills ?? [])].join('\n');
  return {
    kind: 'job-requirements',
    title: job.title?.trim() ?? '',
    required,
    niceToHave,
    ...(yearsRequired === undefined ? {} : { yearsRequired }),
    ...(educationRequired === undefined || educationRequired === 'none' ? {} : { educationRequired }),
    query: termBag(fullText, [...required, ...niceToHave].filter((skill) => skill.canonical).map((skill) => skill.name)),
  };
}

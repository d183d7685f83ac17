// Text → terms for the offline analyser's similarity: Unicode folding (accents dropped, case
// folded), stop-words removed, a light suffix stemmer, and every taxonomy skill found added as one
// canonical term, so "k8s" in a résumé and "Kubernetes" in a job are the same term.
import { findSkills, type SkillMatcher } from '../../resumes/profile/skills.js';

/** A document as counts of terms, with its length in terms. */
export interface TermBag {
  readonly counts: ReadonlyMap<string, number>;
  readonly length: number;
}

// Skill terms carry a prefix no folded word can have, so "#python" never collides with "python".
export const SKILL_TERM_PREFIX = '#';
// A skill named is a stronger signal than any one word: it counts as this many occurrences.
const SKILL_TERM_WEIGHT = 3;

const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each etc few for from further had has have having he her here hers him his how i if ' +
    'in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own per same she ' +
    'should so some such than that the their theirs them then there these they this those through to too under until up us very ' +
    'was we were what when where which while who whom why will with within would you your yours ' +
    // Words every job ad and résumé uses, which say nothing about fit.
    'able ability work worked working role team teams company years year experience experienced strong excellent good great ' +
    'looking join new including across using use used responsible responsibilities requirement requirements required preferred ' +
    'plus nice bonus must skill skills knowledge candidate ideal day well make help ensure within'
  ).split(' '),
);

/** Lower-cased, accents removed, compatibility forms folded (ﬁ → fi, full-width → ASCII). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A deliberately light stemmer: plural and common verb/adjective endings, never below 4 letters. */
export function stem(word: string): string {
  const strip = (suffix: string, replacement = '') =>
    word.length - suffix.length >= 4 && word.endsWith(suffix) ? word.slice(0, word.length - suffix.length) + replacement : undefined;
  return (
    strip('ational', 'ate') ??
    strip('ization', 'ize') ??
    strip('ations', 'ate') ??
    strip('ation', 'ate') ??
    strip('ments') ??
    strip('ment') ??
    strip('ities') ??
    strip('ity') ??
    strip('ness') ??
    strip('ingly') ??
    strip('ings') ??
    strip('ing') ??
    strip('edly') ??
    strip('ies', 'y') ??
    strip('ied', 'y') ??
    strip('ed') ??
    strip('ers', 'er') ??
    strip('ly') ??
    (word.endsWith('ss') ? undefined : strip('s')) ??
    word
  );
}

/** The word terms of a text: folded, stop-words dropped, stemmed. "C++" and "C#" keep their marks. */
export function wordTerms(text: string): string[] {
  const words = foldText(text).match(/[\p{L}\p{N}][\p{L}\p{N}+#]*/gu) ?? [];
  return words.filter((word) => word.length > 1 && !STOP_WORDS.has(word) && !/^\d+$/u.test(word)).map(stem);
}

/** The canonical term of a taxonomy skill name. */
export function skillTerm(skillName: string): string {
  return SKILL_TERM_PREFIX + foldText(skillName);
}

/** Words and skills of a text as a term bag; `skillNames` are the skills already found in it. */
export function termBag(text: string, skillNames: readonly string[]): TermBag {
  const counts = new Map<string, number>();
  const words = wordTerms(text);
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const name of skillNames) counts.set(skillTerm(name), (counts.get(skillTerm(name)) ?? 0) + SKILL_TERM_WEIGHT);
  return { counts, length: words.length + skillNames.length * SKILL_TERM_WEIGHT };
}

/** The taxonomy skills named in a text (anywhere: a job ad has no skills section to restrict to). */
export function skillNamesIn(matcher: SkillMatcher, text: string): string[] {
  return findSkills(matcher, text, text).map((skill) => skill.name);
}

// Finds taxonomy skills in résumé text. Matching is by whole word, case-insensitive, synonyms mapped
// to the canonical name. Names that are ordinary words or letters ("Go", "R", "C", "Excel") count
// only in a skills section or as an item of a comma-separated list, with the spelling given; names
// marked exact-case ("React", "ML") count anywhere but only spelled so.
import type { SkillsTaxonomy } from './skills-taxonomy.js';

export interface FoundSkill {
  readonly name: string;
  readonly category: string;
  /** The spellings seen in the text, as the taxonomy writes them, sorted. */
  readonly keywords: string[];
}

interface AliasMatcher {
  readonly skill: string;
  readonly category: string;
  readonly alias: string;
  /** What is searched for: the alias with single spaces, lower-cased unless spelling matters. */
  readonly needle: string;
  readonly ambiguous: boolean;
  readonly exactCase: boolean;
}

export interface SkillMatcher {
  readonly aliases: readonly AliasMatcher[];
}

const WORD_CHAR = /[\p{L}\p{N}+#]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const AMBIGUOUS_JOINER = /[-'’]/u;

// Letters, digits, "+" and "#" continue a word ("C" is not in "C++"); a dot between letters does
// too ("Node" is not in "Node.js"). Ambiguous names also refuse hyphens and apostrophes ("go-to",
// "Go's" in prose). Plain string search with these checks is far cheaper than hundreds of Unicode
// regular expressions, which matters when a worker parses thousands of résumés.
function isWholeWord(text: string, start: number, end: number, ambiguous: boolean): boolean {
  const joins = (char: string | undefined) => char !== undefined && (WORD_CHAR.test(char) || (ambiguous && AMBIGUOUS_JOINER.test(char)));
  const before = text[start - 1];
  const after = text[end];
  if (joins(before) || joins(after)) return false;
  if (before === '.' && LETTER_OR_DIGIT.test(text[start - 2] ?? '')) return false;
  if (after === '.' && LETTER_OR_DIGIT.test(text[end + 1] ?? '')) return false;
  return true;
}

// Not localeCompare: the order must not depend on the machine's locale, so output is reproducible.
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

/** Compiles the taxonomy into matchers, longest aliases first; spoken languages are left out. */
export function compileSkillMatcher(taxonomy: SkillsTaxonomy): SkillMatcher {
  const aliases = taxonomy.skills
    .filter((skill) => skill.category !== 'language')
    .flatMap((skill) =>
      [skill.name, ...skill.synonyms].map((alias) => {
        const ambiguous = skill.ambiguous?.includes(alias) === true;
        const exactCase = ambiguous || skill.exactCase?.includes(alias) === true;
        const spaced = collapseSpaces(alias);
        return { skill: skill.name, category: skill.category, alias, needle: exactCase ? spaced : spaced.toLowerCase(), ambiguous, exactCase };
      }),
    )
    .sort((a, b) => b.alias.length - a.alias.length || byCodeUnits(a.alias, b.alias));
  return { aliases };
}

/** The items of a comma/semicolon/pipe/slash-separated list, when the line is one (≥ 2 items). */
function listItems(line: string): string[] {
  const body = line.replace(/^[^:：]{1,40}[:：]\s*/u, '').replace(/^[•·▪\-*–]\s*/u, '');
  const items = body.split(/\s*[,;|/]\s*|\s+(?:and|&)\s+/u).map((item) => item.trim().replace(/[.]$/u, ''));
  return items.length >= 2 ? items : [];
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Skills found in `text`; `skillsSectionText` is where ambiguous names may appear anywhere. A span
 * of text matched by a longer alias is not matched again by a shorter one ("React Native" is not
 * also "React").
 */
export function findSkills(matcher: SkillMatcher, text: string, skillsSectionText: string): FoundSkill[] {
  const found = new Map<string, { category: string; keywords: Set<string> }>();
  const note = (entry: AliasMatcher) => {
    const existing = found.get(entry.skill) ?? { category: entry.category, keywords: new Set<string>() };
    existing.keywords.add(entry.alias);
    found.set(entry.skill, existing);
  };
  const sources = {
    text: { exact: collapseSpaces(text), lower: collapseSpaces(text).toLowerCase(), spans: [] as Span[] },
    skills: { exact: collapseSpaces(skillsSectionText), lower: collapseSpaces(skillsSectionText).toLowerCase(), spans: [] as Span[] },
  };
  const matchIn = (source: (typeof sources)['text'], entry: AliasMatcher): boolean => {
    const haystack = entry.exactCase ? source.exact : source.lower;
    let matched = false;
    for (let at = haystack.indexOf(entry.needle); at >= 0; at = haystack.indexOf(entry.needle, at + 1)) {
      const span = { start: at, end: at + entry.needle.length };
      if (!isWholeWord(haystack, span.start, span.end, entry.ambiguous)) continue;
      if (source.spans.some((other) => span.start < other.end && other.start < span.end)) continue;
      source.spans.push(span);
      matched = true;
    }
    return matched;
  };
  const listItemSet = new Set(text.split(/\r?\n/).flatMap(listItems));
  for (const entry of matcher.aliases) {
    if (!entry.ambiguous) {
      if (matchIn(sources.text, entry)) note(entry);
      continue;
    }
    if (matchIn(sources.skills, entry) || listItemSet.has(entry.alias)) note(entry);
  }
  return [...found.entries()]
    .map(([name, { category, keywords }]) => ({ name, category, keywords: [...keywords].sort() }))
    .sort((a, b) => byCodeUnits(a.name, b.name));
}

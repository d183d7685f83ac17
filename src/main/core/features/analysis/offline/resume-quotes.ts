// Finds the résumé lines that back a claim, so every strength quotes the résumé verbatim: the line
// naming a skill (a work bullet before a bare skills list), a soft skill, a degree or a job title.
import type { SkillMatcher } from '../../resumes/profile/skills.js';
import { findSkills } from '../../resumes/profile/skills.js';

const MAX_QUOTE = 300;

export interface ResumeLines {
  readonly text: string;
  readonly lines: readonly string[];
}

/** The résumé's non-empty lines, trimmed: each one a verbatim substring of the text. */
export function resumeLines(text: string): ResumeLines {
  return { text, lines: text.split(/\r?\n/u).map((line) => line.trim()).filter((line) => line.length > 0) };
}

/** A quote no longer than the schema allows that is still a substring of the line. */
export function quoteOf(line: string): string {
  return line.length <= MAX_QUOTE ? line : line.slice(0, MAX_QUOTE).trimEnd();
}

// Lines that read as sentences (work bullets) prove more than a bare list of names does.
function isProse(line: string): boolean {
  return line.split(/\s+/u).length >= 6 && (line.match(/[,;|]/gu) ?? []).length < 3;
}

/** The best line naming the skill: the first prose line, else the first line at all. */
export function quoteForSkill(matcher: SkillMatcher, lines: ResumeLines, skill: string): string | undefined {
  const only: SkillMatcher = { aliases: matcher.aliases.filter((alias) => alias.skill === skill) };
  if (only.aliases.length === 0) {
    const needle = skill.toLowerCase();
    const literal = lines.lines.find((line) => line.toLowerCase().includes(needle));
    return literal === undefined ? undefined : quoteOf(literal);
  }
  // A plain substring test first: the whole-word matcher is far dearer and most lines fail both.
  const needles = only.aliases.map((alias) => alias.needle.toLowerCase());
  let first: string | undefined;
  for (const line of lines.lines) {
    const lower = line.toLowerCase();
    if (!needles.some((needle) => lower.includes(needle))) continue;
    if (findSkills(only, line, line).length === 0) continue;
    if (isProse(line)) return quoteOf(line);
    first ??= line;
  }
  return first === undefined ? undefined : quoteOf(first);
}

/** The first line matching the pattern. */
export function quoteMatching(lines: ResumeLines, pattern: RegExp): string | undefined {
  if (!pattern.test(lines.text)) return undefined;
  const line = lines.lines.find((candidate) => pattern.test(candidate));
  return line === undefined ? undefined : quoteOf(line);
}

/** The first line containing the phrase, ignoring case. */
export function quoteContaining(lines: ResumeLines, phrase: string): string | undefined {
  const needle = phrase.toLowerCase();
  if (!needle) return undefined;
  const line = lines.lines.find((candidate) => candidate.toLowerCase().includes(needle));
  return line === undefined ? undefined : quoteOf(line);
}

/** The first line containing every phrase, ignoring case. */
export function quoteContainingAll(lines: ResumeLines, phrases: readonly string[]): string | undefined {
  const needles = phrases.map((phrase) => phrase.toLowerCase()).filter((needle) => needle.length > 0);
  if (needles.length === 0) return undefined;
  const line = lines.lines.find((candidate) => needles.every((needle) => candidate.toLowerCase().includes(needle)));
  return line === undefined ? undefined : quoteOf(line);
}

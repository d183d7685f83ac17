// How job text is compared in search: folded (lower case, accents removed) and cut into words.
// These functions ARE the definition of keyword and location matching; the in-memory index must
// give exactly the jobs a plain scan using them would (tests/integration/api/jobs.search-index).
import type { Job } from '../../../../shared/schemas/job.js';

/** Any character but printable ASCII, tab and line breaks: text without one has nothing to decompose. */
const BEYOND_ASCII = /[^\t\n\r -~]/;

/** Lower case without accents or compatibility forms: "Zürich" and "ZURICH" fold alike. */
export function foldText(text: string): string {
  // Most job text is plain ASCII; skipping the decomposition for it halves the indexing time.
  if (!BEYOND_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

// A word starts with a letter or digit and may carry "+" and "#" so that "C++", "C#" and "F#" stay
// words of their own instead of all becoming "c"; other punctuation separates words ("Node.js").
const WORD = /[\p{L}\p{N}][\p{L}\p{N}+#]*/gu;

/** The distinct words of a text, folded. */
export function wordsOf(text: string): string[] {
  return [...new Set(foldText(text).match(WORD) ?? [])];
}

/** The words a job is found by: its title, description and every required and nice-to-have skill. */
export function searchableWords(job: Pick<Job, 'title' | 'description' | 'requiredSkills' | 'niceToHaveSkills'>): string[] {
  return wordsOf([job.title, job.description, ...job.requiredSkills, ...job.niceToHaveSkills].join('\n'));
}

/**
 * The terms of a keyword query. A job matches when each term begins at least one of its searchable
 * words. A keyword without any word (blank, or punctuation only) does not filter.
 */
export function keywordTerms(keyword: string): string[] {
  return wordsOf(keyword);
}

/** A location as it is filtered on: folded, trimmed, inner runs of spaces made one. */
export function locationKey(location: string): string {
  return foldText(location).trim().replace(/\s+/g, ' ');
}

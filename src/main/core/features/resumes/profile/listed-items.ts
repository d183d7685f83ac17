// The simple list sections: spoken languages with their fluency, and certifications.
import { findSingleDate, formatResumeDate } from './dates.js';
import { stripBullet } from './sections.js';

export interface LanguageEntry {
  readonly language: string;
  readonly fluency?: string;
}

export interface CertificateEntry {
  readonly name: string;
  readonly date?: string;
  readonly issuer?: string;
}

/** Items of a list section: one per bullet or line, or per comma/semicolon within a line. */
function itemsOf(lines: readonly string[], splitCommas: boolean): string[] {
  return lines
    .map(stripBullet)
    .flatMap((line) => (splitCommas ? line.split(/\s*[;,|]\s*(?![^()]*\))/u) : [line]))
    .map((item) => item.trim())
    .filter(Boolean);
}

/** "English (native)", "Spanish – C1", "French: fluent", "German B2". */
export function extractLanguages(lines: readonly string[]): LanguageEntry[] {
  const seen = new Set<string>();
  return itemsOf(lines, true).flatMap((item) => {
    const match = /^(\p{Lu}[\p{L}]+(?:\s(?!Native|Fluent|Basic|Intermediate|Advanced|Professional|Conversational|Elementary|Bilingual|Mother|Full|Limited|Working)\p{Lu}[\p{L}]+)?)\s*(?:[(:–—-]\s*|\s+)?(.*?)\)?$/u.exec(item);
    const language = match?.[1];
    if (!language || seen.has(language)) return [];
    seen.add(language);
    const fluency = (match[2] ?? '').replace(/^[(\s]+|[)\s]+$/gu, '');
    return [fluency ? { language, fluency } : { language }];
  });
}

/** "AWS Certified Solutions Architect – Amazon Web Services (2021)". */
export function extractCertificates(lines: readonly string[]): CertificateEntry[] {
  return itemsOf(lines, false).flatMap((item) => {
    const dated = findSingleDate(item);
    const withoutDate = (dated ? item.replace(dated.text, ' ') : item).replace(/\(\s*\)|[\s,;|–—-]+$/gu, '').trim();
    const parts = withoutDate.split(/\s+[–—-]\s+|\s*\|\s*|,\s+(?=\p{Lu})|\s+by\s+/u).map((part) => part.trim()).filter(Boolean);
    const name = parts[0];
    if (!name) return [];
    const issuer = parts[1];
    return [{ name, ...(dated ? { date: formatResumeDate(dated.date) } : {}), ...(issuer ? { issuer } : {}) }];
  });
}

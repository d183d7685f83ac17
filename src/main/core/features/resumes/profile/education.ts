// Education entries and the highest education level, from degree words ("BSc", "B.A.", "MBA",
// "PhD", "Licenciatura"…) in the education section.
import { findDateRanges, findSingleDate, formatResumeDate } from './dates.js';
import { stripBullet } from './sections.js';
import type { EducationLevel } from '../../../../../shared/schemas/resume-profile.js';

export interface EducationEntry {
  readonly institution?: string;
  readonly studyType: string;
  readonly area?: string;
  readonly level: EducationLevel;
  readonly startDate?: string;
  readonly endDate?: string;
}

// Most specific first: "Master of Business Administration" must not read as a bachelor's.
const DEGREES: readonly (readonly [EducationLevel, RegExp])[] = [
  ['doctorate', /(?<![\p{L}])(?:Ph\.?\s?D\.?|D\.?Phil\.?|Ed\.?D\.?|Doctor of (?:Philosophy|Medicine|Education|Science)|Doctorate|Doctoral degree|Doctorado|Doutoramento|Doutorado|Doctorat)(?![\p{L}])/u],
  ['master', /(?<![\p{L}])(?:M\.?Sc\.?|M\.?S\.?|M\.?A\.?|MBA|M\.?Eng\.?|M\.?Ed\.?|M\.?Phil\.?|MPH|LL\.?M\.?|Master(?:'s|’s)?(?: degree)?(?: of (?:Science|Arts|Engineering|Laws|Business Administration|Fine Arts|Public Health))?|Maestría|Mestrado|Máster|Master en)(?![\p{L}])/u],
  ['bachelor', /(?<![\p{L}])(?:B\.?Sc\.?|B\.?S\.?|B\.?A\.?|B\.?Eng\.?|B\.?Tech\.?|BBA|B\.?Com\.?|LL\.?B\.?|Bachelor(?:'s|’s)?(?: degree)?(?: of (?:Science|Arts|Engineering|Laws|Business Administration|Fine Arts|Commerce))?|Licenciatura|Licenciado|Licence|Grado en|Bacharelado)(?![\p{L}])/u],
  ['associate', /(?<![\p{L}])(?:Associate(?:'s|’s)? (?:degree|of (?:Applied Science|Arts|Science))|A\.A\.S\.?|A\.A\.|A\.S\.|AAS|Foundation degree|HND)(?![\p{L}])/u],
  ['high_school', /(?<![\p{L}])(?:High School(?: Diploma)?|Secondary School|GED|A-Levels?|Baccalaureate|Bachillerato|Ensino Secundário)(?![\p{L}])/iu],
];

const RANK: Readonly<Record<EducationLevel, number>> = { none: 0, high_school: 1, associate: 2, bachelor: 3, master: 4, doctorate: 5 };

const INSTITUTION_RE =
  /\b(?:University|Universit[éy]|Universidad|Universidade|Università|Universität|College|Institute|Instituto|Institut|Polytechnic|Politécnico|Politecnico|School|Academy|Escuela|Escola|École|ETH|MIT)\b/u;

function degreeIn(line: string): { level: EducationLevel; match: RegExpExecArray } | undefined {
  for (const [level, pattern] of DEGREES) {
    const match = pattern.exec(line);
    if (match) return { level, match };
  }
  return undefined;
}

function clean(text: string): string {
  return text.replace(/^[\s,;:|()–—-]+|[\s,;:|()–—-]+$/gu, '').replace(/\s+/g, ' ');
}

/** The field written after the degree: "in Computer Science", "of Business Administration", "Data Science". */
function areaAfter(line: string, match: RegExpExecArray): string | undefined {
  const tail = line.slice(match.index + match[0].length);
  const field = /^\s*(?:\((?:Hons|Honours|Honors)\)\s*)?,?\s*(?:(?:in|em|en|of)\s+)?([\p{L}][\p{L} &'’-]*?)\s*(?:$|[,|–—(]|\s-\s|\s(?:at|from)\s|\s(?:19|20)\d{2})/u.exec(tail);
  const area = clean(field?.[1] ?? '');
  return area && !INSTITUTION_RE.test(area) && area.length <= 80 ? area : undefined;
}

/** Education entries from the education section's lines: one per line naming a degree. */
export function extractEducation(lines: readonly string[]): EducationEntry[] {
  const entries: EducationEntry[] = [];
  lines.forEach((raw, index) => {
    const line = stripBullet(raw);
    const degree = degreeIn(line);
    if (!degree) return;
    const neighbours = [lines[index - 1], lines[index + 1]].map((other) => (other === undefined ? '' : stripBullet(other)));
    const pieces = [line, ...neighbours.filter((other) => !degreeIn(other))];
    const institutionPiece = pieces
      .flatMap((piece) => piece.split(/\s*[,|–—]\s*|\s-\s|\s(?:at|from)\s/u))
      .find((piece) => INSTITUTION_RE.test(piece));
    const datesText = pieces.find((piece) => findDateRanges(piece).length > 0 || findSingleDate(piece)) ?? '';
    const range = findDateRanges(datesText)[0];
    const single = range ? undefined : findSingleDate(datesText);
    const area = areaAfter(line, degree.match);
    const institution = institutionPiece ? clean(institutionPiece.replace(/\b(?:19|20)\d{2}\b.*$/u, '')) : undefined;
    entries.push({
      ...(institution ? { institution } : {}),
      studyType: clean(degree.match[0]),
      ...(area ? { area } : {}),
      level: degree.level,
      ...(range ? { startDate: formatResumeDate(range.start) } : {}),
      ...(range && range.end !== 'present' ? { endDate: formatResumeDate(range.end) } : {}),
      ...(single ? { endDate: formatResumeDate(single.date) } : {}),
    });
  });
  return entries;
}

/** The highest level among the entries; `none` when no degree was found. */
export function highestEducationLevel(entries: readonly EducationEntry[]): EducationLevel {
  return entries.reduce<EducationLevel>((best, entry) => (RANK[entry.level] > RANK[best] ? entry.level : best), 'none');
}

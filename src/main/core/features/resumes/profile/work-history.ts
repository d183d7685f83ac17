// Work history entries from the experience section: position, company, dates and bullet highlights.
// An entry is anchored on the line holding its date range; the non-bullet lines just before it (or,
// failing that, just after it) are its title and company, and the bullets after it its highlights.
import { findDateRanges, formatResumeDate, singleDateRange, type DateRange } from './dates.js';
import { isBullet, stripBullet } from './sections.js';

export interface WorkEntry {
  readonly position?: string;
  readonly name?: string;
  readonly location?: string;
  readonly startDate: string;
  /** Absent while the job is current ("Present"). */
  readonly endDate?: string;
  readonly highlights: string[];
  readonly range: DateRange;
}

const TITLE_WORDS =
  /\b(?:engineer|developer|programmer|architect|manager|director|head|lead|leader|analyst|scientist|designer|consultant|specialist|intern|internship|trainee|assistant|associate|officer|administrator|coordinator|executive|representative|accountant|auditor|controller|nurse|physician|doctor|therapist|technician|recruiter|partner|founder|co-founder|cto|ceo|cfo|vp|president|owner|advisor|researcher|professor|lecturer|teacher|writer|editor|marketer|strategist|planner|buyer|clerk|agent|supervisor|operator|sre|devops|qa|tester|product|generalist|pharmacist|paramedic|midwife|desenvolvedor|desarrollador|ingeniero|engenheiro|gerente|jefe|analista|consultor)\b/iu;
const COMPANY_WORDS =
  /\b(?:inc|llc|ltd|gmbh|s\.?a|s\.?l|plc|corp|corporation|company|co|group|labs?|technologies|solutions|systems|bank|hospital|clinic|university|agency|studio|partners|consulting|ventures)\b\.?/iu;
const LOCATION_RE = /^\p{Lu}[\p{L}'’. -]+,\s*\p{Lu}[\p{L}'’. -]+$/u;
const REMOTE_RE = /^(?:remote|hybrid|on-?site)$/iu;
const SPLIT_RE = /\s+(?:at|@|—|–|-|\||·|•)\s+|\s*[|·•]\s*/u;
const COMMA_SPLIT_RE = /\s*,\s+(?=\p{Lu})/u;

function cleanPiece(piece: string): string {
  return piece.replace(/^[\s,;:|()–—-]+|[\s,;:|()–—-]+$/gu, '').trim();
}

/** Picks position, company and location out of the header pieces of one entry. */
function readHeader(pieces: readonly string[]): Pick<WorkEntry, 'position' | 'name' | 'location'> {
  const parts = pieces.flatMap((piece) => piece.split(SPLIT_RE)).map(cleanPiece).filter(Boolean);
  let location: string | undefined;
  const rest: string[] = [];
  for (const part of parts) {
    const isPlace = REMOTE_RE.test(part) || (LOCATION_RE.test(part) && !TITLE_WORDS.test(part) && !COMPANY_WORDS.test(part));
    if (location === undefined && isPlace) location = part;
    else rest.push(...part.split(COMMA_SPLIT_RE).map(cleanPiece).filter(Boolean));
  }
  let position = rest.find((part) => TITLE_WORDS.test(part) && !COMPANY_WORDS.test(part));
  let name = rest.find((part) => part !== position && COMPANY_WORDS.test(part));
  if (position === undefined) position = rest.find((part) => part !== name);
  if (name === undefined) name = rest.find((part) => part !== position);
  return {
    ...(position === undefined ? {} : { position }),
    ...(name === undefined ? {} : { name }),
    ...(location === undefined ? {} : { location }),
  };
}

/** A header line ending in one date ("Intern at Hooli, 2015"), or that date alone. */
function singleDateAnchor(line: string): DateRange | undefined {
  const range = singleDateRange(line);
  return range && line.length <= 120 && line.trimEnd().endsWith(range.text) ? range : undefined;
}

/** The work entries of an experience section's lines, in the order written. */
export function extractWorkHistory(lines: readonly string[]): WorkEntry[] {
  const anchors = lines.flatMap((line, index) => {
    if (isBullet(line)) return [];
    const range = findDateRanges(line)[0] ?? singleDateAnchor(line);
    return range ? [{ index, range }] : [];
  });
  const entries: WorkEntry[] = [];
  // Where the previous entry's own lines end: its date line, or the last of its bullets.
  let consumed = 0;
  anchors.forEach(({ index, range }, anchorIndex) => {
    const nextIndex = anchors[anchorIndex + 1]?.index ?? lines.length;
    const before = lines.slice(consumed, index);
    const lastBullet = before.findLastIndex(isBullet);
    // Up to three plain lines right before the date line are this entry's header.
    const headerBefore = before.slice(lastBullet + 1).slice(-3);
    const dateLineRest = lines[index]?.replace(range.text, ' ').trim() ?? '';
    const after = lines.slice(index + 1, nextIndex);
    const firstBullet = after.findIndex(isBullet);
    // With nothing before the date line, the rest of the header follows it ("Jan 2020 – Present"
    // first, or "Engineer   2020 – 2022" over "Acme Corp"); without bullets to end it, only a bare
    // date line claims the lines after it, which otherwise head the next entry.
    const isLast = anchorIndex === anchors.length - 1;
    const claimsAfter = headerBefore.length === 0 && (firstBullet >= 0 || isLast || dateLineRest === '');
    const headerAfter = claimsAfter ? after.slice(0, firstBullet < 0 ? after.length : firstBullet).slice(0, 3) : [];
    // Plain lines after this entry's last bullet are the next entry's header; the last entry keeps all.
    const bodyEnd = Math.max(isLast ? after.length : after.findLastIndex(isBullet) + 1, headerAfter.length);
    const highlights: string[] = [];
    for (const line of after.slice(headerAfter.length, bodyEnd)) {
      if (isBullet(line)) highlights.push(stripBullet(line));
      else if (highlights.length > 0) highlights[highlights.length - 1] = `${highlights.at(-1) ?? ''} ${line}`;
    }
    consumed = index + 1 + bodyEnd;
    entries.push({
      ...readHeader([...headerBefore, dateLineRest, ...headerAfter]),
      startDate: formatResumeDate(range.start),
      ...(range.end === 'present' ? {} : { endDate: formatResumeDate(range.end) }),
      highlights,
      range,
    });
  });
  return entries;
}

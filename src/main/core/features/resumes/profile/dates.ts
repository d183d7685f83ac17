// Dates as résumés write them ("Jan 2020", "01/2020", "2020-01", "03.2019", "2020", "Present") and
// the years of experience their ranges add up to, with overlapping jobs counted once.

/** A calendar month as `year * 12 + monthIndex` (January = 0), so months subtract as integers. */
export type MonthIndex = number;

export interface ResumeDate {
  readonly month: MonthIndex;
  /** `year` when only the year was written: the month is then January, a conservative guess. */
  readonly precision: 'month' | 'year';
}

export interface DateRange {
  readonly start: ResumeDate;
  /** `'present'` for "Present", "current", "now"… */
  readonly end: ResumeDate | 'present';
  /** The exact text of the range, so callers can remove it from the line. */
  readonly text: string;
}

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['jan', 'january', 'ene', 'enero', 'janeiro', 'janvier', 'januar'],
  ['feb', 'february', 'febrero', 'fev', 'fevereiro', 'fév', 'février', 'februar'],
  ['mar', 'march', 'marzo', 'março', 'mars', 'märz'],
  ['apr', 'april', 'abr', 'abril', 'avr', 'avril'],
  ['may', 'mayo', 'mai', 'maio'],
  ['jun', 'june', 'junio', 'junho', 'juin', 'juni'],
  ['jul', 'july', 'julio', 'julho', 'juil', 'juillet', 'juli'],
  ['aug', 'august', 'ago', 'agosto', 'août', 'aout'],
  ['sep', 'sept', 'september', 'septiembre', 'set', 'setembro', 'septembre'],
  ['oct', 'october', 'octubre', 'out', 'outubro', 'octobre', 'okt', 'oktober'],
  ['nov', 'november', 'noviembre', 'novembro', 'novembre'],
  ['dec', 'december', 'dic', 'diciembre', 'dez', 'dezembro', 'déc', 'décembre', 'dezember'],
];

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, index) => names.map((name) => [name, index] as const)),
);

// Longest names first so "september" wins over "sep".
const MONTH_PATTERN = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');
const YEAR = '(?:19|20)\\d{2}';
const DATE_PATTERN =
  `(?:(?:${MONTH_PATTERN})\\.?,?\\s+${YEAR}` + // Jan 2020, January 2020, Sept. 2019
  `|\\d{1,2}[/.]${YEAR}` + // 01/2020, 03.2019
  `|${YEAR}[-/.](?:0?[1-9]|1[0-2])(?![\\d])` + // 2020-01
  `|${YEAR})`; // 2020
const PRESENT_PATTERN = 'present|current|currently|now|today|ongoing|to date|actual|atual|presente|actualidad|aujourd\'hui';
const SEPARATOR_PATTERN = '\\s*(?:–|—|-|‒|―|to|until|till|through|a|à|bis)\\s*';

const RANGE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${DATE_PATTERN})${SEPARATOR_PATTERN}(${DATE_PATTERN}|${PRESENT_PATTERN})(?![\\p{L}\\p{N}])`,
  'giu',
);
const SINGLE_DATE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${DATE_PATTERN})(?![\\p{L}\\p{N}])`, 'iu');
const PRESENT_RE = new RegExp(`^(?:${PRESENT_PATTERN})$`, 'iu');

/** Parses one date written alone ("Jan 2020", "2020-01", "2020"…); undefined when it is not one. */
export function parseResumeDate(text: string): ResumeDate | undefined {
  const value = text.trim().toLowerCase();
  let match = /^(\p{L}+)\.?,?\s+(\d{4})$/u.exec(value);
  if (match) {
    const month = MONTH_BY_NAME.get(match[1] ?? '');
    return month === undefined ? undefined : { month: Number(match[2]) * 12 + month, precision: 'month' };
  }
  match = /^(\d{1,2})[/.](\d{4})$/.exec(value);
  if (match) return monthDate(Number(match[2]), Number(match[1]));
  match = /^(\d{4})[-/.](\d{1,2})$/.exec(value);
  if (match) return monthDate(Number(match[1]), Number(match[2]));
  match = /^(\d{4})$/.exec(value);
  if (match) return { month: Number(match[1]) * 12, precision: 'year' };
  return undefined;
}

function monthDate(year: number, month: number): ResumeDate | undefined {
  if (month < 1 || month > 12) return undefined;
  return { month: year * 12 + month - 1, precision: 'month' };
}

/** Every date range in a line of text, in order. */
export function findDateRanges(line: string): DateRange[] {
  const ranges: DateRange[] = [];
  for (const match of line.matchAll(RANGE_RE)) {
    const start = parseResumeDate(match[1] ?? '');
    const endText = (match[2] ?? '').trim();
    const end = PRESENT_RE.test(endText) ? 'present' : parseResumeDate(endText);
    if (start && end) ranges.push({ start, end, text: match[0] });
  }
  return ranges;
}

/** The first single date in a line (a graduation year, a certificate date), if any. */
export function findSingleDate(line: string): { date: ResumeDate; text: string } | undefined {
  const match = SINGLE_DATE_RE.exec(line);
  const date = match ? parseResumeDate(match[1] ?? '') : undefined;
  return match && date ? { date, text: match[0] } : undefined;
}

/** A single date as a range of itself: a job or course written with one date. */
export function singleDateRange(line: string): DateRange | undefined {
  const found = findSingleDate(line);
  return found ? { start: found.date, end: found.date, text: found.text } : undefined;
}

/** The month `now` falls in. */
export function monthOf(now: Date): MonthIndex {
  return now.getUTCFullYear() * 12 + now.getUTCMonth();
}

/** A date as JSON Resume writes it: "2020-01" or "2020". */
export function formatResumeDate(date: ResumeDate): string {
  const year = Math.floor(date.month / 12);
  if (date.precision === 'year') return String(year);
  return `${year}-${String((date.month % 12) + 1).padStart(2, '0')}`;
}

function endMonth(start: ResumeDate, end: ResumeDate): MonthIndex {
  if (end.precision === 'month') return end.month + 1;
  // A lone year ("2015", or "2015 – 2015") is that whole year.
  return end.month === start.month ? end.month + 12 : end.month;
}

/**
 * The half-open month interval [start, end) a range covers, clipped to `nowMonth`. A month-precise
 * end counts its own month ("Jan–Dec 2020" is twelve months); a year-only end counts from January,
 * so "2018–2021" is three years, unless it is the start year too. "Present" ends at the start of
 * the current month.
 */
export function rangeToInterval(range: DateRange, nowMonth: MonthIndex): [MonthIndex, MonthIndex] | undefined {
  const rawEnd = range.end === 'present' ? nowMonth : endMonth(range.start, range.end);
  const end = Math.min(rawEnd, nowMonth);
  const start = range.start.month;
  return end > start ? [start, end] : undefined;
}

/** Total months covered by the intervals, each month counted once however many jobs share it. */
export function mergedMonths(intervals: readonly (readonly [MonthIndex, MonthIndex])[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let total = 0;
  let current: [number, number] | undefined;
  for (const [start, end] of sorted) {
    if (current && start <= current[1]) {
      current[1] = Math.max(current[1], end);
    } else {
      if (current) total += current[1] - current[0];
      current = [start, end];
    }
  }
  if (current) total += current[1] - current[0];
  return total;
}

/** Years of experience from dated ranges, overlaps merged, to one decimal. */
export function yearsOfExperience(ranges: readonly DateRange[], now: Date): number {
  const nowMonth = monthOf(now);
  const intervals = ranges.flatMap((range) => {
    const interval = rangeToInterval(range, nowMonth);
    return interval ? [interval] : [];
  });
  return Math.round((mergedMonths(intervals) / 12) * 10) / 10;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findDateRanges,
  formatResumeDate,
  parseResumeDate,
  yearsOfExperience,
  type DateRange,
  type ResumeDate,
} from '../../../src/main/core/features/resumes/profile/dates.js';

const NOW = new Date(Date.UTC(2024, 5, 15));

function range(text: string): DateRange {
  const found = findDateRanges(text)[0];
  if (!found) throw new Error(`no range in "${text}"`);
  return found;
}

describe('résumé dates', () => {
  it.each([
    ['Jan 2020', '2020-01'],
    ['January 2020', '2020-01'],
    ['Sept. 2019', '2019-09'],
    ['01/2020', '2020-01'],
    ['1/2020', '2020-01'],
    ['2020-01', '2020-01'],
    ['03.2019', '2019-03'],
    ['2020', '2020'],
  ])('reads "%s" as %s', (text, expected) => {
    const date = parseResumeDate(text);
    expect(date && formatResumeDate(date)).toBe(expected);
  });

  it('rejects month numbers outside 1–12 and words that are not months', () => {
    expect(parseResumeDate('13/2020')).toBeUndefined();
    expect(parseResumeDate('Foo 2020')).toBeUndefined();
  });

  it.each([
    ['Jan 2020 – Present', '2020-01', 'present'],
    ['January 2018 - March 2020', '2018-01', '2020-03'],
    ['01/2018 to 12/2021', '2018-01', '2021-12'],
    ['2016-03 — 2017-12', '2016-03', '2017-12'],
    ['2018-2021', '2018', '2021'],
    ['03.2019 – current', '2019-03', 'present'],
    ['2019 to now', '2019', 'present'],
  ])('finds the range in "%s"', (text, start, end) => {
    const found = range(`Engineer, Acme   ${text}`);
    expect(formatResumeDate(found.start)).toBe(start);
    expect(found.end === 'present' ? 'present' : formatResumeDate(found.end)).toBe(end);
  });

  it('does not read a phone number or a percentage as a date range', () => {
    expect(findDateRanges('+34 612 345 678')).toEqual([]);
    expect(findDateRanges('Cut latency by 40% across 12 services')).toEqual([]);
  });

  it('counts overlapping jobs once: 2018–2021 and 2020–2022 are 4 years, not 5', () => {
    expect(yearsOfExperience([range('2018 - 2021'), range('2020 - 2022')], NOW)).toBe(4);
  });

  it('counts month-precise ranges inclusively and "Present" up to the month of now', () => {
    expect(yearsOfExperience([range('Jan 2020 - Dec 2020')], NOW)).toBe(1);
    expect(yearsOfExperience([range('Jun 2020 – Present')], NOW)).toBe(4);
  });

  it('adds disjoint jobs and ignores time after now', () => {
    expect(yearsOfExperience([range('2010 - 2012'), range('2015 - 2016')], NOW)).toBe(3);
    expect(yearsOfExperience([range('2023 - 2030')], NOW)).toBe(1.4);
  });

  it('gives zero years when there are no ranges', () => {
    expect(yearsOfExperience([], NOW)).toBe(0);
  });

  const monthDate = fc.record({ year: fc.integer({ min: 1980, max: 2030 }), month: fc.integer({ min: 0, max: 11 }), byYear: fc.boolean() });
  const toDate = ({ year, month, byYear }: { year: number; month: number; byYear: boolean }): ResumeDate =>
    byYear ? { month: year * 12, precision: 'year' } : { month: year * 12 + month, precision: 'month' };
  const arbitraryRange = fc
    .tuple(monthDate, fc.oneof(monthDate, fc.constant('present' as const)))
    .map(([a, b]): DateRange => {
      const start = toDate(a);
      if (b === 'present') return { start, end: 'present', text: '' };
      const end = toDate(b);
      return end.month < start.month ? { start: end, end: start, text: '' } : { start, end, text: '' };
    });

  it('never exceeds the span from the earliest start to now, and does not depend on order (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRange, { maxLength: 8 }), fc.integer({ min: 0, max: 1000 }), (ranges, seed) => {
        const years = yearsOfExperience(ranges, NOW);
        const earliest = Math.min(...ranges.map((r) => r.start.month));
        const nowMonth = NOW.getUTCFullYear() * 12 + NOW.getUTCMonth();
        const span = ranges.length === 0 ? 0 : Math.max(0, nowMonth - earliest) / 12;
        expect(years).toBeGreaterThanOrEqual(0);
        expect(years).toBeLessThanOrEqual(Math.round(span * 10) / 10);
        const shuffled = [...ranges].sort((a, b) => ((a.start.month * 31 + seed) % 97) - ((b.start.month * 31 + seed) % 97));
        expect(yearsOfExperience([...shuffled].reverse(), NOW)).toBe(years);
      }),
      { numRuns: 300 },
    );
  });
});

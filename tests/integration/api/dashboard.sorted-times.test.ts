// Counting the applications created in a time range over the tally's sorted creation times agrees
// with counting them one by one, for any range and after inserts and deletes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedTimes } from '../../../src/main/core/features/dashboard/sorted-times.js';

const naive = (times: readonly number[], start: number, end: number) => times.filter((t) => t >= start && t < end).length;

describe('sorted creation times', () => {
  it('count [start, end) like a one-by-one count, whatever order the times were added and removed in', () => {
    const time = fc.integer({ min: 0, max: 2_000 });
    fc.assert(
      fc.property(fc.array(time, { maxLength: 200 }), fc.array(fc.nat(), { maxLength: 50 }), fc.array(fc.tuple(time, time), { maxLength: 20 }), (added, removals, ranges) => {
        const sorted = new SortedTimes();
        const kept = [...added];
        for (const t of added) sorted.add(t);
        for (const r of removals) {
          if (kept.length === 0) break;
          const [removed] = kept.splice(r % kept.length, 1);
          sorted.remove(removed as number);
        }
        expect(sorted.size).toBe(kept.length);
        for (const [a, b] of ranges) expect(sorted.countBetween(a, b)).toBe(naive(kept, a, b));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('removing a time that is not there changes nothing', () => {
    const sorted = new SortedTimes();
    for (const t of [5, 1, 3]) sorted.add(t);
    sorted.remove(2);
    expect(sorted.size).toBe(3);
    expect(sorted.countBetween(0, 10)).toBe(3);
    expect(sorted.countBetween(3, 5)).toBe(1);
    expect(sorted.countBetween(5, 3)).toBe(0);
  });
});

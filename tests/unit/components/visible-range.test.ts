// The windowed list's arithmetic: which rows are in view under a sticky header, which are rendered
// with overscan, when a scroll means "flying past", and where to scroll to reveal a row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangesOverlap, rowsInView, scrollTopToReveal, visibleRange, type ListGeometry } from '../../../src/renderer/src/components/visible-range.js';

const list = (over: Partial<ListGeometry> = {}): ListGeometry => ({ scrollTop: 0, headerHeight: 36, viewport: 536, rowHeight: 44, count: 10_000, ...over });

describe('rowsInView', () => {
  it('at the top shows the rows that fit below the header', () => {
    // 536 − 36 = 500 px of rows: 11 whole rows (484 px) and part of a twelfth.
    expect(rowsInView(list())).toEqual({ first: 0, last: 11 });
  });

  it('counts a row partly hidden behind the sticky header as in view, and one wholly behind it as not', () => {
    expect(rowsInView(list({ scrollTop: 43 })).first).toBe(0);
    expect(rowsInView(list({ scrollTop: 44 })).first).toBe(1);
  });

  it('stops at the last row at the bottom of the list', () => {
    const bottom = 36 + 10_000 * 44 - 536;
    expect(rowsInView(list({ scrollTop: bottom }))).toEqual({ first: 9_988, last: 9_999 });
  });

  it('is empty for an empty list, and one row for a one-row list', () => {
    const empty = rowsInView(list({ count: 0 }));
    expect(empty.last).toBeLessThan(empty.first);
    expect(rowsInView(list({ count: 1, scrollTop: 500 }))).toEqual({ first: 0, last: 0 });
  });

  it('holds every row whose box meets the area below the header, and no other (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 20, max: 80 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 100, max: 1_200 }), fc.nat(), (count, rowHeight, headerHeight, viewport, at) => {
        const maxTop = Math.max(0, headerHeight + count * rowHeight - viewport);
        const geometry = { scrollTop: at % (maxTop + 1), headerHeight, viewport, rowHeight, count };
        const { first, last } = rowsInView(geometry);
        const shows = (i: number) => headerHeight + (i + 1) * rowHeight > geometry.scrollTop + headerHeight && headerHeight + i * rowHeight < geometry.scrollTop + viewport;
        expect(shows(first)).toBe(true);
        expect(shows(last)).toBe(true);
        if (first > 0) expect(shows(first - 1)).toBe(false);
        if (last < count - 1) expect(shows(last + 1)).toBe(false);
      }),
    );
  });
});

describe('visibleRange', () => {
  it('adds the overscan on both sides, clamped to the list', () => {
    expect(visibleRange(list({ scrollTop: 44 * 100 }), 8)).toEqual({ first: 92, last: 119 });
    expect(visibleRange(list(), 8)).toEqual({ first: 0, last: 19 });
    expect(visibleRange(list({ count: 5 }), 8)).toEqual({ first: 0, last: 4 });
  });
});

describe('rangesOverlap', () => {
  it('says a 100 px scroll keeps rows in view and a 1,200 px jump flies past them all', () => {
    const before = rowsInView(list({ scrollTop: 4_400 }));
    expect(rangesOverlap(before, rowsInView(list({ scrollTop: 4_500 })))).toBe(true);
    expect(rangesOverlap(before, rowsInView(list({ scrollTop: 5_600 })))).toBe(false);
  });

  it('is false against an empty range', () => {
    expect(rangesOverlap({ first: 0, last: -1 }, { first: 0, last: 5 })).toBe(false);
  });
});

describe('scrollTopToReveal', () => {
  const at = (scrollTop: number) => ({ scrollTop, headerHeight: 36, viewport: 536, rowHeight: 44 });

  it('leaves the scroll alone for a row already fully in view', () => {
    expect(scrollTopToReveal(5, at(0))).toBe(0);
  });

  it('scrolls up so a row above sits just under the header', () => {
    expect(scrollTopToReveal(10, at(2_000))).toBe(440);
  });

  it('scrolls down so a row below sits at the bottom edge', () => {
    // Row 20 ends at 36 + 21 × 44 = 960 px; the viewport must end there.
    expect(scrollTopToReveal(20, at(0))).toBe(960 - 536);
  });

  it('after revealing, the row is wholly in view (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 0, max: 440_000 }), (index, scrollTop) => {
        const top = scrollTopToReveal(index, at(scrollTop));
        const rowTop = 36 + index * 44;
        expect(rowTop).toBeGreaterThanOrEqual(top + 36);
        expect(rowTop + 44).toBeLessThanOrEqual(top + 536);
      }),
    );
  });
});

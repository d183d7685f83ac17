// Whatever the layout, ordering text into lines and columns never loses or repeats any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageTextInReadingOrder, type PositionedText } from '../../../src/main/core/features/resumes/pdf/reading-order.js';

const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9•–]{1,12}$/);
const item: fc.Arbitrary<PositionedText> = fc.record({
  str: word,
  x: fc.integer({ min: 20, max: 560 }),
  y: fc.integer({ min: 20, max: 820 }),
  width: fc.integer({ min: 5, max: 200 }),
  height: fc.constantFrom(9, 11, 14, 18),
});

const letters = (text: string): string => [...text.replace(/\s/g, '')].sort().join('');

describe('reading order', () => {
  it('keeps every character of every text item exactly once, in any layout', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (items) => {
        const text = pageTextInReadingOrder(items);
        expect(letters(text)).toBe(letters(items.map((i) => i.str).join('')));
      }),
      { numRuns: 300 },
    );
  });

  it('reads lines of one column from the top of the page down', () => {
    const items = [3, 1, 2].map((n) => ({ str: `line${n}`, x: 50, y: 800 - n * 20, width: 40, height: 11 }));
    expect(pageTextInReadingOrder(items)).toBe('line1\nline2\nline3');
  });
});

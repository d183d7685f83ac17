// The candidate list's score range inputs: what is sent, and what the field says instead of sending.
import { describe, expect, it } from 'vitest';
import { checkScoreRange } from '../../../src/renderer/src/screens/candidates/score-range.js';

describe('checking the score range typed in the candidate filters', () => {
  it('sends empty bounds as no filter and numbers as they are, bounds included', () => {
    expect(checkScoreRange({ min: '', max: ' ' })).toEqual({ filters: { min_score: undefined, max_score: undefined }, errors: {} });
    expect(checkScoreRange({ min: '0', max: '100' })).toEqual({ filters: { min_score: 0, max_score: 100 }, errors: {} });
    expect(checkScoreRange({ min: '72.5', max: '72.5' })).toEqual({ filters: { min_score: 72.5, max_score: 72.5 }, errors: {} });
  });

  it('sends nothing for a bound outside 0–100 or a "to" below "from", and says so by the field', () => {
    expect(checkScoreRange({ min: '-1', max: '' })).toEqual({ errors: { min: 'Enter a score from 0 to 100.' } });
    expect(checkScoreRange({ min: '', max: '101' })).toEqual({ errors: { max: 'Enter a score from 0 to 100.' } });
    expect(checkScoreRange({ min: '80', max: '20' })).toEqual({ errors: { max: '“To” must not be below “from”.' } });
    expect(checkScoreRange({ min: 'abc', max: '20' }).filters).toBeUndefined();
  });
});

// The candidate list's "Score from / to" inputs: the text typed, checked before any request is made
// (the API would refuse the same range with a 400; saying so by the field is kinder).
import type { CandidateFilters } from '../../stores/candidates';

export interface ScoreRangeText {
  min: string;
  max: string;
}

export interface ScoreRangeCheck {
  /** The filters to send; absent while the range is invalid. */
  filters?: Pick<CandidateFilters, 'min_score' | 'max_score'>;
  errors: { min?: string; max?: string };
}

const MIN = 0;
const MAX = 100;

function parseScore(text: string): { value?: number; error?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: 'Enter a number.' };
  if (value < MIN || value > MAX) return { error: `Enter a score from ${MIN} to ${MAX}.` };
  return { value };
}

export function checkScoreRange(text: ScoreRangeText): ScoreRangeCheck {
  const min = parseScore(text.min);
  const max = parseScore(text.max);
  const errors: ScoreRangeCheck['errors'] = {};
  if (min.error) errors.min = min.error;
  if (max.error) errors.max = max.error;
  if (min.value !== undefined && max.value !== undefined && min.value > max.value) errors.max = '“To” must not be below “from”.';
  if (errors.min || errors.max) return { errors };
  return { filters: { min_score: min.value, max_score: max.value }, errors };
}

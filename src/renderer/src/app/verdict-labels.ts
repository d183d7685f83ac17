// The words for a job-fit verdict, shared by the candidate's analyses and the job's ranking.
import type { FitVerdict } from '../../../shared/schemas/analysis';

export const VERDICT_LABELS: Record<FitVerdict, string> = { strong: 'Strong fit', moderate: 'Moderate fit', weak: 'Weak fit' };

// The offline analyser's scores, each 0–100, and how they combine. The weights are the documented
// contract (README, "Offline analyser"); change them here and there together.
import { EDUCATION_LEVELS, type EducationLevel } from '../../../../../shared/schemas/resume-profile.js';
import type { FitVerdict } from '../../../../../shared/schemas/analysis.js';

/** overall = Σ weight × score over the four component scores. */
export const OVERALL_WEIGHTS = { technical: 0.45, experience: 0.25, education: 0.15, soft: 0.15 } as const;

/** compatibility = 100 × Σ weight × fit, each fit in 0–1. */
export const COMPATIBILITY_WEIGHTS = {
  requiredSkills: 0.35,
  niceToHaveSkills: 0.1,
  textSimilarity: 0.3,
  experience: 0.15,
  education: 0.05,
  soft: 0.05,
} as const;

/** strong ≥ 70 (and at least ¾ of the required skills), moderate ≥ 45, else weak. */
export const VERDICT_THRESHOLDS = { strong: 70, moderate: 45, strongRequiredCoverage: 0.75 } as const;

// BM25 normalised by its ceiling rarely passes 0.5 even for a résumé written for the job (a job ad
// has many words no résumé repeats), so 0.5 already counts as a full match.
const SIMILARITY_FULL_MATCH = 0.5;

export function clampScore(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.max(0, Math.min(100, Math.round(value)));
}

export function levelRank(level: EducationLevel | 'unknown'): number {
  return level === 'unknown' ? 0 : EDUCATION_LEVELS.indexOf(level);
}

/** Similarity 0–1 from BM25's normalised score. */
export function similarityFit(bm25: number): number {
  return Math.min(1, bm25 / SIMILARITY_FULL_MATCH);
}

/** Years against the years asked; with nothing asked, a curve that is 0.63 at 4 years. */
export function experienceFit(years: number, yearsRequired: number | undefined): number {
  if (yearsRequired === undefined) return 1 - Math.exp(-years / 4);
  return Math.min(1, years / yearsRequired);
}

/** The degree against the one asked; with nothing asked, having any degree counts fully. */
export function educationFit(level: EducationLevel, required: EducationLevel | undefined): number {
  const rank = levelRank(level);
  if (required === undefined) return level === 'none' ? 0.6 : 1;
  return Math.min(1, (rank + 1) / (levelRank(required) + 1));
}

/** Education without a job: none 20, high school 40, associate 60, bachelor 80, master 90, doctorate 100. */
export function educationScore(level: EducationLevel): number {
  const byLevel: Readonly<Record<EducationLevel, number>> = { none: 20, high_school: 40, associate: 60, bachelor: 80, master: 90, doctorate: 100 };
  return byLevel[level];
}

/** Technical score without a job: the breadth of skills found, 0.63 of the way at 8 skills. */
export function skillBreadthScore(skillCount: number): number {
  return clampScore(100 * (1 - Math.exp(-skillCount / 8)));
}

export function overallScore(scores: { technical: number; experience: number; education: number; soft: number }): number {
  return clampScore(
    OVERALL_WEIGHTS.technical * scores.technical +
      OVERALL_WEIGHTS.experience * scores.experience +
      OVERALL_WEIGHTS.education * scores.education +
      OVERALL_WEIGHTS.soft * scores.soft,
  );
}

export interface JobFits {
  readonly requiredSkills: number;
  readonly niceToHaveSkills: number;
  readonly textSimilarity: number;
  readonly experience: number;
  readonly education: number;
  readonly soft: number;
}

export function compatibilityScore(fits: JobFits): number {
  let sum = 0;
  for (const key of Object.keys(COMPATIBILITY_WEIGHTS) as (keyof JobFits)[]) sum += COMPATIBILITY_WEIGHTS[key] * fits[key];
  return clampScore(100 * sum);
}

export function verdictOf(compatibility: number, requiredCoverage: number): FitVerdict {
  if (compatibility >= VERDICT_THRESHOLDS.strong && requiredCoverage >= VERDICT_THRESHOLDS.strongRequiredCoverage) return 'strong';
  return compatibility >= VERDICT_THRESHOLDS.moderate ? 'moderate' : 'weak';
}

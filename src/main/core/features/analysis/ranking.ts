// A job's ranking: the newest completed analysis of each résumé against the job, best first.
import type { RankingEntry } from '../../../../shared/api/analysis.js';
import type { Analysis } from '../../../../shared/schemas/analysis.js';

export interface RankedCandidate {
  candidateId: string;
  name: string;
}

/** Compatibility descending, then overall descending, then résumé id, so equal scores keep one order. */
export function compareRankingEntries(a: RankingEntry, b: RankingEntry): number {
  return b.compatibility - a.compatibility || b.overall - a.overall || (a.resume_id < b.resume_id ? -1 : a.resume_id > b.resume_id ? 1 : 0);
}

/**
 * One entry per résumé from `analyses` (newest first): an analysis without a job match (none was
 * asked for, or it is not yet complete) does not rank.
 */
export function rankAnalyses(
  analyses: readonly Analysis[],
  candidateOf: (resumeId: string) => RankedCandidate | undefined,
): RankingEntry[] {
  const seen = new Set<string>();
  const entries: RankingEntry[] = [];
  for (const analysis of analyses) {
    const match = analysis.result?.jobMatch;
    if (analysis.status !== 'completed' || !match || seen.has(analysis.resumeId)) continue;
    seen.add(analysis.resumeId);
    const candidate = candidateOf(analysis.resumeId);
    entries.push({
      resume_id: analysis.resumeId,
      candidate_id: candidate?.candidateId ?? '',
      candidate_name: candidate?.name ?? '',
      compatibility: match.compatibility,
      overall: analysis.result?.scores.overall ?? 0,
      verdict: match.verdict,
      matched_required_skills: match.matchedRequiredSkills,
      missing_required_skills: match.missingRequiredSkills,
      matched_nice_to_have_skills: match.matchedNiceToHaveSkills,
      provider: analysis.provider,
      model: analysis.model,
      analysis_id: analysis.id,
      cached: analysis.cachedFrom !== undefined,
      analyzed_at: analysis.completedAt ?? analysis.updatedAt,
    });
  }
  return entries.sort(compareRankingEntries);
}

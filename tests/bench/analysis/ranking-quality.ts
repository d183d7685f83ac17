// Ranking quality of an analyser on the labelled set: top-1 accuracy (is each résumé's best job
// its own family's?) and the mean nDCG@10 of each job's ranking of all résumés.
import type { ExtractedProfile } from '../../../src/shared/schemas/resume-profile.js';
import type { OfflineAnalyser } from '../../../src/main/core/features/analysis/offline/offline-analyser.js';
import { extractProfile } from '../../../src/main/core/features/resumes/profile/extract-profile.js';
import type { LabelledSet } from '../../support/labelled-set.js';

export const PROFILE_NOW = new Date(Date.UTC(2024, 5, 15));

export interface ProfiledResume {
  readonly id: string;
  readonly family: string;
  readonly resumeText: string;
  readonly profile: ExtractedProfile;
}

export function profileAll(analyser: OfflineAnalyser, set: LabelledSet): ProfiledResume[] {
  return set.resumes.map((resume) => ({
    id: resume.id,
    family: resume.family,
    resumeText: resume.text,
    profile: extractProfile(resume.text, { skills: analyser.matcher, now: PROFILE_NOW }),
  }));
}

export interface RankingQuality {
  readonly top1Accuracy: number;
  readonly meanNdcgAt10: number;
  readonly ndcgAt10ByFamily: Record<string, number>;
  readonly misranked: readonly { resume: string; bestJob: string }[];
}

function ndcgAt(k: number, relevance: readonly number[]): number {
  const dcg = (values: readonly number[]) => values.slice(0, k).reduce((sum, rel, i) => sum + rel / Math.log2(i + 2), 0);
  const ideal = dcg([...relevance].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(relevance) / ideal;
}

/** Compatibility of every résumé for every family's job, with BM25 statistics over all résumés. */
export function compatibilityMatrix(analyser: OfflineAnalyser, set: LabelledSet, resumes: readonly ProfiledResume[]): number[][] {
  const corpus = analyser.corpusOf(resumes);
  return set.families.map((family) => {
    const job = analyser.readJob(family.job);
    return resumes.map((resume) => analyser.analyze({ resumeText: resume.resumeText, profile: resume.profile, job, corpus }).jobMatch?.compatibility ?? 0);
  });
}

export function rankingQuality(analyser: OfflineAnalyser, set: LabelledSet, resumes: readonly ProfiledResume[]): RankingQuality {
  const matrix = compatibilityMatrix(analyser, set, resumes);
  const misranked: { resume: string; bestJob: string }[] = [];
  let correct = 0;
  resumes.forEach((resume, r) => {
    let best = 0;
    set.families.forEach((_family, f) => {
      if ((matrix[f]?.[r] ?? 0) > (matrix[best]?.[r] ?? 0)) best = f;
    });
    const bestJob = set.families[best]?.id ?? '';
    if (bestJob === resume.family) correct++;
    else misranked.push({ resume: resume.id, bestJob });
  });
  const ndcgAt10ByFamily: Record<string, number> = {};
  set.families.forEach((family, f) => {
    const order = resumes.map((resume, r) => ({ resume, score: matrix[f]?.[r] ?? 0 })).sort((a, b) => b.score - a.score || (a.resume.id < b.resume.id ? -1 : 1));
    ndcgAt10ByFamily[family.id] = ndcgAt(10, order.map(({ resume }) => (resume.family === family.id ? 1 : 0)));
  });
  const ndcgs = Object.values(ndcgAt10ByFamily);
  return {
    top1Accuracy: resumes.length === 0 ? 0 : correct / resumes.length,
    meanNdcgAt10: ndcgs.reduce((a, b) => a + b, 0) / Math.max(1, ndcgs.length),
    ndcgAt10ByFamily,
    misranked,
  };
}

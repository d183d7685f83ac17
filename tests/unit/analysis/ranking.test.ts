import { beforeAll, describe, expect, it } from 'vitest';
import type { OfflineAnalyser } from '../../../src/main/core/features/analysis/offline/offline-analyser.js';
import { compatibilityMatrix, profileAll, rankingQuality, type ProfiledResume } from '../../bench/analysis/ranking-quality.js';
import { generateLabelledSet, type LabelledSet } from '../../support/labelled-set.js';
import { loadAnalyser } from './analysis-fixtures.js';

let analyser: OfflineAnalyser;
let set: LabelledSet;
let resumes: ProfiledResume[];
beforeAll(async () => {
  analyser = await loadAnalyser();
  set = generateLabelledSet({ seed: 7, resumesPerFamily: 6 });
  resumes = profileAll(analyser, set);
});

describe('ranking on the generated labelled set', () => {
  it('covers at least 8 job families, not all of them software, with several résumés each', () => {
    expect(set.families.length).toBeGreaterThanOrEqual(8);
    expect(set.families.map((family) => family.id)).toEqual(expect.arrayContaining(['sales', 'accounting', 'nursing']));
    for (const family of set.families) expect(set.resumes.filter((resume) => resume.family === family.id).length).toBe(6);
  });

  it('is generated the same way for the same seed and differently for another', () => {
    expect(generateLabelledSet({ seed: 7 })).toEqual(set);
    expect(generateLabelledSet({ seed: 8 }).resumes[0]?.text).not.toBe(set.resumes[0]?.text);
  });

  it("ranks each résumé's own family's job first for at least 80% of résumés", () => {
    const quality = rankingQuality(analyser, set, resumes);
    expect(quality.top1Accuracy, JSON.stringify(quality.misranked)).toBeGreaterThanOrEqual(0.8);
    expect(quality.meanNdcgAt10).toBeGreaterThanOrEqual(0.8);
  });

  it("puts a family's résumés at the top of its job's ranking", () => {
    const matrix = compatibilityMatrix(analyser, set, resumes);
    set.families.forEach((family, f) => {
      const ranked = resumes
        .map((resume, r) => ({ family: resume.family, score: matrix[f]?.[r] ?? 0 }))
        .sort((a, b) => b.score - a.score);
      const top = ranked.slice(0, 6).filter((entry) => entry.family === family.id).length;
      expect(top, `${family.id}: ${top} of its 6 résumés in the top 6`).toBeGreaterThanOrEqual(5);
    });
  });

  it('still ranks well without corpus statistics, every term weighing the same', () => {
    let correct = 0;
    const jobs = set.families.map((family) => analyser.readJob(family.job));
    for (const resume of resumes) {
      const scores = jobs.map((job) => analyser.analyze({ resumeText: resume.resumeText, profile: resume.profile, job }).jobMatch?.compatibility ?? 0);
      const best = scores.indexOf(Math.max(...scores));
      if (set.families[best]?.id === resume.family) correct++;
    }
    expect(correct / resumes.length).toBeGreaterThanOrEqual(0.8);
  });
});

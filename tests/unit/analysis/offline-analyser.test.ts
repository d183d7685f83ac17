import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Value } from 'typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OfflineAnalyser } from '../../../src/main/core/features/analysis/offline/offline-analyser.js';
import { yearsAskedIn } from '../../../src/main/core/features/analysis/offline/job-requirements.js';
import { AnalysisResultSchema } from '../../../src/shared/schemas/analysis.js';
import { loadAnalyser, makeJob, makeResumeText, profileOf } from './analysis-fixtures.js';

let analyser: OfflineAnalyser;
beforeAll(async () => {
  analyser = await loadAnalyser();
});

function analyse(text: string, job = makeJob()) {
  return analyser.analyze({ resumeText: text, profile: profileOf(analyser, text), job });
}

describe('the offline analyser', () => {
  it('gives identical JSON for the same input, whatever was analysed before', () => {
    const first = makeResumeText();
    const second = makeResumeText({ name: 'Tomás Ortega', skills: 'Python, pandas, SQL, Statistics' });
    const a1 = JSON.stringify(analyse(first));
    analyse(second);
    const a2 = JSON.stringify(analyse(first));
    expect(a2).toBe(a1);
  });

  it('gives identical JSON in another process that analysed in a different order', async () => {
    const script = fileURLToPath(new URL('./determinism-child.ts', import.meta.url));
    const run = async (order: string) => JSON.parse((await promisify(execFile)(process.execPath, ['--import', 'tsx', script, order], { encoding: 'utf8' })).stdout) as Record<string, unknown>;
    const [forward, backward] = await Promise.all([run('forward'), run('backward')]);
    expect(Object.keys(forward)).toHaveLength(3);
    expect(backward).toEqual(forward);
    expect(JSON.stringify(backward['devops'])).toBe(JSON.stringify(forward['devops']));
  });

  it('counts a résumé saying "k8s" as having the Kubernetes a job requires', () => {
    const result = analyse(makeResumeText({ skills: 'k8s, Terraform', experience: ['DevOps Engineer — Cloudline    Mar 2019 – Present', '• Ran k8s clusters'] }));
    expect(result.jobMatch?.matchedRequiredSkills).toContain('Kubernetes');
    expect(result.jobMatch?.missingRequiredSkills).not.toContain('Kubernetes');
  });

  it('matches "Postgres" and "JS" in a résumé to PostgreSQL and JavaScript in a job description', () => {
    const text = makeResumeText({ skills: 'Postgres, JS, Docker' });
    const result = analyse(text, { title: 'Engineer', description: 'You know PostgreSQL and JavaScript well.' });
    expect(result.jobMatch?.matchedRequiredSkills).toEqual(expect.arrayContaining(['PostgreSQL', 'JavaScript']));
  });

  it('takes experience from dated work history with overlapping ranges counted once', () => {
    const text = makeResumeText({
      experience: [
        'Engineer — Alpha    Jan 2018 – Dec 2021',
        '• Ran k8s clusters',
        'Consultant — Beta    Jan 2020 – Dec 2022',
        '• Wrote Terraform modules',
      ],
    });
    const result = analyse(text);
    expect(result.yearsOfExperience).toBe(5);
    expect(result.concerns.map((c) => c.point)).not.toContainEqual(expect.stringContaining('the job asks for'));
    const junior = analyse(makeResumeText({ experience: ['Engineer — Alpha    Jan 2022 – Dec 2023', '• Ran k8s clusters'] }));
    expect(junior.yearsOfExperience).toBe(2);
    expect(junior.scores.experience).toBe(40);
    expect(junior.concerns.map((c) => c.point)).toContainEqual(expect.stringContaining('the job asks for 5 years'));
  });

  it('reads the years a job asks for from the ways ads say it', () => {
    expect(yearsAskedIn('5+ years of Java')).toBe(5);
    expect(yearsAskedIn('at least three years in sales')).toBe(3);
    expect(yearsAskedIn('3–5 years of experience')).toBe(3);
    expect(yearsAskedIn('Minimum 2 yrs in a hospital')).toBe(2);
    expect(yearsAskedIn('Founded 150 years ago in 2 offices')).toBeUndefined();
  });

  it('fills a result that validates against the shared schema, with and without a job', () => {
    const text = makeResumeText();
    const withJob = analyse(text);
    const without = analyser.analyze({ resumeText: text, profile: profileOf(analyser, text) });
    expect(Value.Check(AnalysisResultSchema, withJob)).toBe(true);
    expect(Value.Check(AnalysisResultSchema, without)).toBe(true);
    expect(without.jobMatch).toBeUndefined();
    expect(withJob.jobMatch?.verdict).toBeDefined();
  });

  it('quotes the résumé verbatim in every strength and concern that has evidence', () => {
    const text = makeResumeText();
    const result = analyse(text);
    expect(result.strengths.length).toBeGreaterThan(2);
    for (const point of [...result.strengths, ...result.concerns]) {
      if (point.evidence !== '') expect(text).toContain(point.evidence);
    }
    expect(result.strengths.every((point) => point.evidence !== '')).toBe(true);
  });

  it('rates a résumé written for the job above one written for another job', () => {
    const devops = analyse(makeResumeText());
    const nurse = analyse(
      makeResumeText({
        experience: ['Registered Nurse — City Hospital    Jan 2016 – Present', '• Triage and patient assessment in the emergency department'],
        education: ['BSc in Nursing, University of Leeds, 2012 – 2015'],
        skills: 'Triage, BLS, ACLS, EHR',
      }),
    );
    expect(devops.jobMatch?.compatibility).toBeGreaterThan((nurse.jobMatch?.compatibility ?? 0) + 20);
    expect(nurse.jobMatch?.verdict).toBe('weak');
  });

  // Random characters rarely form a section or a skill, so half the cases are shuffled résumé pieces.
  const resumeLikeText = fc
    .array(
      fc.constantFrom('EXPERIENCE', 'SKILLS', 'EDUCATION', '\n', 'k8s, Python, SQL', 'Manager — Acme    Jan 2019 – Present', '• Led a team of 5', 'BSc in Physics', 'married', '+1 555 123 4567', '2031 – 1999'),
      { maxLength: 60 },
    )
    .map((pieces) => pieces.join(' '));

  it('keeps every score within 0–100 and the result schema-valid for arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 600 }), resumeLikeText), fc.string({ maxLength: 300 }), fc.array(fc.string({ maxLength: 150 }), { maxLength: 4 }), (resumeText, description, requiredSkills) => {
        const result = analyser.analyze({ resumeText, profile: profileOf(analyser, resumeText), job: { description, requiredSkills } });
        const scores = [...Object.values(result.scores), result.jobMatch?.compatibility ?? 0];
        return scores.every((score) => Number.isInteger(score) && score >= 0 && score <= 100) && Value.Check(AnalysisResultSchema, result);
      }),
      { numRuns: 150 },
    );
  });
});

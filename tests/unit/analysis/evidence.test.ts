import { Value } from 'typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseQuote, quoteOccurs, verifyClaims } from '../../../src/main/core/features/analysis/evidence.js';
import type { OfflineAnalyser } from '../../../src/main/core/features/analysis/offline/offline-analyser.js';
import { AnalysisResultSchema, type AnalysisResult } from '../../../src/shared/schemas/analysis.js';
import { loadAnalyser, makeJob, makeResumeText, profileOf } from './analysis-fixtures.js';

let analyser: OfflineAnalyser;
beforeAll(async () => {
  analyser = await loadAnalyser();
});

const RESUME = makeResumeText();

function modelReply(overrides: Partial<AnalysisResult> = {}): AnalysisResult {
  return {
    scores: { technical: 80, soft: 60, experience: 90, education: 80, overall: 80 },
    skills: ['Kubernetes', 'Terraform', 'Amazon Web Services'],
    yearsOfExperience: 9,
    educationLevel: 'bachelor',
    strengths: [{ point: 'Runs Kubernetes at scale', evidence: 'Migrated 40 services to k8s clusters provisioned with Terraform on AWS' }],
    concerns: [{ point: 'No PostgreSQL', evidence: '' }],
    summary: 'Good platform engineer.',
    jobMatch: {
      compatibility: 75,
      matchedRequiredSkills: ['Kubernetes', 'Terraform'],
      missingRequiredSkills: ['PostgreSQL'],
      matchedNiceToHaveSkills: ['Ansible'],
      verdict: 'strong',
      summary: 'Strong fit.',
    },
    ...overrides,
  };
}

describe('evidence verification', () => {
  it('keeps a result whose quotes and skills are all in the résumé, and counts nothing dropped', () => {
    const { result, checks } = verifyClaims(modelReply(), RESUME, analyser.matcher);
    expect(result).toEqual(modelReply());
    expect(checks).toEqual({ droppedEvidence: 0, droppedSkills: 0 });
  });

  it('drops a strength with a fabricated quote and counts it', () => {
    const reply = modelReply({
      strengths: [
        ...modelReply().strengths,
        { point: 'Led a team of 50', evidence: 'Managed a department of 50 engineers at Google' },
        { point: 'Claims with no quote', evidence: '' },
      ],
      concerns: [{ point: 'Job hopping', evidence: 'Changed jobs every six months' }, ...modelReply().concerns],
    });
    const { result, checks } = verifyClaims(reply, RESUME, analyser.matcher);
    expect(result.strengths.map((s) => s.point)).toEqual(['Runs Kubernetes at scale']);
    expect(result.concerns.map((c) => c.point)).toEqual(['No PostgreSQL']);
    expect(checks.droppedEvidence).toBe(3);
  });

  it('finds quotes despite different case, spacing, curly quotes, dashes and an elision', () => {
    const normalised = normaliseQuote(RESUME);
    expect(quoteOccurs('  “migrated 40 services   to K8S clusters”', normalised)).toBe(true);
    expect(quoteOccurs('Senior DevOps Engineer - Cloudline', normalised)).toBe(true);
    expect(quoteOccurs('Built GitHub Actions pipelines … for the payments team', normalised)).toBe(true);
    expect(quoteOccurs('for the payments team … Built GitHub Actions pipelines', normalised)).toBe(false);
  });

  it('drops a skill the résumé never names, and moves a fabricated required match to missing', () => {
    const reply = modelReply({
      skills: ['Kubernetes', 'Rust', 'AWS'],
      jobMatch: { ...modelReply().jobMatch!, matchedRequiredSkills: ['Kubernetes', 'PostgreSQL', 'Go'], missingRequiredSkills: ['PostgreSQL'], matchedNiceToHaveSkills: ['Ansible', 'Haskell'] },
    });
    const { result, checks } = verifyClaims(reply, RESUME, analyser.matcher);
    expect(result.skills).toEqual(['Kubernetes', 'AWS']);
    expect(result.jobMatch?.matchedRequiredSkills).toEqual(['Kubernetes']);
    expect(result.jobMatch?.missingRequiredSkills).toEqual(['PostgreSQL', 'Go']);
    expect(result.jobMatch?.matchedNiceToHaveSkills).toEqual(['Ansible']);
    expect(checks.droppedSkills).toBe(4);
    expect(Value.Check(AnalysisResultSchema, result)).toBe(true);
  });

  it('accepts a skill named through a synonym or literally outside the taxonomy', () => {
    const text = makeResumeText({ skills: 'k8s, Postgres, JS, Crossplane' });
    const { jobMatch: _jobMatch, ...withoutJob } = modelReply({ skills: ['Kubernetes', 'PostgreSQL', 'JavaScript', 'Crossplane'] });
    const { result, checks } = verifyClaims(withoutJob, text, analyser.matcher);
    expect(result.skills).toEqual(['Kubernetes', 'PostgreSQL', 'JavaScript', 'Crossplane']);
    expect(checks.droppedSkills).toBe(0);
  });

  it('finds nothing to drop in what the offline analyser itself produced', () => {
    const own = analyser.analyze({ resumeText: RESUME, profile: profileOf(analyser, RESUME), job: makeJob() });
    expect(verifyClaims(own, RESUME, analyser.matcher).checks).toEqual({ droppedEvidence: 0, droppedSkills: 0 });
  });
});

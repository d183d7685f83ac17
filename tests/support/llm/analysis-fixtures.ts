// Small factories for analysis replies a model might send, valid or not.
import type { AnalysisResult, JobMatch } from '../../../src/shared/schemas/analysis.js';

export const RESUME_TEXT = [
  'Ada Lovelace — ada@example.com — +44 20 7946 0958',
  'Senior TypeScript engineer, 2016–2024 at Analytical Engines Ltd.',
  'Built a Kubernetes platform serving 40 teams; led 5 engineers.',
  'BSc Mathematics, University of London.',
].join('\n');

export function makeJobMatch(overrides: Partial<JobMatch> = {}): JobMatch {
  return {
    compatibility: 82,
    matchedRequiredSkills: ['TypeScript', 'Kubernetes'],
    missingRequiredSkills: ['Go'],
    matchedNiceToHaveSkills: [],
    verdict: 'strong',
    summary: 'Strong platform background; no Go.',
    ...overrides,
  };
}

export function makeAnalysis(overrides: Partial<AnalysisResult> = {}): AnalysisResult {
  return {
    scores: { technical: 85, soft: 70, experience: 80, education: 65, overall: 78 },
    skills: ['TypeScript', 'Kubernetes'],
    yearsOfExperience: 8,
    educationLevel: 'bachelor',
    strengths: [{ point: 'Platform leadership', evidence: 'Built a Kubernetes platform serving 40 teams' }],
    concerns: [{ point: 'No Go experience listed', evidence: 'Senior TypeScript engineer' }],
    summary: 'Experienced platform engineer.',
    ...overrides,
  };
}

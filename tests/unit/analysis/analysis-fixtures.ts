// Shared fixtures for the analysis tests: the real taxonomy, the offline analyser and small résumé
// and job factories.
import { fileURLToPath } from 'node:url';
import { createOfflineAnalyser, type OfflineAnalyser } from '../../../src/main/core/features/analysis/offline/offline-analyser.js';
import type { OfflineJob } from '../../../src/main/core/features/analysis/offline/job-requirements.js';
import { extractProfile } from '../../../src/main/core/features/resumes/profile/extract-profile.js';
import { loadSkillsTaxonomy } from '../../../src/main/core/features/resumes/profile/skills-taxonomy.js';
import type { ExtractedProfile } from '../../../src/shared/schemas/resume-profile.js';

export const TAXONOMY_PATH = fileURLToPath(new URL('../../../resources/skills-taxonomy.json', import.meta.url));
export const NOW = new Date(Date.UTC(2024, 5, 15));

export async function loadAnalyser(): Promise<OfflineAnalyser> {
  return createOfflineAnalyser({ taxonomy: await loadSkillsTaxonomy(TAXONOMY_PATH) });
}

export function profileOf(analyser: OfflineAnalyser, text: string): ExtractedProfile {
  return extractProfile(text, { skills: analyser.matcher, now: NOW });
}

export interface ResumeParts {
  name: string;
  contact: string;
  summary: string;
  experience: string[];
  education: string[];
  skills: string;
  extra: string[];
}

export function makeResumeText(overrides: Partial<ResumeParts> = {}): string {
  const parts: ResumeParts = {
    name: 'Marta Kowalska-Reyes',
    contact: 'marta.kowalska@example.com | +48 601 234 567 | Kraków, Poland',
    summary: 'Platform engineer who automates infrastructure and mentors junior engineers.',
    experience: [
      'Senior DevOps Engineer — Cloudline    Mar 2019 – Present',
      '• Migrated 40 services to k8s clusters provisioned with Terraform on AWS',
      '• Built GitHub Actions pipelines and led incident response for the payments team',
      'Systems Administrator — Datacore    Jan 2015 – Feb 2019',
      '• Administered Ubuntu servers and wrote Bash tooling for backups',
    ],
    education: ['BSc in Computer Science, Jagiellonian University, 2010 – 2014'],
    skills: 'k8s, Terraform, AWS, Docker, Ansible, Python, Communication',
    extra: [],
    ...overrides,
  };
  return [
    parts.name,
    parts.contact,
    '',
    'SUMMARY',
    parts.summary,
    'EXPERIENCE',
    ...parts.experience,
    'EDUCATION',
    ...parts.education,
    'SKILLS',
    parts.skills,
    ...parts.extra,
  ].join('\n');
}

export function makeJob(overrides: Partial<OfflineJob> = {}): OfflineJob {
  return {
    title: 'Site Reliability Engineer',
    description:
      'Keep our platform available.\nRequirements:\n- 5+ years running production infrastructure\n- Kubernetes, Terraform and PostgreSQL\nNice to have: Ansible, Go',
    requiredSkills: ['Kubernetes', 'Terraform'],
    niceToHaveSkills: ['Ansible'],
    ...overrides,
  };
}

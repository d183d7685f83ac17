// Small factories for résumé text as the PDF extraction produces it: lines in reading order, in
// one-column or two-column order, with the header and date styles résumés use.
import { fileURLToPath } from 'node:url';
import { loadSkillsTaxonomy } from '../../../src/main/core/features/resumes/profile/skills-taxonomy.js';
import { compileSkillMatcher, type SkillMatcher } from '../../../src/main/core/features/resumes/profile/skills.js';

export const TAXONOMY_PATH = fileURLToPath(new URL('../../../resources/skills-taxonomy.json', import.meta.url));

export async function loadMatcher(): Promise<SkillMatcher> {
  return compileSkillMatcher(await loadSkillsTaxonomy(TAXONOMY_PATH));
}

export const NOW = new Date(Date.UTC(2024, 5, 15));

export type JobStyle = 'inline' | 'stacked' | 'at' | 'date-first';

export interface JobSpec {
  title: string;
  company: string;
  location?: string;
  dates: string;
  bullets: string[];
  bulletMark?: '•' | '-' | '*';
  style?: JobStyle;
}

export function makeJob(overrides: Partial<JobSpec> = {}): JobSpec {
  return {
    title: 'Software Engineer',
    company: 'Acme Corp',
    dates: 'Jan 2020 – Present',
    bullets: ['Built the billing service', 'Cut latency by 40%'],
    ...overrides,
  };
}

export function jobLines(job: JobSpec): string[] {
  const mark = job.bulletMark ?? '•';
  const bullets = job.bullets.map((bullet) => `${mark} ${bullet}`);
  const place = job.location ? ` | ${job.location}` : '';
  switch (job.style ?? 'inline') {
    case 'inline':
      return [`${job.title} — ${job.company}${place}    ${job.dates}`, ...bullets];
    case 'stacked':
      return [job.title, `${job.company}${place}`, job.dates, ...bullets];
    case 'at':
      return [`${job.title} at ${job.company}, ${job.dates}`, ...bullets];
    case 'date-first':
      return [job.dates, job.title, `${job.company}${place}`, ...bullets];
  }
}

export interface ResumeSpec {
  name: string;
  headline?: string;
  email: string;
  phone: string;
  location: string;
  links: string[];
  summary: string;
  jobs: JobSpec[];
  education: string[];
  skills: string[];
  languages: string[];
  certifications: string[];
  layout: 'one-column' | 'two-column';
  headings: { summary: string; experience: string; education: string; skills: string; languages: string; certifications: string };
}

export function makeResume(overrides: Partial<ResumeSpec> = {}): ResumeSpec {
  return {
    name: 'José Álvarez-Núñez',
    headline: 'Senior Backend Engineer',
    email: 'jose.alvarez@example.com',
    phone: '+34 612 345 678',
    location: 'Madrid, Spain',
    links: ['linkedin.com/in/jose-alvarez', 'https://github.com/josealvarez'],
    summary: 'Backend engineer who likes reliable systems and clear code.',
    jobs: [
      makeJob({ title: 'Senior Backend Engineer', company: 'Acme Corp', dates: 'Jan 2020 – Present' }),
      makeJob({ title: 'Software Developer', company: 'Globex Ltd', dates: 'March 2016 - December 2019', bullets: ['Maintained the payments API'] }),
    ],
    education: ['BSc in Computer Science, Universidad de Sevilla, 2011 – 2015'],
    skills: ['Python, Go, PostgreSQL, k8s, Docker'],
    languages: ['Spanish (native)', 'English – C1'],
    certifications: ['AWS Certified Solutions Architect – Amazon Web Services (2021)'],
    layout: 'one-column',
    headings: {
      summary: 'SUMMARY',
      experience: 'EXPERIENCE',
      education: 'EDUCATION',
      skills: 'SKILLS',
      languages: 'LANGUAGES',
      certifications: 'CERTIFICATIONS',
    },
    ...overrides,
  };
}

/** The résumé as extracted text: one string per page, lines joined by newlines. */
export function resumeText(spec: ResumeSpec): string[] {
  const h = spec.headings;
  const main = [
    h.summary,
    spec.summary,
    h.experience,
    ...spec.jobs.flatMap(jobLines),
    h.education,
    ...spec.education,
  ];
  const side = [h.skills, ...spec.skills, h.languages, ...spec.languages, h.certifications, ...spec.certifications];
  if (spec.layout === 'one-column') {
    const header = [spec.name, ...(spec.headline ? [spec.headline] : []), `${spec.email} | ${spec.phone} | ${spec.location}`, spec.links.join(' | ')];
    const lines = [...header, '', ...main, '', ...side];
    // Page break in the middle of the experience section, as a two-page résumé has.
    const breakAt = lines.indexOf(h.education);
    return [lines.slice(0, breakAt).join('\n'), lines.slice(breakAt).join('\n')];
  }
  // Two columns read column by column: the name spans the top, then the sidebar, then the main column.
  const sidebar = ['CONTACT', spec.email, spec.phone, spec.location, ...spec.links, ...side];
  return [[spec.name, ...(spec.headline ? [spec.headline] : []), ...sidebar, ...main].join('\n')];
}

import { Value } from 'typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../../src/main/core/features/resumes/profile/extract-profile.js';
import type { SkillMatcher } from '../../../src/main/core/features/resumes/profile/skills.js';
import { ResumeProfileSchema } from '../../../src/shared/schemas/resume.js';
import { ExtractedProfileSchema } from '../../../src/shared/schemas/resume-profile.js';
import { loadMatcher, makeJob, makeResume, NOW, resumeText } from './resume-text-factory.js';

let skills: SkillMatcher;
beforeAll(async () => {
  skills = await loadMatcher();
});

describe('profile extraction from résumé text', () => {
  it('extracts every field of a one-column, two-page résumé', () => {
    const profile = extractProfile(resumeText(makeResume()), { skills, now: NOW });
    expect(profile).toEqual({
      basics: {
        name: 'José Álvarez-Núñez',
        email: 'jose.alvarez@example.com',
        phone: '+34 612 345 678',
        summary: 'Backend engineer who likes reliable systems and clear code.',
        location: { address: 'Madrid, Spain', city: 'Madrid', region: 'Spain' },
        profiles: [
          { network: 'LinkedIn', url: 'https://linkedin.com/in/jose-alvarez', username: 'jose-alvarez' },
          { network: 'GitHub', url: 'https://github.com/josealvarez', username: 'josealvarez' },
        ],
        emails: ['jose.alvarez@example.com'],
        phones: ['+34 612 345 678'],
      },
      work: [
        { position: 'Senior Backend Engineer', name: 'Acme Corp', startDate: '2020-01', highlights: ['Built the billing service', 'Cut latency by 40%'] },
        { position: 'Software Developer', name: 'Globex Ltd', startDate: '2016-03', endDate: '2019-12', highlights: ['Maintained the payments API'] },
      ],
      education: [
        { institution: 'Universidad de Sevilla', studyType: 'BSc', area: 'Computer Science', level: 'bachelor', startDate: '2011', endDate: '2015' },
      ],
      skills: [
        { name: 'Amazon Web Services', category: 'cloud', keywords: ['AWS', 'Amazon Web Services'] },
        { name: 'Docker', category: 'devops', keywords: ['Docker'] },
        { name: 'Go', category: 'software', keywords: ['Go'] },
        { name: 'Kubernetes', category: 'devops', keywords: ['k8s'] },
        { name: 'PostgreSQL', category: 'data', keywords: ['PostgreSQL'] },
        { name: 'Python', category: 'software', keywords: ['Python'] },
      ],
      languages: [
        { language: 'Spanish', fluency: 'native' },
        { language: 'English', fluency: 'C1' },
      ],
      certificates: [{ name: 'AWS Certified Solutions Architect', date: '2021', issuer: 'Amazon Web Services' }],
      // Jan 2020 – Jun 2024 (53 months) + Mar 2016 – Dec 2019 (46 months) = 99 months.
      yearsOfExperience: 8.3,
      educationLevel: 'bachelor',
    });
  });

  it('reads a two-column résumé whose sidebar comes first in the text', () => {
    const spec = makeResume({
      layout: 'two-column',
      name: 'Zoë Ørsted',
      email: 'zoe@orsted.dk',
      phone: '+45 20 12 34 56',
      location: 'Copenhagen, Denmark',
      links: ['https://zoe.design'],
      skills: ['Figma, Sketch, UX research, Adobe XD'],
      languages: ['Danish: native', 'English: fluent'],
      certifications: ['Google UX Design Certificate, 2022'],
      education: ['MA Interaction Design', 'Royal Danish Academy, 2012 - 2014'],
      jobs: [
        makeJob({ style: 'stacked', title: 'Lead Product Designer', company: 'Nordic Labs', location: 'Copenhagen, Denmark', dates: '03.2019 – now', bullets: ['Ran the design system'] }),
        makeJob({ style: 'date-first', title: 'UX Designer', company: 'Fjord Studio', dates: '2014-09 to 2019-02', bulletMark: '-', bullets: ['Led user interviews'] }),
      ],
    });
    const profile = extractProfile(resumeText(spec), { skills, now: NOW });
    expect(profile.basics).toMatchObject({ name: 'Zoë Ørsted', email: 'zoe@orsted.dk', phone: '+45 20 12 34 56', url: 'https://zoe.design' });
    expect(profile.basics.location?.address).toBe('Copenhagen, Denmark');
    expect(profile.work.map((job) => [job.position, job.name, job.startDate, job.endDate])).toEqual([
      ['Lead Product Designer', 'Nordic Labs', '2019-03', undefined],
      ['UX Designer', 'Fjord Studio', '2014-09', '2019-02'],
    ]);
    expect(profile.work[0]?.location).toBe('Copenhagen, Denmark');
    expect(profile.education).toEqual([
      { institution: 'Royal Danish Academy', studyType: 'MA', area: 'Interaction Design', level: 'master', startDate: '2012', endDate: '2014' },
    ]);
    expect(profile.skills.map((skill) => skill.name)).toEqual(['Adobe XD', 'Design Systems', 'Figma', 'Sketch', 'UX Design', 'User Research']);
    expect(profile.languages).toEqual([
      { language: 'Danish', fluency: 'native' },
      { language: 'English', fluency: 'fluent' },
    ]);
    expect(profile.certificates).toEqual([{ name: 'Google UX Design Certificate', date: '2022' }]);
    // Sep 2014 – Jun 2024 without a gap: 117 months.
    expect(profile.yearsOfExperience).toBe(9.8);
    expect(profile.educationLevel).toBe('master');
  });

  it('finds no skills in the ordinary words of a sales résumé, only the ones it lists', () => {
    const spec = makeResume({
      name: 'Priya Raman',
      summary: 'A go-getter who will go the extra mile, excel under pressure and rest only when the deal is closed.',
      jobs: [
        makeJob({
          title: 'Account Executive',
          company: 'Northwind Traders',
          dates: 'Sep 2019 – Present',
          bullets: ['Ran the spring campaign with a lean team of 4', 'Beat quota in R&D tooling accounts by 30%', 'Swift follow-up on every C-level lead'],
        }),
      ],
      education: ['BA in Marketing, University of Leeds, 2015 - 2018'],
      skills: ['Negotiation, Salesforce, Cold calling, HubSpot'],
      certifications: [],
    });
    const profile = extractProfile(resumeText(spec), { skills, now: NOW });
    expect(profile.skills.map((skill) => skill.name)).toEqual(['HubSpot', 'Lead Generation', 'Negotiation', 'Salesforce']);
  });

  it('counts overlapping jobs once in the years of experience', () => {
    const spec = makeResume({
      jobs: [
        makeJob({ title: 'Engineer', company: 'Acme Corp', dates: '2018 - 2021' }),
        makeJob({ title: 'Consultant', company: 'Globex Ltd', dates: '2020 - 2022' }),
      ],
    });
    expect(extractProfile(resumeText(spec), { skills, now: NOW }).yearsOfExperience).toBe(4);
  });

  it('gives a profile that both the strict and the stored résumé schema accept', () => {
    const profile = extractProfile(resumeText(makeResume({ layout: 'two-column' })), { skills, now: NOW });
    expect(Value.Errors(ExtractedProfileSchema, profile)).toEqual([]);
    expect(Value.Check(ResumeProfileSchema, profile)).toBe(true);
  });

  it('gives the same profile for the same input, as one string or as pages', () => {
    const pages = resumeText(makeResume());
    const first = extractProfile(pages, { skills, now: NOW });
    expect(extractProfile(pages, { skills, now: NOW })).toEqual(first);
    expect(JSON.stringify(extractProfile(pages.join('\n'), { skills, now: NOW }))).toBe(JSON.stringify(first));
  });

  it('gives an empty but valid profile for text with nothing recognisable', () => {
    const profile = extractProfile('lorem ipsum dolor sit amet', { skills, now: NOW });
    expect(profile).toMatchObject({ work: [], education: [], skills: [], yearsOfExperience: 0, educationLevel: 'none' });
    expect(Value.Check(ExtractedProfileSchema, profile)).toBe(true);
  });
});

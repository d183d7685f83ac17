import { beforeAll, describe, expect, it } from 'vitest';
import { redactPersonalDetails } from '../../../src/main/core/features/analysis/blind.js';
import type { OfflineAnalyser } from '../../../src/main/core/features/analysis/offline/offline-analyser.js';
import { findSkills } from '../../../src/main/core/features/resumes/profile/skills.js';
import { generateLabelledSet } from '../../support/labelled-set.js';
import { loadAnalyser, makeResumeText, profileOf } from './analysis-fixtures.js';

let analyser: OfflineAnalyser;
beforeAll(async () => {
  analyser = await loadAnalyser();
});

function redact(text: string) {
  return redactPersonalDetails(text, profileOf(analyser, text));
}

const EUROPEAN_CV = [
  'José Álvarez-Núñez',
  'Sr. José Álvarez-Núñez — Senior Backend Engineer',
  'jose.alvarez@example.com | +34 612 345 678 | Madrid, Spain',
  'linkedin.com/in/jose-alvarez-nunez | https://github.com/josealvarez',
  'Date of birth: 14/03/1988 | Nationality: Spanish | Marital status: Married',
  'Photo: jose_alvarez.jpg',
  'Address: Calle de Alcalá 42, 28014 Madrid',
  '',
  'SUMMARY',
  'Álvarez is a backend engineer; he led the move to Kubernetes and he mentors juniors. Married, father of two.',
  'EXPERIENCE',
  'Senior Backend Engineer — Acme Corp    Jan 2020 – Present',
  '• Built the billing service in Go and PostgreSQL, handling 2,000 requests per second',
  '• Cut p99 latency by 40% across 12 services',
  'Software Developer — Globex Ltd    March 2016 - December 2019',
  '• Maintained the payments API in Java',
  'EDUCATION',
  'BSc in Computer Science, Universidad de Sevilla, 2011 – 2015',
  'SKILLS',
  'Go, PostgreSQL, k8s, Docker, Java',
].join('\n');

describe('blind mode', () => {
  it('removes every trace of the person from a European-style CV and keeps the work', () => {
    const { text, removed } = redact(EUROPEAN_CV);
    for (const trace of ['José', 'Jose', 'Álvarez', 'Alvarez', 'Núñez', 'jose.alvarez', '612 345 678', 'linkedin', 'github', '1988', 'Spanish', 'Married', 'jpg', 'Alcalá', 'Sr.', ' he ', 'father of two']) {
      expect(text, trace).not.toContain(trace);
    }
    for (const kept of [
      '• Built the billing service in Go and PostgreSQL, handling 2,000 requests per second',
      '• Cut p99 latency by 40% across 12 services',
      'Senior Backend Engineer — Acme Corp    Jan 2020 – Present',
      'Software Developer — Globex Ltd    March 2016 - December 2019',
      'Go, PostgreSQL, k8s, Docker, Java',
      'BSc in Computer Science',
    ]) {
      expect(text).toContain(kept);
    }
    expect(removed).toEqual(['name', 'email', 'phone', 'address', 'link', 'photo', 'age', 'gender', 'marital', 'nationality']);
  });

  it('replaces details with neutral placeholders rather than deleting them silently', () => {
    const { text } = redact(EUROPEAN_CV);
    expect(text.split('\n')[0]).toBe('[name]');
    expect(text).toContain('[email] | [phone] | [address]');
    expect(text).toContain('they led the move to Kubernetes');
  });

  it('removes the location line, an age and gender cues from a US-style résumé', () => {
    const resume = makeResumeText({
      name: 'Emily Page',
      contact: 'emily.page@mail.com | (512) 555-0199 | Austin, TX',
      summary: 'Female, 34 years old. Pronouns: she/her. Platform engineer who improved page load times.',
      extra: ['INTERESTS', 'Emily enjoys climbing'],
    });
    const { text, removed } = redact(resume);
    for (const trace of ['Emily', 'Page', 'emily.page', '555-0199', 'Austin', 'Female', '34 years old', 'she/her']) {
      expect(text, trace).not.toContain(trace);
    }
    // A surname that is also a word is taken only as written, so the work description survives.
    expect(text).toContain('improved page load times');
    expect(text).toContain('• Migrated 40 services to k8s clusters provisioned with Terraform on AWS');
    expect(removed).toEqual(expect.arrayContaining(['name', 'email', 'phone', 'address', 'age', 'gender']));
  });

  it('leaves a résumé with no personal details unchanged and reports nothing removed', () => {
    const text = ['EXPERIENCE', 'Accountant — Ledger & Partners    2018 – 2023', '• Ran the month-end close under IFRS for 3 entities'].join('\n');
    const result = redactPersonalDetails(text, profileOf(analyser, text));
    expect(result.text).toBe(text);
    expect(result.removed).toEqual([]);
  });

  it('does not take year ranges, amounts or counts for phone numbers, nor a word ending in a label for a field', () => {
    const text = makeResumeText({ experience: ['Analyst — Beta    2015 – 2019', '• Managed a budget of 1,250,000 and 2,000 invoices a month', '• Test coverage: 95% across 3 services'] });
    const { text: out } = redact(text);
    expect(out).toContain('2015 – 2019');
    expect(out).toContain('1,250,000 and 2,000 invoices');
    expect(out).toContain('Test coverage: 95% across 3 services');
  });

  it('leaves no name, e-mail, phone or profile link in any résumé of the labelled set, and every skill', () => {
    for (const resume of generateLabelledSet({ seed: 11, resumesPerFamily: 4 }).resumes) {
      const profile = profileOf(analyser, resume.text);
      const { text } = redactPersonalDetails(resume.text, profile);
      const traces = [...(profile.basics.name ?? '').split(' '), ...profile.basics.emails, ...profile.basics.phones, ...profile.basics.profiles.map((link) => link.url)];
      expect(traces.length, resume.id).toBeGreaterThan(2);
      for (const trace of traces) expect(text, `${resume.id}: ${trace}`).not.toContain(trace);
      const skills = (t: string) => findSkills(analyser.matcher, t, t).map((skill) => skill.name);
      expect(skills(text), resume.id).toEqual(skills(resume.text));
    }
  });
});

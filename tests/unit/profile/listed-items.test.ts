import { describe, expect, it } from 'vitest';
import { extractCertificates, extractLanguages } from '../../../src/main/core/features/resumes/profile/listed-items.js';

describe('languages and certifications', () => {
  it('reads languages with their fluency written in several ways', () => {
    expect(extractLanguages(['• English (native)', '- Spanish – C1', 'French: fluent', 'German B2', 'Mandarin Chinese (basic)'])).toEqual([
      { language: 'English', fluency: 'native' },
      { language: 'Spanish', fluency: 'C1' },
      { language: 'French', fluency: 'fluent' },
      { language: 'German', fluency: 'B2' },
      { language: 'Mandarin Chinese', fluency: 'basic' },
    ]);
  });

  it('splits a comma-separated line of languages and lists each once', () => {
    expect(extractLanguages(['English, Portuguese (native), English'])).toEqual([
      { language: 'English' },
      { language: 'Portuguese', fluency: 'native' },
    ]);
  });

  it('does not take a fluency word for part of the language name', () => {
    expect(extractLanguages(['English Native'])).toEqual([{ language: 'English', fluency: 'Native' }]);
  });

  it('reads certificate name, issuer and date', () => {
    expect(
      extractCertificates([
        '• AWS Certified Solutions Architect – Amazon Web Services (2021)',
        'PMP | Project Management Institute | 03/2020',
        'Certified Scrum Master by Scrum Alliance',
        'ACLS, 2022',
      ]),
    ).toEqual([
      { name: 'AWS Certified Solutions Architect', issuer: 'Amazon Web Services', date: '2021' },
      { name: 'PMP', issuer: 'Project Management Institute', date: '2020-03' },
      { name: 'Certified Scrum Master', issuer: 'Scrum Alliance' },
      { name: 'ACLS', date: '2022' },
    ]);
  });
});

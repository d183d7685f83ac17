import { describe, expect, it } from 'vitest';
import { headingKind, isBullet, linesOf, splitSections, stripBullet } from '../../../src/main/core/features/resumes/profile/sections.js';

describe('résumé sections', () => {
  it.each([
    ['Summary', 'summary'],
    ['PROFESSIONAL PROFILE', 'summary'],
    ['About me:', 'summary'],
    ['Work History', 'experience'],
    ['EMPLOYMENT', 'experience'],
    ['Professional Experience', 'experience'],
    ['Experiencia laboral', 'experience'],
    ['Education & Training', 'education'],
    ['Technical Skills', 'skills'],
    ['Licenses & Certifications', 'certifications'],
    ['Languages', 'languages'],
    ['Personal Projects', 'projects'],
    ['Interests', 'other'],
  ])('recognises "%s" as a %s heading', (line, kind) => {
    expect(headingKind(line)).toBe(kind);
  });

  it('does not take an ordinary sentence mentioning a heading word for a heading', () => {
    expect(headingKind('Experience with large distributed systems')).toBeUndefined();
  });

  it('puts lines before the first heading in the header and the rest under their headings', () => {
    const split = splitSections('Ana Costa\nana@example.com\n\nSUMMARY\nLikes data.\nEXPERIENCE\nAnalyst, Initech 2019 - 2020\n\fEDUCATION\nBSc Economics');
    expect(split.header).toEqual(['Ana Costa', 'ana@example.com']);
    expect(linesOf(split, 'summary')).toEqual(['Likes data.']);
    expect(linesOf(split, 'experience')).toEqual(['Analyst, Initech 2019 - 2020']);
    expect(linesOf(split, 'education')).toEqual(['BSc Economics']);
  });

  it('reads "Skills: …" as a one-line section and keeps the following lines in the enclosing one', () => {
    const split = splitSections('EXPERIENCE\nAnalyst, Initech 2019 - 2020\nTools: Go, SQL\n• Built reports');
    expect(linesOf(split, 'skills')).toEqual(['Go, SQL']);
    expect(linesOf(split, 'experience')).toEqual(['Analyst, Initech 2019 - 2020', '• Built reports']);
  });

  it('recognises •, -, * and other bullet marks but not a hyphenated word', () => {
    for (const line of ['• Led', '- Led', '* Led', '▪ Led', '– Led']) expect(isBullet(line)).toBe(true);
    expect(isBullet('-Led')).toBe(false);
    expect(isBullet('Co-founded')).toBe(false);
    expect(stripBullet('•   Led the team')).toBe('Led the team');
  });
});

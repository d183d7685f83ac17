import { describe, expect, it } from 'vitest';
import { extractEducation, highestEducationLevel } from '../../../src/main/core/features/resumes/profile/education.js';

describe('education', () => {
  it.each([
    ['BSc in Computer Science, University of Porto, 2012 – 2015', 'bachelor', 'BSc', 'Computer Science'],
    ['B.A. Economics — Universidad de Chile (2014)', 'bachelor', 'B.A.', 'Economics'],
    ['Bachelor of Science in Nursing, Boston College', 'bachelor', 'Bachelor of Science', 'Nursing'],
    ['Licenciatura en Administración, Universidad de Sevilla', 'bachelor', 'Licenciatura', 'Administración'],
    ['MSc Data Science, Imperial College London, 2019', 'master', 'MSc', 'Data Science'],
    ['MBA, INSEAD Business School, 2020', 'master', 'MBA', undefined],
    ['Master of Business Administration, Columbia University', 'master', 'Master of Business Administration', undefined],
    ['PhD in Physics, ETH Zurich, 2010 - 2014', 'doctorate', 'PhD', 'Physics'],
    ['Ph.D. Molecular Biology, University of Oxford', 'doctorate', 'Ph.D.', 'Molecular Biology'],
    ['Associate of Applied Science, Austin Community College', 'associate', 'Associate of Applied Science', undefined],
    ['High School Diploma, Lincoln High School, 2008', 'high_school', 'High School Diploma', undefined],
  ])('reads "%s" as %s', (line, level, studyType, area) => {
    const [entry] = extractEducation([line]);
    expect(entry?.level).toBe(level);
    expect(entry?.studyType).toBe(studyType);
    expect(entry?.area).toBe(area);
  });

  it('reads the institution and dates, including from the next line', () => {
    expect(extractEducation(['MSc in Statistics', 'University of Copenhagen, 2016 – 2018'])).toEqual([
      { institution: 'University of Copenhagen', studyType: 'MSc', area: 'Statistics', level: 'master', startDate: '2016', endDate: '2018' },
    ]);
  });

  it('takes the highest level across entries, and none without a degree', () => {
    const entries = extractEducation(['BSc Mathematics, University of Lisbon', 'PhD in Mathematics, University of Lisbon', 'Online course in cooking']);
    expect(highestEducationLevel(entries)).toBe('doctorate');
    expect(highestEducationLevel(extractEducation(['Self-taught, many online courses']))).toBe('none');
  });
});

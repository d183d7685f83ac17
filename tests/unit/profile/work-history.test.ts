import { describe, expect, it } from 'vitest';
import { extractWorkHistory } from '../../../src/main/core/features/resumes/profile/work-history.js';
import { jobLines, makeJob, type JobStyle } from './resume-text-factory.js';

const withoutRange = (lines: string[]) => extractWorkHistory(lines).map(({ range: _range, ...entry }) => entry);

describe('work history', () => {
  it.each<JobStyle>(['inline', 'stacked', 'at', 'date-first'])('reads title, company, dates and bullets written %s', (style) => {
    const job = makeJob({ style, title: 'Data Analyst', company: 'Initech', dates: '01/2018 - 12/2021', bullets: ['Built dashboards', 'Automated reports'] });
    expect(withoutRange(jobLines(job))).toEqual([
      { position: 'Data Analyst', name: 'Initech', startDate: '2018-01', endDate: '2021-12', highlights: ['Built dashboards', 'Automated reports'] },
    ]);
  });

  it('keeps the entries apart whatever bullet mark each uses, and reads a current job', () => {
    const lines = [
      ...jobLines(makeJob({ title: 'Staff Engineer', company: 'Acme Corp', dates: 'Jan 2021 – Present', bulletMark: '*' })),
      ...jobLines(makeJob({ style: 'stacked', title: 'Backend Developer', company: 'Globex Ltd', location: 'Berlin, Germany', dates: '2017-03 to 2020-12', bulletMark: '-', bullets: ['Ran the Kafka cluster'] })),
      ...jobLines(makeJob({ style: 'at', title: 'Intern', company: 'Hooli', dates: '2016', bullets: ['Wrote tests'] })),
    ];
    expect(withoutRange(lines)).toEqual([
      { position: 'Staff Engineer', name: 'Acme Corp', startDate: '2021-01', highlights: ['Built the billing service', 'Cut latency by 40%'] },
      { position: 'Backend Developer', name: 'Globex Ltd', location: 'Berlin, Germany', startDate: '2017-03', endDate: '2020-12', highlights: ['Ran the Kafka cluster'] },
      { position: 'Intern', name: 'Hooli', startDate: '2016', endDate: '2016', highlights: ['Wrote tests'] },
    ]);
  });

  it('tells the company from the title by their words when the company comes first', () => {
    const [entry] = withoutRange(['Initech Solutions | Senior Product Designer | 2019 – 2022', '• Led the design system']);
    expect(entry).toMatchObject({ position: 'Senior Product Designer', name: 'Initech Solutions' });
  });

  it('reads the company from the line after a title line that carries the dates', () => {
    const lines = ['Senior Engineer    Jan 2020 – Present', 'Acme Corp, Lisbon', '• Led the platform team', 'Engineer    2017 – 2019', 'Globex Ltd', '• Wrote the API'];
    expect(withoutRange(lines).map((entry) => [entry.position, entry.name, entry.highlights])).toEqual([
      ['Senior Engineer', 'Acme Corp', ['Led the platform team']],
      ['Engineer', 'Globex Ltd', ['Wrote the API']],
    ]);
  });

  it('joins a bullet wrapped over two lines', () => {
    const [entry] = withoutRange(['Nurse — St. Mary Hospital   2015 - 2019', '• Cared for up to twelve patients', 'per shift on a surgical ward', '• Trained new staff']);
    expect(entry?.highlights).toEqual(['Cared for up to twelve patients per shift on a surgical ward', 'Trained new staff']);
  });

  it('finds nothing in an experience section without dates', () => {
    expect(extractWorkHistory(['Various freelance work', '• Websites for local shops'])).toEqual([]);
  });
});

// The ten résumé PDFs the journey imports: one-column résumés laid out from the profile tests'
// résumé factory and drawn by the PDF tests' factory, each with a known name, e-mail and skills,
// some sharing the journey job's required skills and some sharing none, so a ranking has an order
// to show. Skills are written as the taxonomy names them, so the profile shows them as written.
import { column, makePdf, type PageSpec } from '../../integration/pdf/pdf-factory.js';
import { makeJob, makeResume, resumeText } from '../../unit/profile/resume-text-factory.js';

export interface JourneyResume {
  fileName: string;
  bytes: Uint8Array;
  name: string;
  email: string;
  skills: readonly string[];
}

/** The job the journey creates; its required skills are what some résumés share. */
export const JOURNEY_JOB = {
  title: 'Senior TypeScript Engineer',
  company: 'Acme Robotics',
  location: 'Lisbon',
  requiredSkills: ['TypeScript', 'Node.js', 'React'],
} as const;

// Names in Helvetica's WinAnsi encoding (the PDF factory's font); first letters all differ, so the
// candidate list (sorted by name) has one known order.
const PEOPLE: readonly { name: string; email: string; skills: readonly string[] }[] = [
  { name: 'Amara Okafor', email: 'amara.okafor@example.com', skills: ['TypeScript', 'Node.js', 'React', 'PostgreSQL'] },
  { name: 'Bruno Carvalho', email: 'bruno.carvalho@example.com', skills: ['TypeScript', 'React', 'GraphQL'] },
  { name: 'Chloé Martin', email: 'chloe.martin@example.com', skills: ['Node.js', 'TypeScript', 'Docker'] },
  { name: 'Dmitri Volkov', email: 'dmitri.volkov@example.com', skills: ['React', 'Figma'] },
  { name: 'Elena Rossi', email: 'elena.rossi@example.com', skills: ['Python', 'pandas', 'Apache Spark'] },
  { name: 'Farid Haddad', email: 'farid.haddad@example.com', skills: ['Java', 'Kotlin', 'Amazon Web Services'] },
  { name: 'Grace Hopper', email: 'grace.hopper@example.com', skills: ['TypeScript', 'Node.js'] },
  { name: 'Hiro Tanaka', email: 'hiro.tanaka@example.com', skills: ['Kubernetes', 'Terraform', 'Docker'] },
  { name: 'Inês Duarte', email: 'ines.duarte@example.com', skills: ['React', 'TypeScript', 'Node.js', 'Amazon Web Services'] },
  { name: 'Jonas Berg', email: 'jonas.berg@example.com', skills: ['Rust', 'Apache Kafka', 'Redis'] },
];

const CITIES = ['Lisbon, Portugal', 'Porto, Portugal', 'Madrid, Spain', 'Berlin, Germany', 'Dublin, Ireland'];

/** The ten résumés, the same bytes on every run (fixed dates, no randomness). */
export async function makeJourneyResumes(): Promise<JourneyResume[]> {
  return Promise.all(
    PEOPLE.map(async (person, index) => {
      const handle = person.email.split('@')[0]?.replace('.', '-') ?? `person-${index}`;
      const spec = makeResume({
        name: person.name,
        headline: 'Software Engineer',
        email: person.email,
        phone: `+351 912 345 ${String(100 + index)}`,
        location: CITIES[index % CITIES.length] ?? 'Lisbon, Portugal',
        links: [`linkedin.com/in/${handle}`],
        // Plain words only: no skill is named outside the skills section.
        summary: 'Engineer who likes reliable systems, clear writing and teams that ship.',
        jobs: [
          makeJob({ title: 'Senior Software Engineer', company: 'Globex Ltd', dates: `Mar ${2019 - (index % 3)} – Present`, bullets: ['Led the billing rewrite', 'Mentored three engineers'] }),
          makeJob({ title: 'Software Engineer', company: 'Initech', dates: `Jan ${2014 - (index % 4)} – Feb ${2019 - (index % 3)}`, bullets: ['Built the ordering service'] }),
        ],
        education: ['BSc in Computer Science, Universidade do Porto, 2009 – 2013'],
        skills: [person.skills.join(', ')],
        languages: ['English – C1'],
        certifications: [],
      });
      const pages: PageSpec[] = resumeText(spec).map((page) => ({ runs: column(page.split('\n'), 50, 790, 15, 10) }));
      const bytes = await makePdf({ pages, title: `${person.name} – CV`, author: person.name, createdAt: new Date(Date.UTC(2024, 4, 1 + index)) });
      return { fileName: `${String(index + 1).padStart(2, '0')}-${handle}.pdf`, bytes, ...person };
    }),
  );
}

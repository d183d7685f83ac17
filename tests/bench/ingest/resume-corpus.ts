// A reproducible corpus of realistic résumé PDFs for the ingestion benchmark: one and two columns,
// one to three pages, accented names, bullet lists and dates in several formats. The text comes
// from the profile tests' résumé factory and the pages from the PDF tests' factory, laid out here;
// a seeded generator makes every run parse the same files.
import { column, makePdf, type PageSpec, type TextRun } from '../../integration/pdf/pdf-factory.js';
import { jobLines, makeJob, makeResume, type JobSpec, type ResumeSpec } from '../../unit/profile/resume-text-factory.js';

export interface CorpusResume {
  fileName: string;
  bytes: Uint8Array;
  /** What the résumé says, to check what extraction gets back. */
  name: string;
  email: string;
  layout: ResumeSpec['layout'];
  pages: number;
  jobs: number;
}

// Names in Helvetica's WinAnsi encoding (the factory's font): accents, ø, ß, þ, ç, š, œ.
const FIRST_NAMES = ['José', 'Zoë', 'François', 'Søren', 'Björn', 'Inês', 'Chloé', 'Jürgen', 'Núria', 'Ólafur', 'Þóra', 'Renée', 'Maël', 'Gonçalo', 'Ana', 'Siobhán', 'Åsa', 'Íñigo', 'Ana-María', 'Tomás', 'Léa', 'Ørjan', 'Wei', 'Priya'];
const LAST_NAMES = ['Álvarez-Núñez', 'Müller', 'Ødegård', 'Çelik', 'Šimek', 'Fernández', "O'Brien", 'Lindqvist', 'Gonçalves', 'Kowalski', 'Straße', 'Lefèvre', 'Þórsdóttir', 'Ñúñez', 'Dubœuf', 'Zhang', 'Rao', 'van der Berg'];
const HEADLINES = ['Senior Backend Engineer', 'Data Scientist', 'Frontend Developer', 'DevOps Engineer', 'Product Manager', 'QA Engineer', 'Mobile Developer', 'Site Reliability Engineer', 'UX Designer', 'Security Engineer'];
const TITLES = ['Software Engineer', 'Senior Software Engineer', 'Backend Developer', 'Data Analyst', 'Tech Lead', 'Platform Engineer', 'Full Stack Developer', 'Machine Learning Engineer', 'Engineering Manager', 'Junior Developer'];
const COMPANIES = ['Acme Corp', 'Globex Ltd', 'Initech', 'Umbrella GmbH', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Tyrell S.A.', 'Cyberdyne', 'Soylent Lda'];
const CITIES = ['Lisbon, Portugal', 'Porto, Portugal', 'Madrid, Spain', 'Barcelona, Spain', 'Berlin, Germany', 'Paris, France', 'Oslo, Norway', 'Reykjavík, Iceland', 'Dublin, Ireland', 'Zürich, Switzerland'];
const SKILLS = ['Python', 'Go', 'PostgreSQL', 'Kubernetes', 'Docker', 'TypeScript', 'React', 'Node.js', 'Java', 'Kotlin', 'AWS', 'Terraform', 'GraphQL', 'Pandas', 'Spark', 'Rust', 'MongoDB', 'Redis', 'Kafka', 'Figma'];
const BULLETS = [
  'Built the billing service used by two million customers',
  'Cut p99 latency by 40% by moving hot paths off the request thread',
  'Led a team of five engineers through a platform migration',
  'Designed the event pipeline that replaced nightly batch jobs',
  'Mentored junior developers and ran the hiring loop',
  'Automated deployments with blue-green releases and canaries',
  'Wrote the data model and migrations for the new CRM',
  'Reduced cloud costs by a third with right-sized clusters',
  'Introduced contract tests between twelve services',
  'Shipped offline support for the mobile app',
];
const DEGREES = ['BSc in Computer Science', 'MSc in Data Science', 'Bachelor of Engineering in Electronics', 'PhD in Physics', 'MBA', 'BA in Economics'];
const SCHOOLS = ['Universidade do Porto', 'Universidad de Sevilla', 'TU München', 'Université de Lyon', 'University of Oslo', 'Trinity College Dublin'];
const LANGUAGES = ['English – C1', 'Spanish (native)', 'Portuguese – native', 'German B2', 'French (fluent)', 'Norwegian – A2'];
const CERTIFICATIONS = ['AWS Certified Solutions Architect (2021)', 'Certified Kubernetes Administrator (2022)', 'Scrum Master – Scrum.org (2019)', 'Google Professional Data Engineer (2023)'];
const BULLET_MARKS: JobSpec['bulletMark'][] = ['•', '-', '*'];
const JOB_STYLES: NonNullable<JobSpec['style']>[] = ['inline', 'stacked', 'at', 'date-first'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** mulberry32: small, fast and good enough to vary benchmark documents. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const between = (low: number, high: number) => low + int(high - low + 1);
  const pick = <T>(items: readonly T[]) => items[int(items.length)] as T;
  const some = <T>(items: readonly T[], count: number) => [...new Set(Array.from({ length: count }, () => pick(items)))];
  return { next, int, between, pick, some };
}

type Random = ReturnType<typeof randomSource>;

/** One date in one of the styles résumés use; `month` is 0-based. */
function formatDate(random: Random, style: number, year: number, month: number): string {
  const mm = String(month + 1).padStart(2, '0');
  switch (style) {
    case 0:
      return `${MONTHS[month]} ${year}`;
    case 1:
      return `${LONG_MONTHS[month]} ${year}`;
    case 2:
      return `${mm}/${year}`;
    case 3:
      return `${year}-${mm}`;
    case 4:
      return `${mm}.${year}`;
    default:
      return random.next() < 0.5 ? `${year}` : `${MONTHS[month]}. ${year}`;
  }
}

/** Jobs going back in time from mid-2024, newest first, each in one date style and separator. */
function makeJobs(random: Random, count: number, bulletsPerJob: number, styles: readonly NonNullable<JobSpec['style']>[]): JobSpec[] {
  const dateStyle = random.int(6);
  const separator = random.pick([' – ', ' - ', ' to ', ' — ']);
  let end = 2024 * 12 + 5;
  return Array.from({ length: count }, (_, n) => {
    const start = end - random.between(8, 40);
    const endText = n === 0 && random.next() < 0.7 ? random.pick(['Present', 'current', 'Now']) : formatDate(random, dateStyle, Math.floor(end / 12), end % 12);
    const job = makeJob({
      title: random.pick(TITLES),
      company: random.pick(COMPANIES),
      ...(random.next() < 0.5 ? { location: random.pick(CITIES).split(',')[0] as string } : {}),
      dates: `${formatDate(random, dateStyle, Math.floor(start / 12), start % 12)}${separator}${endText}`,
      bullets: random.some(BULLETS, bulletsPerJob),
      bulletMark: random.pick(BULLET_MARKS),
      style: random.pick(styles),
    });
    end = start - random.between(0, 6);
    return job;
  });
}

/** A résumé long enough to fill about `targetPages` pages. */
function makeSpec(random: Random, index: number, targetPages: number): ResumeSpec {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, '');
  const [jobs, bullets] = targetPages === 1 ? [random.between(2, 3), random.between(1, 3)] : targetPages === 2 ? [random.between(6, 8), random.between(4, 6)] : [random.between(11, 14), random.between(5, 7)];
  const layout = random.next() < 0.6 ? 'one-column' : 'two-column';
  const graduated = 2024 - Math.ceil(jobs * 2.5);
  return makeResume({
    name: `${first} ${last}`,
    headline: random.pick(HEADLINES),
    email: `${ascii(first)}.${ascii(last)}${index}@example.com`,
    phone: random.pick([`+351 9${random.between(10, 99)} ${random.between(100, 999)} ${random.between(100, 999)}`, `+34 6${random.between(10, 99)} ${random.between(100, 999)} ${random.between(100, 999)}`, `(555) ${random.between(200, 999)}-${random.between(1000, 9999)}`]),
    location: random.pick(CITIES),
    links: [`linkedin.com/in/${ascii(first)}-${ascii(last)}-${index}`, ...(random.next() < 0.6 ? [`https://github.com/${ascii(first)}${index}`] : [])],
    summary: `${random.pick(HEADLINES)} with a taste for reliable systems, clear code and teams that ship.`,
    // A narrow main column gets the short job headers, so no date range is wrapped in two.
    jobs: makeJobs(random, jobs, bullets, layout === 'one-column' ? JOB_STYLES : ['stacked', 'date-first']),
    education: random.some(DEGREES, random.between(1, 2)).map((degree, i) => `${degree}, ${random.pick(SCHOOLS)}, ${graduated - 4 - i * 2} – ${graduated - i * 2}`),
    skills: [random.some(SKILLS, random.between(4, 9)).join(', ')],
    languages: random.some(LANGUAGES, random.between(1, 3)),
    certifications: random.some(CERTIFICATIONS, random.between(0, 2)),
    layout,
  });
}

const PAGE_TOP = 790;
const PAGE_BOTTOM = 50;

/** Greedy word wrap at an estimated width: Helvetica averages about half an em per character. */
function wrap(text: string, widthPt: number, size: number): string[] {
  const maxChars = Math.floor(widthPt / (size * 0.5));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Flows lines down a column from `top`, continuing at the page top of following pages. */
function flow(lines: readonly string[], x: number, top: number, size: number, leading: number, pages: TextRun[][]): void {
  let page = 0;
  let y = top;
  for (const text of lines) {
    if (y < PAGE_BOTTOM) {
      page += 1;
      y = PAGE_TOP;
    }
    while (pages.length <= page) pages.push([]);
    if (text !== '') (pages[page] as TextRun[]).push({ text, x, y, size });
    y -= leading;
  }
}

function layOut(spec: ResumeSpec): PageSpec[] {
  const h = spec.headings;
  const pages: TextRun[][] = [[]];
  const header = column([spec.name, ...(spec.headline ? [spec.headline] : [])], 50, 800, 20, 16);
  const jobs = spec.jobs.flatMap(jobLines);
  const headerLines = new Set(spec.jobs.flatMap((job) => jobLines(job).slice(0, -job.bullets.length || undefined)));
  const fit = (width: number, size: number) => (line: string) => (headerLines.has(line) ? [line] : wrap(line, width, size));
  const sideItems = [h.skills, ...spec.skills, h.languages, ...spec.languages, ...(spec.certifications.length ? [h.certifications, ...spec.certifications] : [])];
  if (spec.layout === 'one-column') {
    (pages[0] as TextRun[]).push(...header);
    const body = [`${spec.email} | ${spec.phone} | ${spec.location}`, spec.links.join(' | '), '', h.summary, spec.summary, '', h.experience, ...jobs, '', h.education, ...spec.education, '', ...sideItems];
    flow(body.flatMap(fit(495, 10)), 50, 750, 10, 14, pages);
  } else {
    (pages[0] as TextRun[]).push(...header);
    const sidebar = ['CONTACT', spec.email, spec.phone, spec.location, ...spec.links, '', ...sideItems];
    // Each column keeps its own line spacing, as real two-column templates do.
    flow(sidebar.flatMap(fit(150, 9)), 40, 740, 9, 12, pages);
    const main = [h.summary, spec.summary, '', h.experience, ...jobs, '', h.education, ...spec.education];
    flow(main.flatMap(fit(330, 10)), 220, 740, 10, 15, pages);
  }
  const links = [{ url: spec.links[0]?.startsWith('http') ? spec.links[0] : `https://${spec.links[0] ?? 'example.com'}`, x: 50, y: 740, width: 200, height: 12 }];
  return pages.map((runs, i) => (i === 0 ? { runs, links } : { runs }));
}

export const CORPUS_SEED = 20_261_125;

/** `count` résumé PDFs from `seed`: the same seed always gives the same files. */
export async function makeResumeCorpus(count: number, seed = CORPUS_SEED): Promise<CorpusResume[]> {
  const random = randomSource(seed);
  const corpus: CorpusResume[] = [];
  for (let index = 0; index < count; index++) {
    const roll = random.next();
    const spec = makeSpec(random, index, roll < 0.5 ? 1 : roll < 0.85 ? 2 : 3);
    const pages = layOut(spec);
    const bytes = await makePdf({ pages, title: `${spec.name} – CV`, author: spec.name, createdAt: new Date(Date.UTC(2024, random.int(12), 1 + random.int(28))) });
    corpus.push({ fileName: `resume-${String(index).padStart(4, '0')}.pdf`, bytes, name: spec.name, email: spec.email, layout: spec.layout, pages: pages.length, jobs: spec.jobs.length });
  }
  return corpus;
}

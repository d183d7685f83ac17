// A realistic, reproducible dataset for the API benchmark: jobs across locations with skills to
// search, candidates, applications spread over the last year (popular jobs get more), and the
// activity log entries those writes would have made. A seeded generator keeps runs comparable.
import type { Activity } from '../../../src/shared/schemas/activity.js';
import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from '../../../src/shared/schemas/application.js';
import type { Candidate } from '../../../src/shared/schemas/candidate.js';
import type { Job } from '../../../src/shared/schemas/job.js';
import type { Unstamped } from '../../../src/main/core/db/write-stamp.js';

export const BENCH_KEYWORD = 'kubernetes';

const TITLES = ['Backend Engineer', 'Frontend Developer', 'Data Analyst', 'DevOps Engineer', 'Product Manager', 'QA Engineer', 'Mobile Developer', 'Data Scientist', 'Site Reliability Engineer', 'UX Designer', 'Security Engineer', 'Technical Writer'];
const SENIORITY = ['Junior', '', 'Senior', 'Lead', 'Principal'];
const SKILLS = ['TypeScript', 'Node.js', 'React', 'Python', 'Go', 'Java', 'Kotlin', 'Swift', 'SQL', 'PostgreSQL', 'MongoDB', 'Kubernetes', 'Docker', 'AWS', 'Terraform', 'GraphQL', 'Figma', 'Pandas', 'Spark', 'Rust'];
const LOCATIONS = ['Lisbon', 'Porto', 'Braga', 'Madrid', 'Barcelona', 'Berlin', 'Munich', 'Paris', 'Lyon', 'Amsterdam', 'London', 'Dublin', 'Warsaw', 'Prague', 'Vienna', 'Zurich', 'Milan', 'Stockholm', 'Copenhagen', 'Remote', ''];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Tyrell', 'Cyberdyne', 'Soylent'];
const FIRST_NAMES = ['Ana', 'Bruno', 'Carla', 'Duarte', 'Eva', 'Filipa', 'Gonçalo', 'Helena', 'Inês', 'João', 'Luís', 'Marta', 'Nuno', 'Rita', 'Sofia', 'Tiago'];
const LAST_NAMES = ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Sousa', 'Fernandes'];
/** How often each status occurs, in pipeline order. */
const STATUS_WEIGHTS: Record<ApplicationStatus, number> = { applied: 40, screening: 20, interview: 12, offer: 4, hired: 4, rejected: 15, withdrawn: 5 };

const DAY_MS = 86_400_000;

/** mulberry32: small, fast and good enough to spread benchmark data. */
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
  const pick = <T>(items: readonly T[]) => items[int(items.length)] as T;
  const some = <T>(items: readonly T[], count: number) => [...new Set(Array.from({ length: count }, () => pick(items)))];
  return { next, int, pick, some };
}

export const jobId = (n: number) => `job-${String(n).padStart(6, '0')}`;
const candidateId = (n: number) => `cand-${String(n).padStart(6, '0')}`;

export interface BenchData {
  jobs: Unstamped<Job>[];
  candidates: Unstamped<Candidate>[];
  applications: Unstamped<Application>[];
  activities: Unstamped<Activity>[];
}

export function makeBenchData({ jobs: jobCount, candidates: candidateCount, applications: applicationCount, now, actorId }: {
  jobs: number;
  candidates: number;
  applications: number;
  now: number;
  actorId: string;
}): BenchData {
  const random = randomSource(20_260_525);
  const statuses = APPLICATION_STATUSES.flatMap((s) => Array<ApplicationStatus>(STATUS_WEIGHTS[s]).fill(s));

  const jobs = Array.from({ length: jobCount }, (_, n): Unstamped<Job> => {
    const skills = random.some(SKILLS, 5);
    const title = `${random.pick(SENIORITY)} ${random.pick(TITLES)}`.trim();
    const createdAt = now - 730 * DAY_MS + random.int(730 * DAY_MS);
    return {
      id: jobId(n),
      title,
      description: `We are looking for a ${title.toLowerCase()} to join our team. You will work with ${skills.join(', ')} on products used by thousands of people every day.`,
      requiredSkills: skills.slice(0, 3),
      niceToHaveSkills: skills.slice(3),
      salaryMin: 30_000 + random.int(50) * 1000,
      salaryMax: 80_000 + random.int(70) * 1000,
      salaryCurrency: 'EUR',
      company: random.pick(COMPANIES),
      location: random.pick(LOCATIONS),
      remote: random.next() < 0.3,
      tags: random.some(['backend', 'frontend', 'data', 'infra', 'design', 'product'], 2),
      status: random.next() < 0.85 ? 'open' : 'closed',
      autoAnalyze: false,
      createdBy: actorId,
      createdAt,
      updatedAt: createdAt,
    };
  });

  const candidates = Array.from({ length: candidateCount }, (_, n): Unstamped<Candidate> => {
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${n}@example.com`;
    return { id: candidateId(n), name, emails: [email], primaryEmail: email, phones: [], primaryPhone: '', links: [], tags: [], skills: random.some(SKILLS, 4), source: 'bench' };
  });

  // Popular jobs draw more applications: the square of a uniform number skews towards low ids.
  const applications: Unstamped<Application>[] = [];
  const pairs = new Set<string>();
  while (applications.length < applicationCount) {
    const job = Math.floor(random.next() ** 2 * jobCount);
    const candidate = random.int(candidateCount);
    if (pairs.has(`${job}/${candidate}`)) continue;
    pairs.add(`${job}/${candidate}`);
    const createdAt = now - random.int(365 * DAY_MS);
    const status = random.pick(statuses);
    applications.push({
      id: `app-${String(applications.length).padStart(7, '0')}`,
      jobId: jobId(job),
      candidateId: candidateId(candidate),
      status,
      history: [{ at: createdAt, by: actorId, to: status }],
      createdAt,
      updatedAt: Math.min(now, createdAt + random.int(20 * DAY_MS)),
    });
  }

  const activities = [
    ...jobs.map((job) => ({ at: job.createdAt as number, action: 'job.created', subjectType: 'job', subjectId: job.id, summary: `Posted ${job.title}` })),
    ...applications.map((a) => ({ at: a.createdAt as number, action: 'application.created', subjectType: 'application', subjectId: a.id, summary: `Added an application to ${a.jobId}` })),
  ].map((entry, n): Unstamped<Activity> => ({ id: `act-${String(n).padStart(7, '0')}`, actorId, ...entry, createdAt: entry.at, updatedAt: entry.at }));

  return { jobs, candidates, applications, activities };
}

// The plain definition of job search, for the equivalence tests: a scan over every job with the
// documented rules, written without the index, plus fast-check generators of jobs and queries
// drawn from a small vocabulary (so that words, prefixes, accents and ties collide often).
import fc from 'fast-check';
import { foldText, keywordTerms, locationKey, wordsOf } from '../../../src/main/core/features/jobs/search-text.js';
import { JOB_SORTS, type JobSort } from '../../../src/shared/api/jobs.js';
import type { Job, JobStatus } from '../../../src/shared/schemas/job.js';

export interface SearchQuery {
  keyword?: string;
  location?: string;
  status?: JobStatus;
  remote?: boolean;
  sort: JobSort;
  limit: number;
  skip: number;
}

const textOf = (job: Job) => [job.title, job.description, ...job.requiredSkills, ...job.niceToHaveSkills].join(' ');

function keyOf(job: Job, field: string): string | number | undefined {
  if (field === 'title' || field === 'company') return foldText(job[field]);
  if (field === 'location') return locationKey(job.location);
  return job[field as 'createdAt' | 'updatedAt' | 'salaryMin' | 'salaryMax'];
}

/** Every job matching the query, in the query's order, and the page of it. */
export function searchByScan(all: readonly Job[], query: SearchQuery): { total: number; ids: string[] } {
  const terms = keywordTerms(query.keyword ?? '');
  const place = locationKey(query.location ?? '');
  const matching = all.filter((job) => {
    const words = wordsOf(textOf(job));
    if (!terms.every((term) => words.some((word) => word.startsWith(term)))) return false;
    if (!locationKey(job.location).startsWith(place)) return false;
    if (query.status !== undefined && job.status !== query.status) return false;
    return query.remote === undefined || job.remote === query.remote;
  });
  const descending = query.sort.startsWith('-');
  const field = descending ? query.sort.slice(1) : query.sort;
  const withKey = matching.filter((job) => keyOf(job, field) !== undefined);
  const withoutKey = matching.filter((job) => keyOf(job, field) === undefined);
  withKey.sort((a, b) => {
    const ka = keyOf(a, field) as string | number;
    const kb = keyOf(b, field) as string | number;
    if (ka !== kb) return (ka < kb ? -1 : 1) * (descending ? -1 : 1);
    return a.id < b.id ? -1 : 1;
  });
  withoutKey.sort((a, b) => (a.id < b.id ? -1 : 1));
  const ordered = [...withKey, ...withoutKey];
  return { total: ordered.length, ids: ordered.slice(query.skip, query.skip + query.limit).map((job) => job.id) };
}

const WORDS = ['Engineer', 'engineering', 'ENGINE', 'Énergie', 'energy', 'Node.js', 'node', 'C++', 'C#', 'c', 'Python', 'py', 'Data', 'data-driven', 'Rust', '#rust', 'Zürich', 'zurich', 'DevOps', 'dev', 'ops', 'Ünïcödé', '42', 'ß'];
const LOCATIONS = ['Lisbon', 'lisbon, Portugal', 'Lisboa', 'Los Angeles', 'São Paulo', 'Sao  Paulo ', 'Zürich', 'ZURICH, CH', 'Remote', '', '  Berlin Mitte'];

const words = (max: number) => fc.array(fc.constantFrom(...WORDS), { maxLength: max }).map((list) => list.join(' '));

export const jobFieldsArb = fc.record({
  title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((list) => list.join(' ')),
  description: words(6),
  requiredSkills: fc.uniqueArray(fc.constantFrom(...WORDS), { maxLength: 3 }),
  niceToHaveSkills: fc.uniqueArray(fc.constantFrom(...WORDS), { maxLength: 2 }),
  company: fc.constantFrom('Acme', 'acme', 'Zeta', 'Ångström AB', ''),
  location: fc.constantFrom(...LOCATIONS),
  remote: fc.boolean(),
  tags: fc.constant([] as string[]),
  status: fc.constantFrom<JobStatus>('open', 'open', 'closed'),
  autoAnalyze: fc.boolean(),
  salary: fc.option(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { nil: undefined }),
  createdAt: fc.integer({ min: 1, max: 6 }).map((n) => n * 1000),
});

export type GeneratedFields = typeof jobFieldsArb extends fc.Arbitrary<infer T> ? T : never;

/** A complete job from generated fields (salary range ordered, as the API would insist). */
export function toJob(id: string, fields: GeneratedFields, updatedAt = fields.createdAt): Job {
  const { salary, ...rest } = fields;
  const range = salary ? { salaryMin: Math.min(...salary) * 10_000, salaryMax: Math.max(...salary) * 10_000, salaryCurrency: 'EUR' } : {};
  return { id, ...rest, ...range, updatedAt, deviceId: 'test-device' };
}

/** A prefix of one of the vocabulary's words, in a random case: how people type into a search box. */
const prefixOf = (candidates: readonly string[]) =>
  fc.tuple(fc.constantFrom(...candidates), fc.integer({ min: 1, max: 8 }), fc.boolean()).map(([word, length, upper]) => {
    const prefix = word.slice(0, length);
    return upper ? prefix.toUpperCase() : prefix;
  });

export const queryArb: fc.Arbitrary<SearchQuery> = fc.record(
  {
    keyword: fc.oneof(prefixOf(WORDS), fc.tuple(prefixOf(WORDS), prefixOf(WORDS)).map(([a, b]) => `${a} ${b}`), fc.constantFrom('', ' - ', 'zz')),
    location: fc.oneof(prefixOf(LOCATIONS.filter(Boolean)), fc.constantFrom('', 'sao paulo', 'zurich, ch')),
    status: fc.constantFrom<JobStatus>('open', 'closed'),
    remote: fc.boolean(),
    sort: fc.constantFrom(...JOB_SORTS),
    limit: fc.integer({ min: 1, max: 30 }),
    skip: fc.integer({ min: 0, max: 40 }),
  },
  { requiredKeys: ['sort', 'limit', 'skip'] },
);

// Job-like documents for the storage benchmark, generated deterministically (seeded PRNG).
import type { RxJsonSchema } from 'rxdb';

export interface BenchJob {
  id: string;
  title: string;
  company: string;
  location: string;
  status: 'open' | 'closed';
  salaryMin: number;
  updatedAt: number;
  tags: string[];
  description: string;
}

export const LOCATIONS = ['Lisbon', 'Berlin', 'Paris', 'Madrid', 'London', 'Warsaw', 'Austin', 'Toronto', 'Remote', 'Porto'];
const TITLES = ['Backend Engineer', 'Data Analyst', 'Product Designer', 'SRE', 'Recruiter', 'QA Engineer', 'Frontend Engineer'];

export const benchJobSchema: RxJsonSchema<BenchJob> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 32 },
    title: { type: 'string' },
    company: { type: 'string' },
    location: { type: 'string', maxLength: 32 },
    status: { type: 'string', enum: ['open', 'closed'], maxLength: 8 },
    salaryMin: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
    updatedAt: { type: 'integer', minimum: 0, maximum: 10_000_000_000_000, multipleOf: 1 },
    tags: { type: 'array', items: { type: 'string' } },
    description: { type: 'string' },
  },
  required: ['id', 'title', 'company', 'location', 'status', 'salaryMin', 'updatedAt', 'tags', 'description'],
  indexes: [['location', 'updatedAt'], 'salaryMin', ['status', 'updatedAt']],
};

/** Mulberry32: a tiny seeded PRNG so every run benchmarks the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeJobs(count: number, seed = 42): BenchJob[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const jobs: BenchJob[] = [];
  for (let i = 0; i < count; i++) {
    jobs.push({
      id: `job-${String(i).padStart(7, '0')}`,
      title: pick(TITLES),
      company: `Company ${Math.floor(random() * 500)}`,
      location: pick(LOCATIONS),
      status: random() < 0.7 ? 'open' : 'closed',
      salaryMin: 20_000 + Math.floor(random() * 180_000),
      updatedAt: 1_700_000_000_000 + i * 1000 + Math.floor(random() * 1000),
      tags: [pick(['remote', 'hybrid', 'onsite']), pick(['senior', 'junior', 'mid'])],
      description: `A ${pick(TITLES)} role working with ${pick(['TypeScript', 'Go', 'Python', 'Kotlin'])} and ${pick(['PostgreSQL', 'Kubernetes', 'React', 'AWS'])}.`,
    });
  }
  return jobs;
}

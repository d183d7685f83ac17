// Small factories for documents of every collection, with the fields a caller writes (the database
// stamps createdAt, updatedAt and deviceId).
import { randomUUID } from 'node:crypto';
import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { FakeClock } from '../../../src/main/core/clock.js';
import type { AppDocuments, CollectionName } from '../../../src/main/core/db/collections.js';
import { createAppDatabase, type AppDatabase } from '../../../src/main/core/db/database.js';
import { silentLog } from '../../../src/main/core/log.js';
import type { Unstamped } from '../../../src/main/core/db/write-stamp.js';

export type NewDocument<K extends CollectionName> = Unstamped<AppDocuments[K]>;

const id = () => randomUUID();

export function makeJob(overrides: Partial<NewDocument<'jobs'>> = {}): NewDocument<'jobs'> {
  return {
    id: id(),
    title: 'Backend Engineer',
    description: 'Build and run our Node.js services.',
    requiredSkills: ['TypeScript', 'Node.js'],
    niceToHaveSkills: ['Kubernetes'],
    salaryMin: 50_000,
    salaryMax: 70_000,
    salaryCurrency: 'EUR',
    company: 'Acme',
    location: 'Lisbon',
    remote: false,
    tags: ['backend'],
    status: 'open',
    autoAnalyze: false,
    ...overrides,
  };
}

export const SAMPLE_DOCUMENTS: { [K in CollectionName]: () => NewDocument<K> } = {
  users: () => ({
    id: id(),
    username: 'ana',
    email: 'ana@example.com',
    role: 'recruiter',
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo',
    disabled: false,
    tokenVersion: 0,
  }),
  jobs: () => makeJob(),
  candidates: () => ({
    id: id(),
    name: 'João Silva',
    emails: ['joao@example.com'],
    primaryEmail: 'joao@example.com',
    phones: ['+351 912 345 678'],
    primaryPhone: '351912345678',
    links: [{ kind: 'github', url: 'https://github.com/joao' }],
    tags: [],
    skills: ['TypeScript'],
    yearsOfExperience: 6,
  }),
  resumes: () => ({
    id: id(),
    candidateId: '',
    fileName: 'joao-silva.pdf',
    sha256: 'a'.repeat(64),
    size: 48_213,
    status: 'parsed',
    pageCount: 2,
    text: 'João Silva\fExperience',
    profile: { basics: { name: 'João Silva', email: 'joao@example.com' }, work: [{ name: 'Acme', position: 'Dev' }] },
  }),
  applications: () => ({
    id: id(),
    jobId: id(),
    candidateId: id(),
    status: 'screening',
    history: [
      { at: 1_700_000_000_000, by: 'user-1', to: 'applied' },
      { at: 1_700_000_100_000, by: 'user-1', from: 'applied', to: 'screening', note: 'Looks good' },
    ],
  }),
  analyses: () => ({
    id: id(),
    resumeId: id(),
    jobId: '',
    provider: 'mock',
    model: 'offline-v1',
    promptVersion: '2025-01',
    blind: false,
    status: 'completed',
    cacheKey: 'b'.repeat(64),
    result: {
      scores: { technical: 80, soft: 60, experience: 70, education: 50, overall: 72 },
      skills: ['TypeScript'],
      yearsOfExperience: 6,
      educationLevel: 'bachelor',
      strengths: [{ point: 'Strong TypeScript', evidence: '6 years of TypeScript' }],
      concerns: [],
      summary: 'A solid backend profile.',
    },
  }),
  interviews: () => ({
    id: id(),
    candidateName: 'João Silva',
    candidateEmail: 'joao@example.com',
    interviewerName: 'Ana',
    jobTitle: 'Backend Engineer',
    topic: 'Interview: Backend Engineer',
    startsAt: 1_800_000_000_000,
    durationMinutes: 45,
    timezone: 'Europe/Lisbon',
    status: 'scheduled',
  }),
  emails: () => ({
    id: id(),
    to: ['joao@example.com'],
    subject: 'Your interview',
    html: '<p>Hello</p>',
    status: 'queued',
    attempts: 0,
  }),
  email_templates: () => ({
    id: id(),
    key: 'interview-invitation',
    name: 'Interview invitation',
    subject: 'Interview for {{job_title}}',
    html: '<p>{{candidate_name}}</p>',
    variables: ['job_title', 'candidate_name'],
    builtIn: true,
  }),
  activities: () => ({
    id: id(),
    actorId: 'user-1',
    action: 'job.created',
    subjectType: 'job',
    subjectId: id(),
    summary: 'Created job Backend Engineer',
    at: 1_700_000_000_000,
  }),
  tasks: () => ({
    id: id(),
    type: 'resume.parse',
    payload: { resumeId: 'r1' },
    status: 'queued',
    attempts: 0,
    maxAttempts: 5,
    runAt: 1_700_000_000_000,
    priority: 0,
    needsNetwork: false,
  }),
  settings: () => ({ id: id(), key: 'analysis.defaultProvider', value: 'mock' }),
};

export const uniqueDatabaseName = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export interface TestDatabase {
  db: AppDatabase;
  clock: FakeClock;
  deviceId: string;
}

/** A dev-mode app database on RxDB's memory storage, with a fake clock. */
export async function openTestDatabase(
  options: { deviceId?: string; storage?: RxStorage<unknown, unknown>; name?: string } = {},
): Promise<TestDatabase> {
  const clock = new FakeClock();
  const deviceId = options.deviceId ?? 'device-a';
  const db = await createAppDatabase({
    storage: options.storage ?? getRxStorageMemory(),
    name: options.name ?? uniqueDatabaseName('test'),
    deviceId,
    devMode: true,
    log: silentLog,
    clock,
  });
  return { db, clock, deviceId };
}

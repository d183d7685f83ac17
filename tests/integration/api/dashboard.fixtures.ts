// A small dataset for the dashboard statistics, written straight into the collections, with the
// expectations computed by hand in the comments. The test clock reads 2026-11-25T12:00Z.
//
// Applications sit around the end of summer time in Europe/Lisbon (2026-10-25 02:00 WEST → 01:00
// WET, a 25-hour day) and around midnight UTC.
import type { AppDatabase } from '../../../src/main/core/db/database.js';
import { unstamped, type Unstamped } from '../../../src/main/core/db/write-stamp.js';
import type { Application, ApplicationStatus } from '../../../src/shared/schemas/application.js';
import { primaryPhoneOf, type Candidate } from '../../../src/shared/schemas/candidate.js';
import type { Job } from '../../../src/shared/schemas/job.js';
import { makeJob } from '../db/factories.js';

export const at = (iso: string) => Date.parse(iso);

export function makeCandidate(id: string, name: string, overrides: Partial<Unstamped<Candidate>> = {}): Unstamped<Candidate> {
  const email = `${id}@example.com`;
  const candidate = { id, name, emails: [email], primaryEmail: email, phones: [], links: [], tags: [], skills: [], ...overrides };
  return { ...candidate, primaryPhone: primaryPhoneOf(candidate.phones) };
}

export function makeApplication(
  id: string,
  jobId: string,
  candidateId: string,
  status: ApplicationStatus,
  createdAtIso: string,
  overrides: Partial<Unstamped<Application>> = {},
): Unstamped<Application> {
  const createdAt = at(createdAtIso);
  return {
    id,
    jobId,
    candidateId,
    status,
    history: [{ at: createdAt, by: 'user-seed', to: status }],
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

const job = (id: string, title: string, location: string, status: Job['status'], createdAtIso: string) =>
  makeJob({ id, title, location, status, company: `${location} Co`, createdAt: at(createdAtIso), updatedAt: at(createdAtIso) });

// 6 jobs in 3 locations: Lisbon 3 (2 open), Porto 2 (1 open), Berlin 1 (1 open).
export const JOBS = [
  job('j1', 'Backend Engineer', 'Lisbon', 'open', '2026-09-01T09:00:00Z'),
  job('j2', 'Frontend Engineer', 'Lisbon', 'open', '2026-09-02T09:00:00Z'),
  job('j3', 'Data Analyst', 'Porto', 'open', '2026-09-03T09:00:00Z'),
  job('j4', 'QA Engineer', 'Porto', 'closed', '2026-09-04T09:00:00Z'),
  job('j5', 'Designer', 'Berlin', 'open', '2026-09-05T09:00:00Z'),
  job('j6', 'Product Manager', ' Lisbon ', 'closed', '2026-09-06T09:00:00Z'),
];

export const CANDIDATES = [
  makeCandidate('c1', 'Ana Costa'),
  makeCandidate('c2', 'Bruno Dias'),
  makeCandidate('c3', 'Carla Reis'),
  makeCandidate('c4', 'Duarte Lima'),
  makeCandidate('c5', 'Eva Matos'),
];

// Lisbon days: Oct 23 = [22T23:00Z, 23T23:00Z), Oct 24 = [23T23:00Z, 24T23:00Z),
// Oct 25 = [24T23:00Z, 26T00:00Z) (25 hours), Oct 26 = [26T00:00Z, 27T00:00Z).
export const APPLICATIONS = [
  makeApplication('a1', 'j1', 'c1', 'applied', '2026-10-23T22:30:00Z'), //      Lisbon 23 · UTC 23 · New York 23
  makeApplication('a2', 'j1', 'c2', 'screening', '2026-10-23T23:30:00Z'), //    Lisbon 24 · UTC 23 · New York 23
  makeApplication('a3', 'j1', 'c3', 'interview', '2026-10-24T22:59:59.999Z'), // Lisbon 24 · UTC 24 · New York 24
  makeApplication('a4', 'j2', 'c1', 'hired', '2026-10-24T23:00:00Z'), //        Lisbon 25 · UTC 24 · New York 24
  makeApplication('a5', 'j2', 'c2', 'rejected', '2026-10-25T00:30:00Z'), //     Lisbon 25 (01:30 WEST) · UTC 25 · New York 24
  makeApplication('a6', 'j3', 'c1', 'applied', '2026-10-25T01:30:00Z'), //      Lisbon 25 (01:30 WET) · UTC 25 · New York 24
  makeApplication('a7', 'j3', 'c4', 'offer', '2026-10-25T23:30:00Z'), //        Lisbon 25 · UTC 25 · New York 25
  makeApplication('a8', 'j1', 'c4', 'applied', '2026-10-26T00:00:00Z'), //      Lisbon 26 · UTC 26 · New York 25
  makeApplication('a9', 'j5', 'c2', 'withdrawn', '2026-11-10T10:00:00Z'),
  makeApplication('a10', 'j1', 'c5', 'hired', '2026-11-20T09:00:00Z'),
  makeApplication('a11', 'j2', 'c3', 'applied', '2026-11-24T23:30:00Z'),
  makeApplication('a12', 'j5', 'c1', 'screening', '2026-11-25T11:00:00Z'),
];

/** bulkInsert reports failures instead of throwing; a fixture that did not land must fail the test. */
export async function insertAll<T>(collection: { bulkInsert(docs: T[]): Promise<{ error: unknown[] }> }, docs: T[]): Promise<void> {
  const { error } = await collection.bulkInsert(docs);
  if (error.length > 0) throw new Error(`fixture insert failed: ${JSON.stringify(error[0])}`);
}

export async function seedDashboardData(db: AppDatabase): Promise<void> {
  await insertAll(db.jobs, JOBS.map((j) => unstamped<Job>(j)));
  await insertAll(db.candidates, CANDIDATES.map((c) => unstamped<Candidate>(c)));
  await insertAll(db.applications, APPLICATIONS.map((a) => unstamped<Application>(a)));
}

// Small factories for the candidates and applications API tests: request bodies, and documents
// other features own (jobs, résumés) written straight to the database.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import type { ApplicationOut } from '../../../src/shared/api/applications.js';
import type { CandidateCreateBody } from '../../../src/shared/api/candidates.js';
import type { Candidate } from '../../../src/shared/schemas/candidate.js';
import type { Job } from '../../../src/shared/schemas/job.js';
import type { Resume } from '../../../src/shared/schemas/resume.js';
import type { TestApi } from '../../support/api-harness.js';

let serial = 0;

export function makeCandidateBody(overrides: Partial<CandidateCreateBody> = {}): CandidateCreateBody {
  serial++;
  return {
    name: `Candidate ${serial}`,
    emails: [`candidate${serial}@example.com`],
    phones: ['+351 912 345 678'],
    location: 'Lisbon',
    links: [{ kind: 'github', url: `https://github.com/candidate${serial}` }],
    tags: ['backend'],
    notes: 'Met at a meetup.',
    source: 'referral',
    skills: ['TypeScript', 'Node.js'],
    ...overrides,
  };
}

export async function insertJob(api: TestApi, overrides: Partial<Job> = {}): Promise<Job> {
  const doc = await api.db.jobs.insert(
    unstamped<Job>({
      id: randomUUID(),
      title: 'Backend Engineer',
      description: 'Build and run our Node.js services.',
      requiredSkills: ['TypeScript'],
      niceToHaveSkills: [],
      company: 'Acme',
      location: 'Lisbon',
      remote: false,
      tags: [],
      status: 'open',
      autoAnalyze: false,
      ...overrides,
    }),
  );
  return doc.toMutableJSON();
}

export async function insertResume(api: TestApi, candidateId: string): Promise<Resume> {
  const doc = await api.db.resumes.insert(
    unstamped<Resume>({ id: randomUUID(), candidateId, fileName: 'cv.pdf', sha256: 'a'.repeat(64), size: 1000, status: 'parsed' }),
  );
  return doc.toMutableJSON();
}

/** A candidate created through the API by a staff token. */
export async function createCandidate(api: TestApi, token: string, overrides: Partial<CandidateCreateBody> = {}): Promise<Candidate> {
  const response = await api.as(token, { method: 'POST', url: '/api/v1/candidates', payload: makeCandidateBody(overrides) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Candidate>();
}

/** A candidate account with its own candidate record, as registration makes one. */
export async function signInCandidate(api: TestApi, name = 'Ana Costa') {
  serial++;
  const record = await api.features.services.candidates.createForAccount('system', { name, email: `self${serial}@example.com` });
  const account = await api.signIn('candidate', { candidateId: record.id });
  return { ...account, candidate: record };
}

/** A staff application of the candidate to the job, through the API. */
export async function addApplication(api: TestApi, token: string, jobId: string, candidateId: string): Promise<ApplicationOut> {
  const response = await api.as(token, { method: 'POST', url: '/api/v1/applications', payload: { job_id: jobId, candidate_id: candidateId } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ApplicationOut>();
}

/** The activities about one subject, oldest first (advance the clock between changes to order them). */
export async function activitiesFor(api: TestApi, subjectId: string) {
  const docs = await api.db.activities.find({ selector: { subjectId }, sort: [{ at: 'asc' }, { id: 'asc' }] }).exec();
  return docs.map((d) => d.toMutableJSON());
}

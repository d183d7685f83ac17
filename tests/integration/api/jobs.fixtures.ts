// Small factories and helpers for the jobs API tests.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import type { JobCreateBody, JobOut } from '../../../src/shared/api/jobs.js';
import type { Activity } from '../../../src/shared/schemas/activity.js';
import type { Application } from '../../../src/shared/schemas/application.js';
import type { TestApi } from '../../support/api-harness.js';

export const JOBS_URL = '/api/v1/jobs';

export function makeJobBody(overrides: Partial<JobCreateBody> = {}): JobCreateBody {
  return {
    title: 'Backend Engineer',
    description: 'Build and run our Node.js services.',
    requiredSkills: ['TypeScript', 'Node.js'],
    niceToHaveSkills: ['Kubernetes'],
    salaryMin: 50_000,
    salaryMax: 70_000,
    salaryCurrency: 'EUR',
    company: 'Acme',
    location: 'Lisbon, Portugal',
    remote: false,
    tags: ['backend'],
    status: 'open',
    autoAnalyze: false,
    ...overrides,
  };
}

/** A job created through the API. */
export async function createJob(api: TestApi, token: string, overrides: Partial<JobCreateBody> = {}): Promise<JobOut> {
  const response = await api.as(token, { method: 'POST', url: JOBS_URL, payload: makeJobBody(overrides) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<JobOut>();
}

/** An application to `jobId`, written straight to the database (the applications feature's collection). */
export async function insertApplication(api: TestApi, jobId: string): Promise<Application> {
  const doc = await api.db.applications.insert(
    unstamped<Application>({ id: randomUUID(), jobId, candidateId: randomUUID(), status: 'applied', history: [] }),
  );
  return doc.toMutableJSON();
}

export async function activitiesFor(api: TestApi, subjectId: string): Promise<Activity[]> {
  const docs = await api.db.activities.find({ selector: { subjectId }, sort: [{ at: 'asc' }, { id: 'asc' }] }).exec();
  return docs.map((doc) => doc.toMutableJSON());
}

/** GET /jobs with a query string built from `query`; asserts 200 and returns the page. */
export async function listJobs(
  api: TestApi,
  token: string,
  query: Record<string, string | number | boolean> = {},
): Promise<{ items: JobOut[]; total: number; limit: number; skip: number }> {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  const response = await api.as(token, { method: 'GET', url: `${JOBS_URL}?${search.toString()}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

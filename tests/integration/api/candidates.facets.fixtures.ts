// Factories for the candidate facet tests: analyses of a candidate's résumé written as the analysis
// executor leaves them (a completed one carries the scores), and list calls through HTTP.
import { expect } from 'vitest';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import type { CandidatePage } from '../../../src/shared/api/candidates.js';
import type { Analysis } from '../../../src/shared/schemas/analysis.js';
import type { Static } from 'typebox';
import type { TestApi } from '../../support/api-harness.js';
import { SAMPLE_DOCUMENTS } from '../db/factories.js';
import { insertResume } from './candidates.fixtures.js';

export type ListPage = Static<typeof CandidatePage>;

/** An analysis of the résumé with this overall score (only a completed one counts towards the best score). */
export async function insertAnalysis(api: TestApi, resumeId: string, overall: number, status: Analysis['status'] = 'completed'): Promise<Analysis> {
  const sample = SAMPLE_DOCUMENTS.analyses();
  const result = sample.result && { ...sample.result, scores: { ...sample.result.scores, overall } };
  const doc = await api.db.analyses.insert(unstamped<Analysis>({ ...sample, resumeId, status, result, completedAt: api.clock.now() }));
  return doc.toMutableJSON();
}

/** A new résumé of the candidate with one completed analysis scoring `overall`. */
export async function scoreCandidate(api: TestApi, candidateId: string, overall: number): Promise<Analysis> {
  const resume = await insertResume(api, candidateId);
  return insertAnalysis(api, resume.id, overall);
}

export async function listCandidates(api: TestApi, token: string, query: string): Promise<ListPage> {
  const response = await api.as(token, { method: 'GET', url: `/api/v1/candidates${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ListPage>();
}

export const namesOf = (page: ListPage) => page.items.map((c) => c.name);

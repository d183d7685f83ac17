// A facet-filtered or best-score candidate list keeps its ordered ids between page requests; any
// write that can change the answer (a candidate created, edited or deleted, an application's status,
// an analysis completing) shows up on the very next page request.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ApplicationStatus } from '../../../src/shared/schemas/application.js';
import type { Candidate } from '../../../src/shared/schemas/candidate.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { addApplication, createCandidate, insertJob, insertResume } from './candidates.fixtures.js';
import { insertAnalysis, listCandidates, namesOf, scoreCandidate } from './candidates.facets.fixtures.js';

let api: TestApi;
let staff: string;
let people: Candidate[];

beforeEach(async () => {
  api = await createTestApi();
  staff = (await api.signIn('recruiter')).token;
  people = [];
  for (const [name, score] of [['Ana', 40], ['Bea', 70], ['Caio', 55], ['Duda', 90]] as const) {
    const candidate = await createCandidate(api, staff, { name });
    await scoreCandidate(api, candidate.id, score);
    people.push(candidate);
  }
});
afterEach(() => api.close());

const list = (query: string) => listCandidates(api, staff, query);
const byScore = (skip: number) => list(`?sort=bestScore&limit=2&skip=${skip}`);
const noApplication = (skip: number) => list(`?status=none&sort=name&order=asc&limit=2&skip=${skip}`);
const person = (index: number) => people[index] as Candidate;

async function setStatus(applicationId: string, status: ApplicationStatus) {
  const response = await api.as(staff, { method: 'PATCH', url: `/api/v1/applications/${applicationId}`, payload: { status } });
  expect(response.statusCode, response.body).toBe(200);
}

it('pages through the list in one order, whichever page is asked first', async () => {
  const second = await byScore(2);
  const first = await byScore(0);
  expect([namesOf(first), namesOf(second), first.total, second.total]).toEqual([['Duda', 'Bea'], ['Caio', 'Ana'], 4, 4]);
});

it('shows a candidate created between two pages', async () => {
  expect(namesOf(await noApplication(0))).toEqual(['Ana', 'Bea']);
  await createCandidate(api, staff, { name: 'Abel' });
  const next = await noApplication(2);
  expect([namesOf(next), next.total]).toEqual([['Bea', 'Caio'], 5]);
});

it('shows a candidate renamed between two pages in its new place, with its new name', async () => {
  expect(namesOf(await noApplication(0))).toEqual(['Ana', 'Bea']);
  const response = await api.as(staff, { method: 'PATCH', url: `/api/v1/candidates/${person(0).id}`, payload: { name: 'Zeca' } });
  expect(response.statusCode, response.body).toBe(200);
  expect(namesOf(await noApplication(2))).toEqual(['Duda', 'Zeca']);
});

it('leaves out a candidate deleted between two pages', async () => {
  expect(namesOf(await byScore(0))).toEqual(['Duda', 'Bea']);
  expect((await api.as(staff, { method: 'DELETE', url: `/api/v1/candidates/${person(1).id}` })).statusCode).toBe(200);
  const next = await byScore(0);
  expect([namesOf(next), next.total]).toEqual([['Duda', 'Caio'], 3]);
});

it('follows an application added and its status changed between pages', async () => {
  expect((await noApplication(0)).total).toBe(4);
  const application = await addApplication(api, staff, (await insertJob(api)).id, person(0).id);
  const next = await noApplication(0);
  expect([namesOf(next), next.total]).toEqual([['Bea', 'Caio'], 3]);

  expect(namesOf(await list('?status=applied&min_score=0'))).toEqual(['Ana']);
  await setStatus(application.id, 'offer');
  expect((await list('?status=applied&min_score=0')).total).toBe(0);
  expect((await list('?status=offer&min_score=0')).items.map((c) => [c.name, c.applicationStatuses])).toEqual([['Ana', ['offer']]]);
});

it('follows an analysis that completes between pages', async () => {
  expect(namesOf(await byScore(0))).toEqual(['Duda', 'Bea']);
  const running = await insertAnalysis(api, (await insertResume(api, person(0).id)).id, 99, 'running');
  expect(namesOf(await byScore(0))).toEqual(['Duda', 'Bea']);

  await (await api.db.analyses.findOne(running.id).exec())?.incrementalPatch({ status: 'completed' });
  const next = await byScore(0);
  expect(next.items.map((c) => [c.name, c.bestScore])).toEqual([['Ana', 99], ['Duda', 90]]);
  expect((await list('?min_score=95')).total).toBe(1);
});

it('keeps every list right when more lists are scrolled than it keeps', async () => {
  const queries = ['?min_score=50', '?min_score=60', '?min_score=80', '?max_score=60', '?status=none&min_score=0', '?sort=bestScore&order=asc'];
  const first = await Promise.all(queries.map((q) => list(`${q}&limit=1`)));
  await scoreCandidate(api, person(0).id, 85);
  const again = await Promise.all(queries.map((q) => list(`${q}&limit=1`)));
  expect(first.map((page) => page.total)).toEqual([3, 2, 1, 2, 4, 4]);
  expect(again.map((page) => page.total)).toEqual([4, 3, 2, 1, 4, 4]);
  expect(namesOf(again[5] as (typeof again)[number])).toEqual(['Caio']);
});

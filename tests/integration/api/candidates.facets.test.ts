// Listing candidates by application status and best analysis score through HTTP: the filters, their
// combination with the record filters, paging, sorting by score, and changes seen by the next call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationStatus } from '../../../src/shared/schemas/application.js';
import type { Candidate } from '../../../src/shared/schemas/candidate.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { addApplication, createCandidate, insertJob, insertResume } from './candidates.fixtures.js';
import { insertAnalysis, listCandidates, namesOf, scoreCandidate } from './candidates.facets.fixtures.js';

let api: TestApi;
let staff: string;

beforeEach(async () => {
  api = await createTestApi();
  staff = (await api.signIn('recruiter')).token;
});
afterEach(() => api.close());

const list = (query: string) => listCandidates(api, staff, query);

async function setStatus(applicationId: string, status: ApplicationStatus) {
  const response = await api.as(staff, { method: 'PATCH', url: `/api/v1/applications/${applicationId}`, payload: { status } });
  expect(response.statusCode, response.body).toBe(200);
}

async function apply(candidate: Candidate, status: ApplicationStatus = 'applied') {
  const application = await addApplication(api, staff, (await insertJob(api)).id, candidate.id);
  if (status !== 'applied') await setStatus(application.id, status);
  return application;
}

describe('filtering by application status', () => {
  it('finds candidates with an application in the status, and `none` those with no application', async () => {
    const ana = await createCandidate(api, staff, { name: 'Ana' });
    const bea = await createCandidate(api, staff, { name: 'Bea' });
    await createCandidate(api, staff, { name: 'Caio' });
    await apply(ana, 'screening');
    await apply(ana);
    await apply(bea);

    expect(namesOf(await list('?status=screening&sort=name&order=asc'))).toEqual(['Ana']);
    expect(namesOf(await list('?status=applied&sort=name&order=asc'))).toEqual(['Ana', 'Bea']);
    const none = await list('?status=none');
    expect([namesOf(none), none.total]).toEqual([['Caio'], 1]);
    expect(none.items[0]?.applicationStatuses).toEqual([]);
    const all = await list('?sort=name&order=asc');
    expect(all.items.map((c) => c.applicationStatuses)).toEqual([['applied', 'screening'], ['applied'], []]);
  });

  it('refuses a status that is neither an application status nor `none`', async () => {
    expect((await api.as(staff, { method: 'GET', url: '/api/v1/candidates?status=archived' })).statusCode).toBe(400);
  });
});

describe('filtering by best score', () => {
  it('keeps both bounds inclusive, uses the best completed analysis, and leaves out candidates never analysed', async () => {
    const scores = { Ana: 30, Bea: 60, Caio: 90 };
    for (const [name, score] of Object.entries(scores)) await scoreCandidate(api, (await createCandidate(api, staff, { name })).id, score);
    const bea = (await list('?q=Bea')).items[0];
    // A failed analysis and a lower completed one of another résumé change nothing.
    const other = await insertResume(api, bea?.id ?? '');
    await insertAnalysis(api, other.id, 99, 'failed');
    await insertAnalysis(api, other.id, 10);
    await createCandidate(api, staff, { name: 'Dora' });

    expect(namesOf(await list('?min_score=60&sort=name&order=asc'))).toEqual(['Bea', 'Caio']);
    expect(namesOf(await list('?max_score=60&sort=name&order=asc'))).toEqual(['Ana', 'Bea']);
    expect(namesOf(await list('?min_score=60&max_score=60'))).toEqual(['Bea']);
    expect(namesOf(await list('?min_score=0&max_score=100&sort=name&order=asc'))).toEqual(['Ana', 'Bea', 'Caio']);
    const all = await list('?sort=name&order=asc');
    expect(all.items.map((c) => [c.name, c.bestScore])).toEqual([...Object.entries(scores), ['Dora', undefined]]);
    expect(all.items.find((c) => c.name === 'Dora')).not.toHaveProperty('bestScore');
  });

  it('answers 400 naming min_score when it is above max_score, and 400 for a score outside 0–100', async () => {
    const response = await api.as(staff, { method: 'GET', url: '/api/v1/candidates?min_score=70&max_score=40' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION', details: { field: 'min_score' } } });
    expect(response.json().error.message).toMatch(/min_score.*max_score/);
    for (const query of ['min_score=-1', 'max_score=101', 'min_score=high']) {
      expect((await api.as(staff, { method: 'GET', url: `/api/v1/candidates?${query}` })).statusCode, query).toBe(400);
    }
  });

  it('sorts by best score, candidates never analysed last in either order', async () => {
    for (const [name, score] of [['Ana', 50], ['Bea', undefined], ['Caio', 80], ['Dora', 20]] as const) {
      const candidate = await createCandidate(api, staff, { name });
      if (score !== undefined) await scoreCandidate(api, candidate.id, score);
    }
    expect(namesOf(await list('?sort=bestScore&order=desc'))).toEqual(['Caio', 'Ana', 'Dora', 'Bea']);
    expect(namesOf(await list('?sort=bestScore&order=asc'))).toEqual(['Dora', 'Ana', 'Caio', 'Bea']);
    expect(namesOf(await list('?sort=bestScore&order=desc&min_score=30&limit=1&skip=1'))).toEqual(['Ana']);
  });
});

describe('combining filters and paging', () => {
  it('applies status, score, q and skill together, with a total of every match and pages in order', async () => {
    const spec = [
      ['Ana Go', 'Go', 'interview', 85],
      ['Bea Go', 'Go', 'interview', 40],
      ['Caio Go', 'Go', 'offer', 90],
      ['Dora Go', 'Go', 'interview', 75],
      ['Eva Go', 'Go', 'interview', 95],
      ['Fabio Rust', 'Rust', 'interview', 88],
      ['Gil Go', 'Go', undefined, 99],
    ] as const;
    for (const [name, skill, status, score] of spec) {
      const candidate = await createCandidate(api, staff, { name, skills: [skill] });
      if (status) await apply(candidate, status);
      await scoreCandidate(api, candidate.id, score);
    }
    const expected = spec.filter(([, skill, status, score]) => skill === 'Go' && status === 'interview' && score >= 70).map(([name]) => name).sort();

    const first = await list('?status=interview&min_score=70&skill=go&sort=name&order=asc&limit=2');
    expect([namesOf(first), first.total]).toEqual([expected.slice(0, 2), expected.length]);
    const second = await list('?status=interview&min_score=70&skill=go&sort=name&order=asc&limit=2&skip=2');
    expect([namesOf(second), second.total, second.skip]).toEqual([expected.slice(2, 4), expected.length, 2]);
    expect(namesOf(await list('?status=interview&min_score=70&q=eva'))).toEqual(['Eva Go']);
    expect(namesOf(await list('?status=none&skill=go'))).toEqual(['Gil Go']);
  });
});

describe('changes seen by the next list call', () => {
  it('follows a status change, a deleted application and a new analysis', async () => {
    const ana = await createCandidate(api, staff, { name: 'Ana' });
    const application = await apply(ana);
    expect(namesOf(await list('?status=applied'))).toEqual(['Ana']);

    await setStatus(application.id, 'interview');
    expect(namesOf(await list('?status=applied'))).toEqual([]);
    expect((await list('?status=interview')).items[0]?.applicationStatuses).toEqual(['interview']);

    // No route deletes one application; a delete arriving by replication lands in the database like this.
    await (await api.db.applications.findOne(application.id).exec())?.remove();
    expect(namesOf(await list('?status=interview'))).toEqual([]);
    expect(namesOf(await list('?status=none'))).toEqual(['Ana']);

    expect(namesOf(await list('?min_score=50'))).toEqual([]);
    const analysis = await scoreCandidate(api, ana.id, 64);
    expect((await list('?min_score=50')).items.map((c) => c.bestScore)).toEqual([64]);

    await (await api.db.analyses.findOne(analysis.id).exec())?.remove();
    expect((await list('?min_score=50')).total).toBe(0);
  });
});

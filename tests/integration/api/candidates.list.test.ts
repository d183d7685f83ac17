// Listing candidates through HTTP: search, filters, sorting and paging.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Candidate } from '../../../src/shared/schemas/candidate.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { createCandidate } from './candidates.fixtures.js';

let api: TestApi;
let staff: string;

beforeEach(async () => {
  api = await createTestApi();
  staff = (await api.signIn('admin')).token;
});
afterEach(() => api.close());

interface CandidatePage {
  items: Candidate[];
  total: number;
  limit: number;
  skip: number;
}

async function list(query: string): Promise<CandidatePage> {
  const response = await api.as(staff, { method: 'GET', url: `/api/v1/candidates${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CandidatePage>();
}
const names = (page: CandidatePage) => page.items.map((c) => c.name);

/** Three candidates created one second apart: Carla, then Bruno, then Alice. */
async function seedThree() {
  await createCandidate(api, staff, { name: 'Carla Mendes', emails: ['carla@acme.io'], tags: ['Backend', 'senior'], skills: ['Go'], source: 'LinkedIn' });
  api.clock.advance(1000);
  await createCandidate(api, staff, { name: 'Bruno Dias', emails: ['bruno@example.com', 'b.dias@acme.io'], tags: ['frontend'], skills: ['React', 'TypeScript'], source: 'referral' });
  api.clock.advance(1000);
  await createCandidate(api, staff, { name: 'Alice Rocha', emails: ['alice@example.com'], tags: ['backend'], skills: ['typescript'], source: 'referral' });
}

describe('listing candidates', () => {
  it('returns the newest first by default with the total and the paging used', async () => {
    await seedThree();
    const page = await list('');
    expect(names(page)).toEqual(['Alice Rocha', 'Bruno Dias', 'Carla Mendes']);
    expect(page).toMatchObject({ total: 3, limit: 20, skip: 0 });
  });

  it('sorts by name or creation time in either order', async () => {
    await seedThree();
    expect(names(await list('?sort=name&order=asc'))).toEqual(['Alice Rocha', 'Bruno Dias', 'Carla Mendes']);
    expect(names(await list('?sort=name&order=desc'))).toEqual(['Carla Mendes', 'Bruno Dias', 'Alice Rocha']);
    expect(names(await list('?sort=createdAt&order=asc'))).toEqual(['Carla Mendes', 'Bruno Dias', 'Alice Rocha']);
  });

  it('pages with limit and skip, keeping the total', async () => {
    await seedThree();
    const second = await list('?sort=name&order=asc&limit=2&skip=2');
    expect(names(second)).toEqual(['Carla Mendes']);
    expect(second).toMatchObject({ total: 3, limit: 2, skip: 2 });
    const pastEnd = await list('?skip=50');
    expect(pastEnd).toMatchObject({ items: [], total: 3, skip: 50 });
  });

  it.each(['limit=0', 'limit=101', 'skip=-1', 'limit=abc', 'sort=email', 'order=up', 'color=red'])('rejects %s with 400', async (query) => {
    const response = await api.as(staff, { method: 'GET', url: `/api/v1/candidates?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION');
  });
});

describe('searching candidates', () => {
  it('finds q in the name or any e-mail, ignoring case, and counts only the matches', async () => {
    await seedThree();
    const byName = await list('?q=ROCHA');
    expect(names(byName)).toEqual(['Alice Rocha']);
    expect(byName.total).toBe(1);
    expect(names(await list('?q=acme.io&sort=name&order=asc'))).toEqual(['Bruno Dias', 'Carla Mendes']);
    expect((await list('?q=nobody')).total).toBe(0);
  });

  it('treats regular-expression characters and operator-looking text in q as literal text', async () => {
    await seedThree();
    await createCandidate(api, staff, { name: 'Dot.Star (Test)', emails: [] });
    expect(names(await list(`?q=${encodeURIComponent('.*')}`))).toEqual([]);
    expect(names(await list(`?q=${encodeURIComponent('t.s')}`))).toEqual(['Dot.Star (Test)']);
    expect(names(await list(`?q=${encodeURIComponent('(Test')}`))).toEqual(['Dot.Star (Test)']);
    expect((await list(`?q=${encodeURIComponent('{"$gt":""}')}`)).total).toBe(0);
    const bracket = await api.as(staff, { method: 'GET', url: '/api/v1/candidates?q[$gt]=' });
    // Brackets are not parsed into objects: `q[$gt]` is just an unknown parameter.
    expect(bracket.statusCode).toBe(400);
  });

  it('filters by tag, skill and source, each exact but case-insensitive, and combines filters', async () => {
    await seedThree();
    expect(names(await list('?tag=backend&sort=name&order=asc'))).toEqual(['Alice Rocha', 'Carla Mendes']);
    expect(names(await list('?tag=back'))).toEqual([]);
    expect(names(await list('?skill=TypeScript&sort=name&order=asc'))).toEqual(['Alice Rocha', 'Bruno Dias']);
    expect(names(await list('?source=linkedin'))).toEqual(['Carla Mendes']);
    const combined = await list('?source=referral&tag=backend&skill=typescript');
    expect(names(combined)).toEqual(['Alice Rocha']);
    expect(combined.total).toBe(1);
  });

  it('pages a filtered list with the filtered total', async () => {
    await seedThree();
    const page = await list('?source=referral&limit=1&sort=name&order=asc');
    expect(names(page)).toEqual(['Alice Rocha']);
    expect(page.total).toBe(2);
  });
});

// The two ways the candidate list answers a facet filter (read the few allowed candidates by id, or
// run the sorted query and keep the allowed ones) give the same pages and totals as a model of the
// data, for any mix of status, score range, skill, sort and paging — also when writes land between
// the page requests of lists whose ordered ids are kept.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import { createCandidateLister } from '../../../src/main/core/features/candidates/candidate-list.js';
import { createCandidateFacets, type CandidateFacets } from '../../../src/main/core/features/candidates/facets.js';
import { CANDIDATE_STATUS_FILTERS, type CandidateListQuery } from '../../../src/shared/api/candidates.js';
import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from '../../../src/shared/schemas/application.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { SAMPLE_DOCUMENTS } from '../db/factories.js';
import { createCandidate } from './candidates.fixtures.js';
import { scoreCandidate } from './candidates.facets.fixtures.js';

interface Person {
  id: string;
  name: string;
  skill: string;
  statuses: ApplicationStatus[];
  best: number | undefined;
}

let api: TestApi;
let facets: CandidateFacets;
const people: Person[] = [];

beforeAll(async () => {
  api = await createTestApi();
  const { token } = await api.signIn('recruiter');
  for (let i = 0; i < 24; i++) {
    const name = `Person ${String(i).padStart(2, '0')}`;
    const skill = i % 3 === 0 ? 'Go' : 'Rust';
    const candidate = await createCandidate(api, token, { name, skills: [skill] });
    const statuses: ApplicationStatus[] = i % 4 === 0 ? [] : [APPLICATION_STATUSES[i % APPLICATION_STATUSES.length] ?? 'applied'];
    if (i % 5 === 1) statuses.push('hired');
    for (const status of statuses) {
      await api.db.applications.insert(unstamped<Application>({ ...SAMPLE_DOCUMENTS.applications(), candidateId: candidate.id, status }));
    }
    const scores = i % 3 === 1 ? [] : [(i * 37) % 101, (i * 11) % 50];
    for (const score of scores) await scoreCandidate(api, candidate.id, score);
    people.push({ id: candidate.id, name, skill, statuses, best: scores.length > 0 ? Math.max(...scores) : undefined });
  }
  facets = await createCandidateFacets({ db: api.db });
});
afterAll(async () => {
  facets.close();
  await api.close();
});

/** The page the model says the query should answer. */
function expectedPage(query: CandidateListQuery): { ids: string[]; total: number } {
  const order = query.order ?? 'desc';
  const sign = order === 'asc' ? 1 : -1;
  const byId = (a: Person, b: Person) => sign * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const compare = (a: Person, b: Person): number => {
    if (query.sort === 'name') return a.name === b.name ? byId(a, b) : sign * (a.name < b.name ? -1 : 1);
    if (query.sort === 'bestScore') {
      if (a.best === b.best) return byId(a, b);
      if (a.best === undefined) return 1;
      if (b.best === undefined) return -1;
      return sign * (a.best - b.best);
    }
    return byId(a, b); // every candidate was created at the same fake-clock instant
  };
  const matches = people
    .filter((p) => query.skill === undefined || p.skill.toLowerCase() === query.skill.toLowerCase())
    .filter((p) => (query.status === undefined ? true : query.status === 'none' ? p.statuses.length === 0 : p.statuses.includes(query.status)))
    .filter((p) => query.min_score === undefined || (p.best !== undefined && p.best >= query.min_score))
    .filter((p) => query.max_score === undefined || (p.best !== undefined && p.best <= query.max_score))
    .sort(compare);
  const skip = query.skip ?? 0;
  return { ids: matches.slice(skip, skip + (query.limit ?? 20)).map((p) => p.id), total: matches.length };
}

const queries = fc
  .record(
    {
      status: fc.constantFrom(...CANDIDATE_STATUS_FILTERS),
      min_score: fc.integer({ min: 0, max: 100 }),
      max_score: fc.integer({ min: 0, max: 100 }),
      skill: fc.constantFrom('go', 'RUST'),
      sort: fc.constantFrom('name', 'createdAt', 'bestScore'),
      order: fc.constantFrom('asc', 'desc'),
      limit: fc.integer({ min: 1, max: 8 }),
      skip: fc.integer({ min: 0, max: 12 }),
    },
    { requiredKeys: ['limit', 'skip'] },
  )
  .filter((q) => q.min_score === undefined || q.max_score === undefined || q.min_score <= q.max_score) as fc.Arbitrary<CandidateListQuery>;

it('answers the same pages and totals as the model, reading by id or through the sorted query', async () => {
  const byId = createCandidateLister({ db: api.db, facets, smallFacetSet: Number.POSITIVE_INFINITY });
  const bySortedQuery = createCandidateLister({ db: api.db, facets, smallFacetSet: 0 });
  await fc.assert(
    fc.asyncProperty(queries, async (query) => {
      const expected = expectedPage(query);
      for (const list of [byId, bySortedQuery]) {
        const page = await list(query);
        expect({ ids: page.items.map((c) => c.id), total: page.total }).toEqual(expected);
      }
    }),
    { numRuns: 80 },
  );
});

it('puts each candidate’s best score and statuses on the items of either path', async () => {
  const bySortedQuery = createCandidateLister({ db: api.db, facets, smallFacetSet: 0 });
  const page = await bySortedQuery({ status: 'hired', sort: 'name', order: 'asc', limit: 100 });
  const hired = people.filter((p) => p.statuses.includes('hired'));
  expect(page.items.map((c) => [c.name, c.bestScore, c.applicationStatuses])).toEqual(
    hired.map((p) => [p.name, p.best, APPLICATION_STATUSES.filter((s) => p.statuses.includes(s))]),
  );
});

const writes = fc.oneof(
  fc.record({ kind: fc.constant('score' as const), person: fc.nat(23), score: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('apply' as const), person: fc.nat(23), status: fc.constantFrom(...APPLICATION_STATUSES) }),
  fc.record({ kind: fc.constant('rename' as const), person: fc.nat(23), name: fc.constantFrom('Aaron', 'Person 11b', 'Zoe') }),
);
type Write = typeof writes extends fc.Arbitrary<infer W> ? W : never;

/** Applies the write to the database and to the model alike. */
async function apply(write: Write): Promise<void> {
  const person = people[write.person] as Person;
  if (write.kind === 'score') {
    await scoreCandidate(api, person.id, write.score);
    person.best = Math.max(person.best ?? write.score, write.score);
  } else if (write.kind === 'apply') {
    await api.db.applications.insert(unstamped<Application>({ ...SAMPLE_DOCUMENTS.applications(), candidateId: person.id, status: write.status }));
    person.statuses.push(write.status);
  } else {
    await (await api.db.candidates.findOne(person.id).exec())?.incrementalPatch({ name: write.name });
    person.name = write.name;
  }
}

it('answers the same pages as the model when writes land between page requests', async () => {
  // Listers kept across runs: their kept ids must follow every write, or a later read goes wrong.
  const listers = [
    createCandidateLister({ db: api.db, facets, smallFacetSet: Number.POSITIVE_INFINITY }),
    createCandidateLister({ db: api.db, facets, smallFacetSet: 0 }),
  ];
  // Reads page through a few wide lists again and again, so kept ids are reused across the writes
  // and most writes change what some list holds or its order.
  const wideLists = fc.record({
    status: fc.constantFrom(...CANDIDATE_STATUS_FILTERS),
    min_score: fc.constantFrom(0, 50),
    sort: fc.constantFrom('name', 'createdAt', 'bestScore'),
    order: fc.constantFrom('asc', 'desc'),
  }, { requiredKeys: [] }) as fc.Arbitrary<CandidateListQuery>;
  const page = fc.record({ list: fc.nat(2), skip: fc.integer({ min: 0, max: 12 }), limit: fc.integer({ min: 1, max: 24 }) });
  const steps = fc.array(fc.oneof(page.map((read) => ({ read })), writes.map((write) => ({ write }))), { minLength: 1, maxLength: 12 });
  await fc.assert(
    fc.asyncProperty(fc.array(wideLists, { minLength: 1, maxLength: 3 }), steps, async (scrolled, interleaved) => {
      for (const step of interleaved) {
        if ('write' in step) {
          await apply(step.write);
          continue;
        }
        const { list: which, ...paging } = step.read;
        const query = { ...scrolled[which % scrolled.length], ...paging };
        const expected = expectedPage(query);
        for (const list of listers) {
          const answer = await list(query);
          expect({ ids: answer.items.map((c) => c.id), total: answer.total }).toEqual(expected);
        }
      }
    }),
    { numRuns: 100 },
  );
});

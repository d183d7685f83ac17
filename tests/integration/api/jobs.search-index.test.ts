// The in-memory search index gives exactly what a plain scan of every job gives: for random jobs,
// random edits (in order, repeated or stale) and random queries, directly on the catalogue and
// through HTTP on jobs written straight to the database, where only the change stream tells the
// index about them.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobCatalogue } from '../../../src/main/core/features/jobs/job-catalogue.js';
import { keywordTerms, locationKey } from '../../../src/main/core/features/jobs/search-text.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import type { Job } from '../../../src/shared/schemas/job.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { JOBS_URL, listJobs } from './jobs.fixtures.js';
import { jobFieldsArb, queryArb, searchByScan, toJob, type GeneratedFields, type SearchQuery } from './jobs.search-oracle.js';

const IDS = Array.from({ length: 12 }, (_, i) => `job-${String(i).padStart(2, '0')}`);

type Operation =
  | { kind: 'put'; id: string; fields: GeneratedFields }
  | { kind: 'delete'; id: string }
  | { kind: 'replay'; id: string; back: number }
  | { kind: 'query'; query: SearchQuery };

const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('put' as const), id: fc.constantFrom(...IDS), fields: jobFieldsArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom(...IDS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), id: fc.constantFrom(...IDS), back: fc.integer({ min: 1, max: 3 }) }) },
  // Searches between changes: the sorted orders they build must then follow every change.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('query' as const), query: queryArb }) },
);

const filterOf = (query: SearchQuery) => ({
  terms: keywordTerms(query.keyword ?? ''),
  location: locationKey(query.location ?? ''),
  ...(query.status ? { status: query.status } : {}),
  ...(query.remote !== undefined ? { remote: query.remote } : {}),
  sort: query.sort,
});

describe('the job catalogue against a plain scan', () => {
  function expectSameAsScan(catalogue: JobCatalogue, current: ReadonlyMap<string, Job>, query: SearchQuery): void {
    const expected = searchByScan([...current.values()], query);
    // Twice: the second answer comes from the result cache and must be the same.
    for (let round = 0; round < 2; round++) {
      const page = catalogue.search(filterOf(query), { limit: query.limit, skip: query.skip });
      expect({ total: page.total, ids: page.items.map((job) => job.id) }).toEqual(expected);
    }
  }

  it('finds the same jobs, in the same order, with the same total, after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(operationArb, { minLength: 1, maxLength: 50 }), fc.array(queryArb, { minLength: 1, maxLength: 6 }), (operations, queries) => {
        const catalogue = new JobCatalogue();
        // What the database would hold: every revision of every job, and the current one.
        const history = new Map<string, { job: Job | undefined; revision: number }[]>();
        const current = new Map<string, Job>();
        for (const op of operations) {
          if (op.kind === 'query') {
            expectSameAsScan(catalogue, current, op.query);
            continue;
          }
          const revisions = history.get(op.id) ?? [];
          const revision = revisions.length + 1;
          if (op.kind === 'put') {
            const job = toJob(op.id, op.fields, op.fields.createdAt + revision);
            revisions.push({ job, revision });
            current.set(op.id, job);
            catalogue.put(structuredClone(job), revision);
          } else if (op.kind === 'delete') {
            revisions.push({ job: undefined, revision });
            current.delete(op.id);
            catalogue.delete(op.id, revision);
          } else {
            // An event seen late (or twice): an older revision must change nothing.
            const old = revisions[revisions.length - op.back];
            if (old?.job) catalogue.put(structuredClone(old.job), old.revision);
            else if (old) catalogue.delete(op.id, old.revision);
          }
          history.set(op.id, revisions);
        }
        expect(catalogue.size).toBe(current.size);
        for (const query of queries) expectSameAsScan(catalogue, current, query);
      }),
      { numRuns: 300 },
    );
  });

  it('stays right after a burst of changes too large to sort into the kept orders one by one', () => {
    const catalogue = new JobCatalogue();
    const current = new Map<string, Job>();
    const queries = fc.sample(queryArb, { numRuns: 20, seed: 3 });
    const jobs = fc.sample(jobFieldsArb, { numRuns: 1500, seed: 11 });
    jobs.slice(0, 100).forEach((fields, i) => {
      const job = toJob(`burst-${i}`, fields);
      current.set(job.id, job);
      catalogue.put(job, 1);
    });
    for (const query of queries) expectSameAsScan(catalogue, current, query);
    jobs.slice(100).forEach((fields, i) => {
      const job = toJob(`burst-${i % 700}`, fields);
      current.set(job.id, job);
      catalogue.put(job, 2 + Math.floor(i / 700));
    });
    for (const query of queries) expectSameAsScan(catalogue, current, query);
  });

  it('counts jobs per location, grouping spellings that differ only in case, accents or spaces', () => {
    const catalogue = new JobCatalogue();
    const base = toJob('x', { title: 'T', description: '', requiredSkills: [], niceToHaveSkills: [], company: '', location: '', remote: false, tags: [], status: 'open', autoAnalyze: false, salary: undefined, createdAt: 1 });
    catalogue.put({ ...base, id: 'a', location: 'Zürich' }, 1);
    catalogue.put({ ...base, id: 'b', location: ' zurich ', status: 'closed' }, 1);
    catalogue.put({ ...base, id: 'c', location: 'Lisbon' }, 1);
    catalogue.put({ ...base, id: 'd', location: '' }, 1);
    expect(catalogue.countByLocation()).toEqual([
      { location: 'Zürich', jobs: 2, openJobs: 1 },
      { location: '', jobs: 1, openJobs: 1 },
      { location: 'Lisbon', jobs: 1, openJobs: 1 },
    ]);
    expect(catalogue.countByStatus()).toEqual({ open: 3, closed: 1 });
  });
});

describe('job search through HTTP against a plain scan of the database', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await createTestApi();
    token = (await api.signIn('recruiter')).token;
  });
  afterAll(() => api.close());

  async function storedJobs(): Promise<Job[]> {
    return (await api.db.jobs.find().exec()).map((doc) => doc.toMutableJSON());
  }

  async function expectSameAsScan(queries: readonly SearchQuery[]): Promise<void> {
    const all = await storedJobs();
    for (const query of queries) {
      const page = await listJobs(api, token, Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)));
      expect({ total: page.total, ids: page.items.map((job) => job.id) }, JSON.stringify(query)).toEqual(searchByScan(all, query));
    }
  }

  it('agrees on jobs written to the database behind the service, and after they are edited and deleted there', async () => {
    const dataset = fc.sample(jobFieldsArb, { numRuns: 300, seed: 20261125 });
    const inserted = await api.db.jobs.bulkInsert(
      dataset.map((fields, i) => {
        const { updatedAt: _updatedAt, deviceId: _deviceId, ...job } = toJob(`db-job-${i}`, fields);
        return unstamped<Job>(job);
      }),
    );
    expect(inserted.error).toEqual([]);
    const queries = fc.sample(queryArb, { numRuns: 60, seed: 7 });
    await expectSameAsScan(queries);

    // Edits and deletions that reach the index only through the collection's change stream.
    const docs = inserted.success;
    for (const [i, doc] of docs.slice(0, 40).entries()) {
      api.clock.advance(1000);
      if (i % 3 === 0) await doc.remove();
      else await doc.incrementalPatch({ title: `Rust ${doc.title}`, location: i % 2 ? 'Lisbon' : 'Zürich', status: 'open' });
    }
    await expectSameAsScan(queries);
    await expectSameAsScan([{ keyword: 'rust', location: 'zur', sort: 'title', limit: 30, skip: 0 }]);
  });

  it('keeps up with a job changed through the API: the old words no longer find it', async () => {
    const created = await api.as(token, { method: 'POST', url: JOBS_URL, payload: { title: 'Quokka wrangler' } });
    const id = created.json<{ id: string }>().id;
    expect((await listJobs(api, token, { keyword: 'quokka' })).items.map((job) => job.id)).toEqual([id]);
    await api.as(token, { method: 'PATCH', url: `${JOBS_URL}/${id}`, payload: { title: 'Wombat wrangler' } });
    expect((await listJobs(api, token, { keyword: 'quokka' })).total).toBe(0);
    expect((await listJobs(api, token, { keyword: 'wombat' })).items.map((job) => job.id)).toEqual([id]);
  });
});

// The candidate facets index (application statuses, best analysis score) fed by a real in-memory
// RxDB database: what it loads at start, and how later writes and deletes move it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src/main/core/db/database.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import { createCandidateFacets, type CandidateFacets } from '../../../src/main/core/features/candidates/facets.js';
import type { Analysis } from '../../../src/shared/schemas/analysis.js';
import type { Application, ApplicationStatus } from '../../../src/shared/schemas/application.js';
import type { Resume } from '../../../src/shared/schemas/resume.js';
import { openTestDatabase, SAMPLE_DOCUMENTS } from '../db/factories.js';

let db: AppDatabase;
let facets: CandidateFacets | undefined;

beforeEach(async () => {
  ({ db } = await openTestDatabase());
});
afterEach(async () => {
  facets?.close();
  facets = undefined;
  await db.close();
});

const open = async () => (facets = await createCandidateFacets({ db }, { pageSize: 2 }));

async function resume(candidateId: string): Promise<Resume> {
  return (await db.resumes.insert(unstamped<Resume>({ ...SAMPLE_DOCUMENTS.resumes(), candidateId }))).toMutableJSON();
}

async function analysis(resumeId: string, overall: number, status: Analysis['status'] = 'completed'): Promise<Analysis> {
  const sample = SAMPLE_DOCUMENTS.analyses();
  const result = sample.result && { ...sample.result, scores: { ...sample.result.scores, overall } };
  return (await db.analyses.insert(unstamped<Analysis>({ ...sample, resumeId, status, result }))).toMutableJSON();
}

async function application(candidateId: string, status: ApplicationStatus): Promise<Application> {
  return (await db.applications.insert(unstamped<Application>({ ...SAMPLE_DOCUMENTS.applications(), candidateId, status }))).toMutableJSON();
}

const ids = (match: ReturnType<CandidateFacets['match']>) => (match ? { mode: match.mode, ids: [...match.ids].sort() } : undefined);

describe('loading what is already stored', () => {
  it('gives each candidate the best completed overall score of any of their résumés, and their distinct statuses', async () => {
    const [a1, a2, b1] = [await resume('ana'), await resume('ana'), await resume('bea')];
    await analysis(a1.id, 40);
    await analysis(a2.id, 75);
    await analysis(a2.id, 99, 'failed');
    await analysis(b1.id, 90, 'running');
    await application('ana', 'interview');
    await application('ana', 'applied');
    await application('ana', 'interview');

    const index = await open();
    expect(index.bestScoreOf('ana')).toBe(75);
    expect(index.bestScoreOf('bea')).toBeUndefined();
    expect(index.statusesOf('ana')).toEqual(['applied', 'interview']);
    expect(index.statusesOf('bea')).toEqual([]);
  });
});

describe('following later writes', () => {
  it('lowers the best score when the best analysis is deleted, and raises it when a new one completes', async () => {
    const index = await open();
    const r = await resume('ana');
    const high = await analysis(r.id, 80);
    await analysis(r.id, 55);
    expect(index.bestScoreOf('ana')).toBe(80);

    await (await db.analyses.findOne(high.id).exec())?.remove();
    expect(index.bestScoreOf('ana')).toBe(55);

    const queued = await analysis(r.id, 0, 'queued');
    expect(index.bestScoreOf('ana')).toBe(55);
    const sample = SAMPLE_DOCUMENTS.analyses().result;
    await (await db.analyses.findOne(queued.id).exec())?.incrementalPatch({
      status: 'completed',
      ...(sample ? { result: { ...sample, scores: { ...sample.scores, overall: 91 } } } : {}),
    });
    expect(index.bestScoreOf('ana')).toBe(91);
  });

  it('moves a résumé’s scores to the candidate it is linked to later, and drops them with the résumé', async () => {
    const index = await open();
    const r = await resume('');
    await analysis(r.id, 66);
    expect(index.bestScoreOf('ana')).toBeUndefined();

    await (await db.resumes.findOne(r.id).exec())?.incrementalPatch({ candidateId: 'ana' });
    expect(index.bestScoreOf('ana')).toBe(66);
    await (await db.resumes.findOne(r.id).exec())?.incrementalPatch({ candidateId: 'bea' });
    expect([index.bestScoreOf('ana'), index.bestScoreOf('bea')]).toEqual([undefined, 66]);

    await (await db.resumes.findOne(r.id).exec())?.remove();
    expect(index.bestScoreOf('bea')).toBeUndefined();
  });

  it('follows status changes and deleted applications, one application at a time', async () => {
    const index = await open();
    const first = await application('ana', 'applied');
    await application('ana', 'applied');
    await (await db.applications.findOne(first.id).exec())?.incrementalPatch({ status: 'offer' });
    expect(index.statusesOf('ana')).toEqual(['applied', 'offer']);

    await (await db.applications.findOne(first.id).exec())?.remove();
    expect(index.statusesOf('ana')).toEqual(['applied']);
  });
});

describe('matching a filter', () => {
  beforeEach(async () => {
    for (const [candidate, score] of [['ana', 30], ['bea', 60], ['caio', 90]] as const) await analysis((await resume(candidate)).id, score);
    await application('ana', 'screening');
    await application('bea', 'hired');
    await application('dora', 'screening');
  });

  it('filters nothing without a facet', async () => {
    expect((await open()).match({})).toBeUndefined();
  });

  it('lists the candidates with an application in a status', async () => {
    expect(ids((await open()).match({ status: 'screening' }))).toEqual({ mode: 'include', ids: ['ana', 'dora'] });
  });

  it('answers "no application" by the candidates to leave out, which are the ones it knows', async () => {
    expect(ids((await open()).match({ status: 'none' }))).toEqual({ mode: 'exclude', ids: ['ana', 'bea', 'dora'] });
  });

  it('keeps the range bounds inclusive and leaves out candidates never analysed', async () => {
    const index = await open();
    expect(ids(index.match({ minScore: 60 }))).toEqual({ mode: 'include', ids: ['bea', 'caio'] });
    expect(ids(index.match({ maxScore: 60 }))).toEqual({ mode: 'include', ids: ['ana', 'bea'] });
    expect(ids(index.match({ minScore: 31, maxScore: 89 }))).toEqual({ mode: 'include', ids: ['bea'] });
  });

  it('combines a status with a range', async () => {
    const index = await open();
    expect(ids(index.match({ status: 'screening', minScore: 0 }))).toEqual({ mode: 'include', ids: ['ana'] });
    expect(ids(index.match({ status: 'none', minScore: 50 }))).toEqual({ mode: 'include', ids: ['caio'] });
  });
});

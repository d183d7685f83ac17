import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freshName,
  makeCandidate,
  makeTempDir,
  openDatabase,
  removeDir,
  type Candidate,
  type TestDatabase,
} from './sqlite-storage.fixtures.js';

const COUNT = 10_000;
const all = Array.from({ length: COUNT }, (_, n) => makeCandidate(n));
const ids = (docs: { id: string }[]) => docs.map((d) => d.id);
const byId = (a: Candidate, b: Candidate) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('SQLite storage with 10k documents', () => {
  let dir: string;
  let name: string;
  let db: TestDatabase;
  beforeAll(async () => {
    dir = await makeTempDir();
    name = freshName();
    db = await openDatabase(dir, { name });
    const result = await db.candidates.bulkInsert(all);
    expect(result.error).toEqual([]);
  });
  afterAll(async () => {
    await db.close();
    await removeDir(dir);
  });

  it('returns exactly the documents of a numeric range, in index order', async () => {
    const docs = await db.candidates.find({ selector: { score: { $gt: 25, $lte: 26.5 } }, sort: [{ score: 'asc' }] }).exec();
    const expected = all.filter((c) => c.score > 25 && c.score <= 26.5).sort((a, b) => a.score - b.score || byId(a, b));
    expect(expected.length).toBeGreaterThan(100);
    expect(ids(docs)).toEqual(ids(expected));
  });

  it('pages through a compound index range with skip and limit', async () => {
    const expected = all.filter((c) => c.city === 'Braga' && c.age >= 60).sort((a, b) => a.age - b.age || byId(a, b));
    const pages: string[] = [];
    for (let skip = 0; skip < expected.length; skip += 97) {
      const page = await db.candidates
        .find({ selector: { city: 'Braga', age: { $gte: 60 } }, sort: [{ age: 'asc' }], skip, limit: 97 })
        .exec();
      pages.push(...ids(page));
    }
    expect(pages).toEqual(ids(expected));
  });

  it('sorts descending and by unindexed fields in JS over the planned range', async () => {
    const docs = await db.candidates
      .find({ selector: { age: { $in: [20, 21] } }, sort: [{ name: 'desc' }], limit: 50 })
      .exec();
    const expected = all
      .filter((c) => c.age === 20 || c.age === 21)
      .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : byId(a, b)))
      .slice(0, 50);
    expect(ids(docs)).toEqual(ids(expected));
  });

  it('sees every document and every deletion again after reopening', async () => {
    const toDelete = await db.candidates.find({ selector: { age: 18 } }).exec();
    await db.candidates.bulkRemove(toDelete.map((d) => d.id));
    await db.close();

    db = await openDatabase(dir, { name });
    const remaining = all.filter((c) => c.age !== 18);
    expect(await db.candidates.count().exec()).toBe(remaining.length);
    expect(await db.candidates.count({ selector: { age: 18 } }).exec()).toBe(0);
    const lisbon = await db.candidates.find({ selector: { city: 'Lisbon' }, sort: [{ id: 'asc' }] }).exec();
    expect(ids(lisbon)).toEqual(ids(remaining.filter((c) => c.city === 'Lisbon').sort(byId)));
  });
});

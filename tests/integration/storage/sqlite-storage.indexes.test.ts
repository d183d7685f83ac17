import Database from 'better-sqlite3';
import { fillWithDefaultSettings, normalizeMangoQuery, prepareQuery, randomToken } from 'rxdb';
import type { MangoQuerySelector, RxDocumentData, RxJsonSchema } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import type { RxStorageSQLite, SQLiteStorageInternals } from '../../../src/main/core/db/storage-sqlite/index.js';
import {
  candidateData,
  candidateSchema,
  freshName,
  makeCandidate,
  makeTempDir,
  openDatabase,
  removeDir,
  sqlRecorder,
  type Candidate,
  type TestDatabase,
} from './sqlite-storage.fixtures.js';

const COUNT = 2_000;
const all = Array.from({ length: COUNT }, (_, n) => makeCandidate(n));
const byAgeThenId = (a: Candidate, b: Candidate) => a.age - b.age || (a.id < b.id ? -1 : 1);

describe('SQLite storage indexes', () => {
  let dir: string;
  let db: TestDatabase;
  let recorder: ReturnType<typeof sqlRecorder>;
  let raw: Database.Database;
  let internals: SQLiteStorageInternals;

  beforeAll(async () => {
    dir = await makeTempDir();
    recorder = sqlRecorder();
    db = await openDatabase(dir, { name: freshName(), log: recorder.log });
    await db.candidates.bulkInsert(all);
    internals = db.candidates.storageInstance.internals as SQLiteStorageInternals;
    raw = new Database(internals.databaseFile, { readonly: true });
  });
  afterAll(async () => {
    raw.close();
    await db.close();
    await removeDir(dir);
  });

  /** The SELECTs on the documents table the storage ran while `run` was going on. */
  async function selectsDuring(run: () => Promise<unknown>): Promise<string[]> {
    const before = recorder.statements.length;
    await run();
    return recorder.statements.slice(before).filter((sql) => sql.startsWith('SELECT data') && sql.includes(internals.tableName));
  }

  function planOf(sql: string): string {
    return (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('\n');
  }

  it('gives every schema index its own key column with a real SQLite index on it', () => {
    const schemaIndexes = db.candidates.schema.jsonSchema.indexes ?? [];
    const sqlIndexes = raw
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE '%__k\\_%' ESCAPE '\\'`)
      .pluck()
      .all(internals.tableName) as string[];
    expect(sqlIndexes).toHaveLength(schemaIndexes.length);
    const indexedColumns = sqlIndexes.map((name) => raw.prepare('SELECT name FROM pragma_index_info(?)').pluck().all(name));
    expect(new Set(indexedColumns.flat()).size).toBe(schemaIndexes.length);
    for (const columns of indexedColumns) expect(columns).toHaveLength(1);
  });

  it('answers a range query by searching only the planned index range, with limit and skip in SQL', async () => {
    let found: Candidate[] = [];
    const selects = await selectsDuring(async () => {
      const docs = await db.candidates.find({ selector: { age: { $gte: 30, $lt: 35 } }, sort: [{ age: 'asc' }], skip: 3, limit: 20 }).exec();
      found = docs.map((d) => d.toJSON() as Candidate);
    });
    const expected = all.filter((c) => c.age >= 30 && c.age < 35).sort(byAgeThenId).slice(3, 23);
    expect(found.map((c) => c.id)).toEqual(expected.map((c) => c.id));

    expect(selects).toHaveLength(1);
    const sql = selects[0] as string;
    expect(sql).toMatch(/LIMIT 20(\.0)? OFFSET 3(\.0)?$/);
    const plan = planOf(sql);
    expect(plan).toMatch(/^SEARCH .* USING INDEX \S+__k_\w+ \(k_\w+>\? AND k_\w+<\?\)$/);
    expect(plan).not.toMatch(/SCAN|TEMP B-TREE/);
  });

  it('uses a compound index for equality plus range and still returns exactly the matching documents', async () => {
    let found: Candidate[] = [];
    const selects = await selectsDuring(async () => {
      const docs = await db.candidates.find({ selector: { city: 'Porto', age: { $gt: 40 } }, sort: [{ age: 'asc' }] }).exec();
      found = docs.map((d) => d.toJSON() as Candidate);
    });
    const expected = all.filter((c) => c.city === 'Porto' && c.age > 40).sort(byAgeThenId);
    expect(found.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(selects).toHaveLength(1);
    expect(planOf(selects[0] as string)).toMatch(/^SEARCH .* USING INDEX/);
  });

  it('filters and sorts in JS what the index cannot answer, reading only the planned range', async () => {
    let found: Candidate[] = [];
    const selects = await selectsDuring(async () => {
      const docs = await db.candidates
        .find({ selector: { city: 'Faro', name: { $regex: '7$' } }, sort: [{ score: 'desc' }, { id: 'asc' }] })
        .exec();
      found = docs.map((d) => d.toJSON() as Candidate);
    });
    const expected = all
      .filter((c) => c.city === 'Faro' && c.name.endsWith('7'))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(selects).toHaveLength(1);
    expect(planOf(selects[0] as string)).toMatch(/^SEARCH .* USING INDEX/);
  });

  it('answers a storage-level query that leaves _deleted open from one tight range per _deleted value', async () => {
    const schema = db.candidates.schema.jsonSchema;
    const query = prepareQuery(schema, normalizeMangoQuery(schema, { selector: { age: { $gte: 40 } }, sort: [{ age: 'asc' }], limit: 15 }));
    const expected = all.filter((c) => c.age >= 40).sort(byAgeThenId).map((c) => c.id);
    const run = async () => {
      let found: string[] = [];
      const selects = await selectsDuring(async () => {
        found = (await db.candidates.storageInstance.query(query)).documents.map((d) => d.id);
      });
      for (const sql of selects) {
        expect(sql).toMatch(/LIMIT 15(\.0)? OFFSET 0(\.0)?$/);
        expect(planOf(sql)).toMatch(/^SEARCH .* USING INDEX/);
      }
      return { found, selects: selects.length };
    };

    // No tombstones yet: the deleted half is not even asked.
    expect(await run()).toEqual({ found: expected.slice(0, 15), selects: 1 });

    // A storage-level query returns tombstones too, merged in sort order.
    const tombstone = candidateData(makeCandidate(9_999, { id: 'a-deleted', age: 40 }), Date.now(), '2-x', true);
    await db.candidates.storageInstance.bulkWrite([{ document: tombstone }], 'tombstone');
    expect(await run()).toEqual({ found: ['a-deleted', ...expected.slice(0, 14)], selects: 2 });
  });

  it('counts an index-satisfied selector from the index alone', async () => {
    const before = recorder.statements.length;
    const count = await db.candidates.count({ selector: { age: { $lte: 20 } } }).exec();
    expect(count).toBe(all.filter((c) => c.age <= 20).length);
    const countSql = recorder.statements.slice(before).find((sql) => sql.startsWith('SELECT COUNT(*)')) as string;
    expect(planOf(countSql)).toMatch(/^SEARCH .* USING COVERING INDEX/);
  });

  it('refuses a count it would have to compute document by document unless slow counts are allowed', async () => {
    await expect(db.candidates.count({ selector: { name: { $regex: '^Candidate 1' } } }).exec()).rejects.toThrow(/QU14/);
  });
});

describe('SQLite storage index columns over time', () => {
  // What RxDB adds to every collection query (the storage-level selector type does not know it).
  const liveOnly = { _deleted: { $eq: false } } as MangoQuerySelector<Candidate>;
  const withIndexes = (indexes: string[][]) =>
    fillWithDefaultSettings({ ...candidateSchema, indexes }) as RxJsonSchema<RxDocumentData<Candidate>>;
  const open = (storage: RxStorageSQLite, schema: RxJsonSchema<RxDocumentData<Candidate>>) =>
    storage.createStorageInstance<Candidate>({
      databaseInstanceToken: randomToken(10),
      databaseName: 'evolving',
      collectionName: 'candidates',
      schema,
      options: {},
      multiInstance: false,
      devMode: false,
    });
  const cityQuery = (schema: RxJsonSchema<RxDocumentData<Candidate>>) =>
    prepareQuery(schema, normalizeMangoQuery(schema, { selector: { ...liveOnly, city: 'Faro' }, sort: [{ city: 'asc' }, { id: 'asc' }] }));

  it('builds the key column of an index that is new to an existing table from the stored documents', async () => {
    const dir = await makeTempDir();
    const storage = getRxStorageSQLite({ databaseDir: dir });
    const before = await open(storage, withIndexes([['age']]));
    await before.bulkWrite(all.slice(0, 300).map((c, n) => ({ document: candidateData(c, 1_700_000_000_000 + n) })), 'seed');
    await before.close();

    const schema = withIndexes([['age'], ['city']]);
    const after = await open(storage, schema);
    const query = cityQuery(schema);
    expect(query.queryPlan.index).toEqual(['_deleted', 'city', 'id']);
    const found = await after.query(query);
    expect(found.documents.map((d) => d.id)).toEqual(all.slice(0, 300).filter((c) => c.city === 'Faro').map((c) => c.id));
    await after.close();
    await removeDir(dir);
  });

  it('refuses to open a table with other indexes while it is open with its current ones', async () => {
    const dir = await makeTempDir();
    const storage = getRxStorageSQLite({ databaseDir: dir });
    const first = await open(storage, withIndexes([['age']]));
    await expect(open(storage, withIndexes([['city']]))).rejects.toThrow(/different schema/);
    expect(await first.findDocumentsById(['c000001'], true)).toEqual([]);
    await first.close();
    await removeDir(dir);
  });
});

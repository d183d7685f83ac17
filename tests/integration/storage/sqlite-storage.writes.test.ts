import Database from 'better-sqlite3';
import { firstValueFrom } from 'rxjs';
import { now, type RxStorageDefaultCheckpoint } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageSQLite, type RxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import {
  candidateData,
  freshName,
  makeCandidate,
  makeTempDir,
  openInstance,
  removeDir,
  type CandidateData,
  type CandidateInstance,
} from './sqlite-storage.fixtures.js';

const T0 = 1_700_000_000_000;

describe('SQLite storage writes', () => {
  let dir: string;
  let storage: RxStorageSQLite;
  let instance: CandidateInstance;
  beforeEach(async () => {
    dir = await makeTempDir();
    storage = getRxStorageSQLite({ databaseDir: dir });
    instance = await openInstance(storage, freshName());
  });
  afterEach(async () => {
    await instance.close();
    await removeDir(dir);
  });

  it('writes the other rows of a bulkWrite and reports a 409 with the stored document for the one with a stale revision', async () => {
    const [one, two] = [candidateData(makeCandidate(1), T0), candidateData(makeCandidate(2), T0)];
    await instance.bulkWrite([{ document: one }, { document: two }], 'seed');

    const staleTwo = { ...two, _rev: '1-stale' };
    const result = await instance.bulkWrite(
      [
        { previous: one, document: { ...one, city: 'Aveiro', _rev: '2-a', _meta: { lwt: T0 + 1 } } },
        { previous: staleTwo, document: { ...two, city: 'Aveiro', _rev: '2-b', _meta: { lwt: T0 + 1 } } },
        { document: candidateData(makeCandidate(3), T0 + 1) },
      ],
      'mixed',
    );

    expect(result.error).toHaveLength(1);
    const [conflict] = result.error;
    expect(conflict).toMatchObject({ status: 409, documentId: two.id, isError: true });
    expect(conflict && 'documentInDb' in conflict ? conflict.documentInDb : undefined).toEqual(two);

    const stored = await instance.findDocumentsById([one.id, two.id, 'c000003'], false);
    const byId = new Map(stored.map((d) => [d.id, d]));
    expect(byId.get(one.id)?.city).toBe('Aveiro');
    expect(byId.get(two.id)?.city).toBe(two.city);
    expect(byId.has('c000003')).toBe(true);
  });

  it('reports a 409 for inserting a document that already exists', async () => {
    const doc = candidateData(makeCandidate(1), T0);
    await instance.bulkWrite([{ document: doc }], 'seed');
    const result = await instance.bulkWrite([{ document: { ...doc, _rev: '1-other' } }], 'again');
    expect(result.error).toMatchObject([{ status: 409, documentId: doc.id, documentInDb: doc }]);
  });

  it('writes nothing of a bulkWrite that fails part-way, and emits no event for it', async () => {
    const events: unknown[] = [];
    const subscription = instance.changeStream().subscribe((bulk) => events.push(bulk));
    const good = candidateData(makeCandidate(1), T0);
    // A BigInt cannot be serialised: the second row throws after the first one was written.
    const broken = { ...candidateData(makeCandidate(2), T0), age: BigInt(3) } as unknown as CandidateData;
    await expect(instance.bulkWrite([{ document: good }, { document: broken }], 'broken')).rejects.toThrow(/BigInt/);
    expect(await instance.findDocumentsById([good.id], true)).toEqual([]);
    expect(events).toEqual([]);
    subscription.unsubscribe();
  });

  it('emits the change event only once the write is committed and visible to other connections', async () => {
    const reader = new Database(instance.internals.databaseFile, { readonly: true });
    const visible = reader.prepare(`SELECT COUNT(*) FROM "${instance.internals.tableName}" WHERE id = ?`).pluck();
    const seenAtEvent = firstValueFrom(instance.changeStream()).then((bulk) => ({
      ids: bulk.events.map((e) => e.documentId),
      visibleElsewhere: visible.get('c000001'),
      checkpoint: bulk.checkpoint as RxStorageDefaultCheckpoint,
    }));
    await instance.bulkWrite([{ document: candidateData(makeCandidate(1), T0 + 5) }], 'insert');
    expect(await seenAtEvent).toEqual({ ids: ['c000001'], visibleElsewhere: 1, checkpoint: { id: 'c000001', lwt: T0 + 5 } });
    reader.close();
  });

  it('pages through changes by (lwt, id) without skipping a document while writes go on', async () => {
    // Five documents share one lwt so that ties are split across page boundaries.
    const initial = Array.from({ length: 23 }, (_, n) => candidateData(makeCandidate(n), n < 5 ? T0 : T0 + n));
    await instance.bulkWrite(initial.map((document) => ({ document })), 'seed');

    const latest = new Map(initial.map((d) => [d.id, d]));
    const seen = new Map<string, CandidateData>();
    let checkpoint: RxStorageDefaultCheckpoint | undefined;
    let lwt = T0 + 1_000;
    for (let page = 0; ; page++) {
      const result = await instance.getChangedDocumentsSince!(3, checkpoint);
      const keys = result.documents.map((d) => [d._meta.lwt, d.id] as const);
      expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
      for (const doc of result.documents) seen.set(doc.id, doc);
      if (result.documents.length === 0) break;
      checkpoint = result.checkpoint as RxStorageDefaultCheckpoint;
      if (page < 4) {
        // Concurrent writers: touch an already-seen document and add a new one.
        const touched = latest.get(`c00000${page}`) as CandidateData;
        const updated = { ...touched, city: 'Aveiro', _rev: `2-p${page}`, _meta: { lwt: lwt++ } };
        const added = candidateData(makeCandidate(100 + page), lwt++);
        const res = await instance.bulkWrite([{ previous: touched, document: updated }, { document: added }], 'during');
        expect(res.error).toEqual([]);
        latest.set(updated.id, updated);
        latest.set(added.id, added);
      }
    }
    // Every document was seen, and in its final state.
    expect(new Map([...seen].sort())).toEqual(new Map([...latest].sort()));
  });

  it('purges deleted documents older than the minimum age and keeps newer ones', async () => {
    const t = now();
    await instance.bulkWrite(
      [
        { document: candidateData(makeCandidate(1), t - 60_000, '2-d', true) },
        { document: candidateData(makeCandidate(2), t, '2-d', true) },
        { document: candidateData(makeCandidate(3), t - 60_000) },
      ],
      'seed',
    );
    expect(await instance.cleanup(30_000)).toBe(true);
    const left = await instance.findDocumentsById(['c000001', 'c000002', 'c000003'], true);
    expect(left.map((d) => d.id).sort()).toEqual(['c000002', 'c000003']);
  });

  it('shares one connection and one change stream between instances of the same collection', async () => {
    const twin = await openInstance(storage, instance.databaseName);
    expect(twin.internals.db).toBe(instance.internals.db);
    const seenByTwin = firstValueFrom(twin.changeStream());
    await instance.bulkWrite([{ document: candidateData(makeCandidate(1), T0) }], 'insert');
    expect((await seenByTwin).events.map((e) => e.documentId)).toEqual(['c000001']);

    await twin.close();
    // The connection stays open for the remaining instance, and closes with the last one.
    expect(await instance.findDocumentsById(['c000001'], false)).toHaveLength(1);
    const db = instance.internals.db;
    await instance.close();
    expect(db.open).toBe(false);
    instance = await openInstance(storage, instance.databaseName);
  });

  it('rejects calls on a closed instance', async () => {
    const other = await openInstance(storage, freshName());
    await other.close();
    await expect(other.findDocumentsById(['c000001'], false)).rejects.toThrow(/closed/);
    await expect(other.bulkWrite([{ document: candidateData(makeCandidate(1), T0) }], 'late')).rejects.toThrow(/closed/);
  });
});

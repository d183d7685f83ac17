// Storage conformance: bulkWrite and findDocumentsById behave as RxDB's storage contract says.
import { describe, expect, it } from 'vitest';
import { now, randomToken } from 'rxdb';
import type { RxStorageWriteError, RxStorageWriteErrorConflict } from 'rxdb';
import {
  deletionOf,
  insertRow,
  makePerson,
  nextRevision,
  sortedIds,
  updateRow,
  type Person,
  type PersonDoc,
} from './conformance/fixtures.js';
import { useStorageHarness } from './conformance/harness.js';
import { loadStorageSubjects } from './conformance/storages.js';

const context = 'conformance.write';

function asConflict(error: RxStorageWriteError<Person> | undefined): RxStorageWriteErrorConflict<Person> {
  expect(error?.status).toBe(409);
  return error as RxStorageWriteErrorConflict<Person>;
}

for (const subject of await loadStorageSubjects()) {
  describe.skipIf(subject.skipReason !== undefined)(`${subject.name} storage: bulkWrite and findDocumentsById`, () => {
    const harness = useStorageHarness(subject);

    it('reads an inserted document back exactly as written, nested fields, optional fields and _meta included', async () => {
      const instance = await harness.open();
      const doc = makePerson({
        name: `O'Brien "Zoë" 🦊`,
        age: 0,
        active: false,
        score: -12.75,
        nickname: '',
        address: { city: 'São Paulo', zip: 0 },
        _meta: { lwt: now(), 'plugin-flag': 'kept' },
      });
      const withoutNickname = makePerson();

      const response = await instance.bulkWrite([insertRow(doc), insertRow(withoutNickname)], context);

      expect(response.error).toEqual([]);
      expect(await instance.findDocumentsById([doc.id], false)).toStrictEqual([doc]);
      const [stored] = await instance.findDocumentsById([withoutNickname.id], false);
      expect(stored).toStrictEqual(withoutNickname);
      expect(stored).not.toHaveProperty('nickname');
    });

    it('replaces a document when the update names the current revision as previous', async () => {
      const instance = await harness.open();
      const original = makePerson({ name: 'Ana', age: 20 });
      await instance.bulkWrite([insertRow(original)], context);
      const updated = nextRevision(original, { name: 'Ana Maria', age: 21, nickname: 'Mia' });

      const response = await instance.bulkWrite([updateRow(original, updated)], context);

      expect(response.error).toEqual([]);
      expect(await instance.findDocumentsById([original.id], false)).toStrictEqual([updated]);
    });

    it('rejects an update naming a stale revision with a 409 that carries the stored document unchanged', async () => {
      const instance = await harness.open();
      const original = makePerson({ name: 'Bo' });
      const current = nextRevision(original, { name: 'Bo 2' });
      await instance.bulkWrite([insertRow(original)], context);
      await instance.bulkWrite([updateRow(original, current)], context);
      const staleWrite = nextRevision(original, { name: 'Bo from a stale tab' });

      const response = await instance.bulkWrite([updateRow(original, staleWrite)], context);

      expect(response.error).toHaveLength(1);
      const conflict = asConflict(response.error[0]);
      expect(conflict.isError).toBe(true);
      expect(conflict.documentId).toBe(original.id);
      expect(conflict.documentInDb).toStrictEqual(current);
      expect(conflict.writeRow.document).toEqual(staleWrite);
      expect(await instance.findDocumentsById([original.id], false)).toStrictEqual([current]);
    });

    it('rejects an insert of an id that already exists with a 409 carrying the stored document', async () => {
      const instance = await harness.open();
      const existing = makePerson({ id: 'same-id', name: 'First' });
      await instance.bulkWrite([insertRow(existing)], context);

      const response = await instance.bulkWrite([insertRow(makePerson({ id: 'same-id', name: 'Second' }))], context);

      expect(asConflict(response.error[0]).documentInDb).toStrictEqual(existing);
      expect(await instance.findDocumentsById(['same-id'], false)).toStrictEqual([existing]);
    });

    it('rejects an update whose previous revision was invented with a 409', async () => {
      const instance = await harness.open();
      const existing = makePerson();
      await instance.bulkWrite([insertRow(existing)], context);
      const invented: PersonDoc = { ...existing, _rev: '7-somebodyelse' };

      const response = await instance.bulkWrite([updateRow(invented, nextRevision(invented))], context);

      expect(asConflict(response.error[0]).documentInDb).toStrictEqual(existing);
    });

    it('writes the good rows of a batch and reports only the conflicting ones', async () => {
      const instance = await harness.open();
      const kept = makePerson({ id: 'b-existing', name: 'Kept' });
      const toUpdate = makePerson({ id: 'c-update', name: 'Before' });
      const toStale = makePerson({ id: 'd-stale', name: 'Stays' });
      await instance.bulkWrite([insertRow(kept), insertRow(toUpdate), insertRow(toStale)], context);
      const fresh = makePerson({ id: 'a-new', name: 'New' });
      const updated = nextRevision(toUpdate, { name: 'After' });

      const response = await instance.bulkWrite(
        [
          insertRow(fresh),
          insertRow(makePerson({ id: 'b-existing', name: 'Intruder' })),
          updateRow(toUpdate, updated),
          updateRow({ ...toStale, _rev: '9-stale' }, nextRevision(toStale, { name: 'Lost' })),
        ],
        context,
      );

      expect(response.error.map((error) => [error.documentId, error.status]).sort()).toEqual([
        ['b-existing', 409],
        ['d-stale', 409],
      ]);
      const stored = await instance.findDocumentsById(['a-new', 'b-existing', 'c-update', 'd-stale'], false);
      expect(stored.sort((a, b) => a.id.localeCompare(b.id))).toStrictEqual([fresh, kept, updated, toStale]);
    });

    it('hides a deleted document from findDocumentsById unless deleted documents are asked for', async () => {
      const instance = await harness.open();
      const doc = makePerson();
      const tombstone = deletionOf(doc);
      await instance.bulkWrite([insertRow(doc)], context);

      const response = await instance.bulkWrite([updateRow(doc, tombstone)], context);

      expect(response.error).toEqual([]);
      expect(await instance.findDocumentsById([doc.id], false)).toEqual([]);
      expect(await instance.findDocumentsById([doc.id], true)).toStrictEqual([tombstone]);
    });

    it('refuses to insert over a deleted document without previous, and revives it with the tombstone as previous', async () => {
      const instance = await harness.open();
      const doc = makePerson({ name: 'Gone' });
      const tombstone = deletionOf(doc);
      await instance.bulkWrite([insertRow(doc)], context);
      await instance.bulkWrite([updateRow(doc, tombstone)], context);

      const blind = await instance.bulkWrite([insertRow(makePerson({ id: doc.id, name: 'Back' }))], context);
      const conflict = asConflict(blind.error[0]);
      expect(conflict.documentInDb).toStrictEqual(tombstone);

      const revived = nextRevision(tombstone, { _deleted: false, name: 'Back' });
      const response = await instance.bulkWrite([updateRow(tombstone, revived)], context);
      expect(response.error).toEqual([]);
      expect(await instance.findDocumentsById([doc.id], false)).toStrictEqual([revived]);
    });

    it('stores a document that arrives already deleted, as replication does', async () => {
      const instance = await harness.open();
      const tombstone = makePerson({ _deleted: true });

      const response = await instance.bulkWrite([insertRow(tombstone)], context);

      expect(response.error).toEqual([]);
      expect(await instance.findDocumentsById([tombstone.id], false)).toEqual([]);
      expect(await instance.findDocumentsById([tombstone.id], true)).toStrictEqual([tombstone]);
    });

    it('returns only the requested documents that exist', async () => {
      const instance = await harness.open();
      const docs = [makePerson({ id: 'p1' }), makePerson({ id: 'p2' }), makePerson({ id: 'p3' })];
      await instance.bulkWrite(docs.map(insertRow), context);

      expect(sortedIds(await instance.findDocumentsById(['p3', 'missing', 'p1'], false))).toEqual(['p1', 'p3']);
      expect(await instance.findDocumentsById([], false)).toEqual([]);
      expect(await instance.findDocumentsById(['missing'], true)).toEqual([]);
    });

    it('lets exactly one of two concurrent inserts of the same id win', async () => {
      const instance = await harness.open();
      const first = makePerson({ id: 'race', name: 'First' });
      const second = makePerson({ id: 'race', name: 'Second' });

      const responses = await Promise.all([
        instance.bulkWrite([insertRow(first)], context),
        instance.bulkWrite([insertRow(second)], context),
      ]);

      const failures = responses.flatMap((response) => response.error);
      expect(failures).toHaveLength(1);
      const winner = responses[0]?.error.length === 0 ? first : second;
      expect(asConflict(failures[0]).documentInDb).toStrictEqual(winner);
      expect(await instance.findDocumentsById(['race'], false)).toStrictEqual([winner]);
    });

    it('writes a batch of well over 500 documents completely', async () => {
      const instance = await harness.open();
      const docs = Array.from({ length: 750 }, (_, index) =>
        makePerson({ id: `bulk-${String(index).padStart(4, '0')}`, age: index % 100 }),
      );

      const response = await instance.bulkWrite(docs.map(insertRow), context);

      expect(response.error).toEqual([]);
      const stored = await instance.findDocumentsById(docs.map((doc) => doc.id), false);
      expect(sortedIds(stored)).toEqual(sortedIds(docs));
    });

    it('lands every one of many concurrent batches of different documents', async () => {
      const instance = await harness.open();
      const batches = Array.from({ length: 20 }, (_, batch) =>
        [0, 1, 2].map((row) => makePerson({ id: `c-${String(batch).padStart(2, '0')}-${row}` })),
      );

      const responses = await Promise.all(batches.map((batch) => instance.bulkWrite(batch.map(insertRow), context)));

      expect(responses.flatMap((response) => response.error)).toEqual([]);
      const all = batches.flat();
      expect(sortedIds(await instance.findDocumentsById(all.map((doc) => doc.id), false))).toEqual(sortedIds(all));
    });

    it('stores a document with a megabyte of text intact', async () => {
      const instance = await harness.open();
      const doc = makePerson({ nickname: 'résumé text '.repeat(90_000) });

      await instance.bulkWrite([insertRow(doc)], context);

      expect(await instance.findDocumentsById([doc.id], false)).toStrictEqual([doc]);
    });

    it('keeps collections of the same database apart', async () => {
      const databaseName = 'shared' + randomToken(8);
      const people = await harness.open({ databaseName, collectionName: 'people' });
      const others = await harness.open({ databaseName, collectionName: 'others' });
      const doc = makePerson({ id: 'only-in-people' });

      await people.bulkWrite([insertRow(doc)], context);

      expect(await others.findDocumentsById([doc.id], true)).toEqual([]);
      const response = await others.bulkWrite([insertRow(makePerson({ id: doc.id, name: 'Other' }))], context);
      expect(response.error).toEqual([]);
      expect(await people.findDocumentsById([doc.id], false)).toStrictEqual([doc]);
    });
  });
}

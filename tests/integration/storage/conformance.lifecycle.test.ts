// Storage conformance: cleanup of old tombstones, close and reopen, remove, and how instances with
// the same or different names share or separate their data.
import { describe, expect, it } from 'vitest';
import { getChangedDocumentsSince, now, randomToken } from 'rxdb';
import { idsOf, insertRow, makePerson, personSchema, sortedIds, type Person } from './conformance/fixtures.js';
import { queryDocs, useStorageHarness, type Instance } from './conformance/harness.js';
import { loadStorageSubjects } from './conformance/storages.js';

const context = 'conformance.lifecycle';
const hour = 60 * 60 * 1000;

/** Runs cleanup until the storage reports that nothing cleanable is left. */
async function cleanupFully(instance: Instance, minimumDeletedTime: number): Promise<void> {
  for (let round = 0; round < 100; round++) {
    if (await instance.cleanup(minimumDeletedTime)) return;
  }
  throw new Error('cleanup still had work after 100 rounds');
}

async function everything(instance: Instance): Promise<string[]> {
  return idsOf(await queryDocs(instance, { selector: {}, sort: [{ id: 'asc' }] }));
}

for (const subject of await loadStorageSubjects()) {
  describe.skipIf(subject.skipReason !== undefined)(`${subject.name} storage: cleanup, close and remove`, () => {
    const harness = useStorageHarness(subject);

    it('purges tombstones older than the minimum deleted time and keeps newer tombstones and live documents', async () => {
      const instance = await harness.open();
      const twoHoursAgo = now() - 2 * hour;
      const oldTombstone = makePerson({ id: 'old-tombstone', _deleted: true, _meta: { lwt: twoHoursAgo } });
      const oldLive = makePerson({ id: 'old-live', _meta: { lwt: twoHoursAgo } });
      const freshTombstone = makePerson({ id: 'fresh-tombstone', _deleted: true });
      await instance.bulkWrite([oldTombstone, oldLive, freshTombstone].map(insertRow), context);

      await cleanupFully(instance, hour);

      const left = await instance.findDocumentsById(['old-tombstone', 'old-live', 'fresh-tombstone'], true);
      expect(sortedIds(left)).toEqual(['fresh-tombstone', 'old-live']);
      expect(idsOf((await getChangedDocumentsSince(instance, 10)).documents)).toEqual(['old-live', 'fresh-tombstone']);
    });

    it('purges every tombstone with a minimum deleted time of zero, after which the id can be inserted afresh', async () => {
      const instance = await harness.open();
      const tombstone = makePerson({ id: 'gone', _deleted: true });
      const live = makePerson({ id: 'stays' });
      await instance.bulkWrite([tombstone, live].map(insertRow), context);

      await cleanupFully(instance, 0);

      expect(await everything(instance)).toEqual(['stays']);
      const reborn = makePerson({ id: 'gone', name: 'Reborn' });
      const response = await instance.bulkWrite([insertRow(reborn)], context);
      expect(response.error).toEqual([]);
      expect(await instance.findDocumentsById(['gone'], false)).toStrictEqual([reborn]);
    });

    it('keeps the data of a closed instance for the next instance opened with the same names', async () => {
      const params = { databaseName: 'db' + randomToken(8), collectionName: 'people' };
      const first = await harness.openUnmanaged(params);
      const doc = makePerson({ id: 'durable' });
      await first.bulkWrite([insertRow(doc)], context);

      await first.close();

      const second = await harness.open(params);
      expect(await second.findDocumentsById(['durable'], false)).toStrictEqual([doc]);
    });

    it('lets a second instance opened on the same names read what the first wrote', async () => {
      const params = { databaseName: 'db' + randomToken(8), collectionName: 'people' };
      const writer = await harness.open(params);
      const reader = await harness.open(params);
      const doc = makePerson({ id: 'shared' });

      await writer.bulkWrite([insertRow(doc)], context);

      expect(await reader.findDocumentsById(['shared'], false)).toStrictEqual([doc]);
    });

    it('drops all data on remove, so a new instance with the same names starts empty', async () => {
      const params = { databaseName: 'db' + randomToken(8), collectionName: 'people' };
      const doomed = await harness.openUnmanaged(params);
      await doomed.bulkWrite([makePerson({ id: 'a' }), makePerson({ id: 'b', _deleted: true })].map(insertRow), context);

      await doomed.remove();

      const fresh = await harness.open(params);
      expect(await fresh.findDocumentsById(['a', 'b'], true)).toEqual([]);
      expect(await everything(fresh)).toEqual([]);
      expect((await getChangedDocumentsSince(fresh, 10)).documents).toEqual([]);
    });

    it('refuses writes to an instance after it was removed', async () => {
      const doomed = await harness.openUnmanaged();
      await doomed.remove();

      await expect(async () => doomed.bulkWrite([insertRow(makePerson())], context)).rejects.toThrow();
    });

    it('removes only its own collection and leaves the others of the database intact', async () => {
      const databaseName = 'db' + randomToken(8);
      const doomed = await harness.openUnmanaged({ databaseName, collectionName: 'doomed' });
      const survivor = await harness.open({ databaseName, collectionName: 'survivor' });
      const kept = makePerson({ id: 'kept' });
      await survivor.bulkWrite([insertRow(kept)], context);
      await doomed.bulkWrite([insertRow(makePerson({ id: 'dropped' }))], context);

      await doomed.remove();

      expect(await survivor.findDocumentsById(['kept'], false)).toStrictEqual([kept]);
      const reopened = await harness.open({ databaseName, collectionName: 'survivor' });
      expect(await everything(reopened)).toEqual(['kept']);
    });

    it('keeps the same collection name in two databases apart', async () => {
      const left = await harness.open({ databaseName: 'left' + randomToken(8), collectionName: 'people' });
      const right = await harness.open({ databaseName: 'right' + randomToken(8), collectionName: 'people' });

      await left.bulkWrite([insertRow(makePerson({ id: 'only-left' }))], context);

      expect(await right.findDocumentsById(['only-left'], true)).toEqual([]);
    });

    it('keeps two schema versions of one collection apart, as migration needs', async () => {
      const names = { databaseName: 'db' + randomToken(8), collectionName: 'people' };
      const version0 = await harness.open(names);
      const version1 = await harness.open<Person>({ ...names, schema: { ...personSchema, version: 1 } });

      await version0.bulkWrite([insertRow(makePerson({ id: 'old-shape' }))], context);
      await version1.bulkWrite([insertRow(makePerson({ id: 'new-shape' }))], context);

      expect(await everything(version0)).toEqual(['old-shape']);
      expect(await everything(version1)).toEqual(['new-shape']);
    });
  });
}

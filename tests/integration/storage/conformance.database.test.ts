// Storage conformance at the RxDatabase level: collections, live queries, attachments, reopening
// and removal all work on the storage the way RxDB uses it.
import { describe, expect, it, onTestFinished } from 'vitest';
import { filter, firstValueFrom } from 'rxjs';
import { addRxPlugin, createRxDatabase, randomToken } from 'rxdb';
import type { RxCollection, RxDatabase } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { personSchema, personWithAttachmentsSchema, type Person } from './conformance/fixtures.js';
import { useStorageHarness, type ConformanceHarness } from './conformance/harness.js';
import { loadStorageSubjects } from './conformance/storages.js';

addRxPlugin(RxDBAttachmentsPlugin);

type PeopleDatabase = RxDatabase<{ people: RxCollection<Person> }>;

function person(id: string, name: string, age: number): Person {
  return { id, name, age, active: true, score: age / 2, address: { city: 'Lisbon', zip: 1000 } };
}

async function openDatabase(harness: ConformanceHarness, name: string, withAttachments = false): Promise<PeopleDatabase> {
  const database: PeopleDatabase = await createRxDatabase({ name, storage: harness.storage, multiInstance: false });
  // Closing is idempotent, so a test may close early (to reopen) and still be cleaned up on failure.
  onTestFinished(() => database.close().then(() => undefined));
  await database.addCollections({ people: { schema: withAttachments ? personWithAttachmentsSchema : personSchema } });
  return database;
}

async function namesOf(collection: RxCollection<Person>): Promise<string[]> {
  const docs = await collection.find({ sort: [{ id: 'asc' }] }).exec();
  return docs.map((doc) => doc.name);
}

for (const subject of await loadStorageSubjects()) {
  describe.skipIf(subject.skipReason !== undefined)(`${subject.name} storage: under an RxDatabase`, () => {
    const harness = useStorageHarness(subject);
    const freshName = () => 'conformance' + randomToken(8);

    it('inserts, queries, counts, patches and removes documents through a collection', async () => {
      const database = await openDatabase(harness, freshName());
      const { people } = database;
      await people.bulkInsert([person('a', 'Ana', 30), person('b', 'Bo', 41), person('c', 'Cy', 25), person('d', 'Di', 30)]);

      const thirties = await people.find({ selector: { age: { $gte: 30 } }, sort: [{ age: 'desc' }] }).exec();
      expect(thirties.map((doc) => doc.id)).toEqual(['b', 'a', 'd']);
      expect(await people.count({ selector: { age: 30 } }).exec()).toBe(2);

      const ana = await people.findOne('a').exec();
      await ana?.incrementalPatch({ age: 50, nickname: 'Annie' });
      const oldest = await people.findOne({ selector: {}, sort: [{ age: 'desc' }] }).exec();
      expect(oldest?.toJSON()).toMatchObject({ id: 'a', age: 50, nickname: 'Annie' });

      await (await people.findOne('b').exec())?.remove();
      expect(await people.findOne('b').exec()).toBeNull();
      expect(await namesOf(people)).toEqual(['Ana', 'Cy', 'Di']);

      await people.insert(person('b', 'Bo again', 42));
      expect(await namesOf(people)).toEqual(['Ana', 'Bo again', 'Cy', 'Di']);
    });

    it('keeps the data when the database is closed and opened again under the same name', async () => {
      const name = freshName();
      const first = await openDatabase(harness, name);
      await first.people.bulkInsert([person('a', 'Ana', 30), person('b', 'Bo', 41)]);
      await (await first.people.findOne('a').exec())?.incrementalPatch({ name: 'Ana Maria' });
      await first.close();

      const second = await openDatabase(harness, name);

      expect(await namesOf(second.people)).toEqual(['Ana Maria', 'Bo']);
    });

    it('updates a live query when a matching document is inserted', async () => {
      const database = await openDatabase(harness, freshName());
      await database.people.insert(person('a', 'Ana', 30));
      const query = database.people.find({ selector: { age: { $lt: 40 } }, sort: [{ id: 'asc' }] });
      const withTwo = firstValueFrom(query.$.pipe(filter((docs) => docs.length === 2)));

      await database.people.insert(person('b', 'Bo', 35));
      await database.people.insert(person('c', 'Cy', 70));

      expect((await withTwo).map((doc) => doc.id)).toEqual(['a', 'b']);
      expect((await query.exec()).map((doc) => doc.id)).toEqual(['a', 'b']);
    });

    it('stores attachments put through a document and reads them back after reopening', async () => {
      const name = freshName();
      const first = await openDatabase(harness, name, true);
      const doc = await first.people.insert(person('a', 'Ana', 30));
      await doc.putAttachment({ id: 'cv.txt', data: new Blob(['Ana’s résumé'], { type: 'text/plain' }), type: 'text/plain' });
      await first.close();

      const second = await openDatabase(harness, name, true);
      const reopened = await second.people.findOne('a').exec();
      const attachment = reopened?.getAttachment('cv.txt');

      expect(attachment?.type).toBe('text/plain');
      expect(await attachment?.getStringData()).toBe('Ana’s résumé');
      await attachment?.remove();
      expect((await second.people.findOne('a').exec())?.allAttachments()).toEqual([]);
    });

    it('starts empty after the database was removed', async () => {
      const name = freshName();
      const doomed = await openDatabase(harness, name);
      await doomed.people.bulkInsert([person('a', 'Ana', 30), person('b', 'Bo', 41)]);

      await doomed.remove();

      const fresh = await openDatabase(harness, name);
      expect(await namesOf(fresh.people)).toEqual([]);
    });
  });
}

// Storage conformance: getChangedDocumentsSince pages by (lwt, id) checkpoints, and changeStream
// reports each successful write once, with the checkpoint that continues after it.
import { describe, expect, it } from 'vitest';
import { firstValueFrom, take, toArray, type Observable } from 'rxjs';
import { getChangedDocumentsSince, getChangedDocumentsSinceQuery, now, prepareQuery } from 'rxdb';
import type { EventBulk, RxStorageChangeEvent, RxStorageDefaultCheckpoint } from 'rxdb';
import {
  deletionOf,
  idsOf,
  insertRow,
  makePerson,
  nextRevision,
  personWithAttachmentsSchema,
  storedAttachment,
  textAttachment,
  updateRow,
  type Person,
  type PersonDoc,
} from './conformance/fixtures.js';
import { readOne, useStorageHarness, type Instance } from './conformance/harness.js';
import { loadStorageSubjects } from './conformance/storages.js';

const context = 'conformance.changes';
type Checkpoint = RxStorageDefaultCheckpoint;
type Bulk = EventBulk<RxStorageChangeEvent<Person>, Checkpoint>;

function checkpointOf(doc: PersonDoc): Checkpoint {
  return { id: doc.id, lwt: doc._meta.lwt };
}

function byLwtThenId(a: PersonDoc, b: PersonDoc): number {
  return a._meta.lwt - b._meta.lwt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Pages from `start` until an empty page, calling `between` after each page. */
async function pageThrough(
  instance: Instance,
  limit: number,
  between: (pagesSoFar: readonly PersonDoc[][]) => Promise<void> = async () => undefined,
  start?: Checkpoint,
): Promise<{ pages: PersonDoc[][]; checkpoints: Checkpoint[] }> {
  const pages: PersonDoc[][] = [];
  const checkpoints: Checkpoint[] = [];
  let checkpoint = start;
  for (;;) {
    const page = await getChangedDocumentsSince(instance, limit, checkpoint);
    if (page.documents.length === 0) return { pages, checkpoints };
    expect(page.documents.length).toBeLessThanOrEqual(limit);
    pages.push(page.documents);
    checkpoint = page.checkpoint as Checkpoint;
    checkpoints.push(checkpoint);
    await between(pages);
  }
}

/** The next `count` bulks of the change stream; subscribe before writing. */
function nextBulks(instance: Instance, count: number): Promise<Bulk[]> {
  const stream: Observable<Bulk> = instance.changeStream();
  return firstValueFrom(stream.pipe(take(count), toArray()));
}

for (const subject of await loadStorageSubjects()) {
  describe.skipIf(subject.skipReason !== undefined)(`${subject.name} storage: getChangedDocumentsSince`, () => {
    const harness = useStorageHarness(subject);

    it('pages through every document, tombstones included, in (lwt, id) order with the last document as checkpoint', async () => {
      const instance = await harness.open();
      const docs = Array.from({ length: 10 }, (_, index) => makePerson({ id: `doc-${index}`, _deleted: index % 4 === 0 }));
      await instance.bulkWrite([...docs].reverse().map(insertRow), context);

      const { pages, checkpoints } = await pageThrough(instance, 3);

      expect(pages.map((page) => page.length)).toEqual([3, 3, 3, 1]);
      expect(pages.flat()).toStrictEqual([...docs].sort(byLwtThenId));
      expect(checkpoints).toEqual(pages.map((page) => checkpointOf(page[page.length - 1]!)));
    });

    it('pages documents that share one lwt in id order without losing any at a page boundary', async () => {
      const instance = await harness.open();
      const before = makePerson({ id: 'z-before' });
      const lwt = before._meta.lwt + 5;
      const tied = ['e', 'a', 'c', 'b', 'd'].map((id) => makePerson({ id, _meta: { lwt } }));
      const after = makePerson({ id: '0-after', _meta: { lwt: lwt + 5 } });
      await instance.bulkWrite([after, ...tied, before].map(insertRow), context);

      const { pages } = await pageThrough(instance, 2);

      expect(pages.map(idsOf)).toEqual([['z-before', 'a'], ['b', 'c'], ['d', 'e'], ['0-after']]);
    });

    it('returns nothing after the last checkpoint until a new write, then only that write', async () => {
      const instance = await harness.open();
      await instance.bulkWrite([makePerson(), makePerson()].map(insertRow), context);
      const { checkpoints } = await pageThrough(instance, 10);
      const last = checkpoints[checkpoints.length - 1];

      expect((await getChangedDocumentsSince(instance, 10, last)).documents).toEqual([]);
      const fresh = makePerson({ id: 'fresh' });
      await instance.bulkWrite([insertRow(fresh)], context);
      expect((await getChangedDocumentsSince(instance, 10, last)).documents).toStrictEqual([fresh]);
    });

    it('agrees with RxDB\'s own changes-since query run through query()', async () => {
      const instance = await harness.open();
      const lwt = now();
      const docs = [
        ...['b', 'a', 'c'].map((id) => makePerson({ id, _meta: { lwt } })),
        ...Array.from({ length: 5 }, (_, index) => makePerson({ id: `later-${index}`, _deleted: index === 2 })),
      ];
      await instance.bulkWrite(docs.map(insertRow), context);

      let checkpoint: Checkpoint | undefined;
      for (let page = 0; page < 4; page++) {
        const viaQuery = await instance.query(prepareQuery(instance.schema, getChangedDocumentsSinceQuery(instance, 3, checkpoint)));
        const viaMethod = await getChangedDocumentsSince(instance, 3, checkpoint);
        expect(viaQuery.documents).toStrictEqual(viaMethod.documents);
        const last = viaQuery.documents.at(-1);
        if (!last) break;
        checkpoint = checkpointOf(last);
      }
      expect(checkpoint).toEqual(checkpointOf(docs[docs.length - 1]!));
    });

    it('stays complete while writes land between pages: every document seen, only documents updated after being seen seen twice', async () => {
      const instance = await harness.open();
      const initial = Array.from({ length: 12 }, (_, index) => makePerson({ id: `base-${String(index).padStart(2, '0')}` }));
      await instance.bulkWrite(initial.map(insertRow), context);
      const current = new Map(initial.map((doc) => [doc.id, doc]));
      const seenBeforeUpdate = new Set<string>();
      const seen: PersonDoc[] = [];
      const write = async (next: PersonDoc) => {
        const previous = current.get(next.id);
        const response = await instance.bulkWrite([previous ? updateRow(previous, next) : insertRow(next)], context);
        expect(response.error).toEqual([]);
        current.set(next.id, next);
      };
      const rewrite = async (id: string, changes: Partial<PersonDoc>) => {
        if (seen.some((doc) => doc.id === id)) seenBeforeUpdate.add(id);
        await write(nextRevision(current.get(id)!, changes));
      };

      const { pages } = await pageThrough(instance, 4, async (pagesSoFar) => {
        seen.splice(0, seen.length, ...pagesSoFar.flat());
        if (pagesSoFar.length === 1) {
          await write(makePerson({ id: 'new-1' }));
          await rewrite('base-01', { name: 'seen, then updated' });
          await rewrite('base-09', { name: 'updated before being seen' });
        }
        if (pagesSoFar.length === 2) {
          await write(makePerson({ id: 'new-2' }));
          await rewrite('base-02', { _deleted: true });
          await rewrite('new-1', { name: 'inserted and updated while paging' });
        }
      });

      const all = pages.flat();
      const keys = all.map((doc) => [doc._meta.lwt, doc.id] as const);
      keys.slice(1).forEach(([lwt, id], index) => {
        const [prevLwt, prevId] = keys[index]!;
        expect(lwt > prevLwt || (lwt === prevLwt && id > prevId)).toBe(true);
      });
      expect(new Set(idsOf(all))).toEqual(new Set(current.keys()));
      const seenTwice = idsOf(all).filter((id, index, ids) => ids.indexOf(id) !== index);
      expect(seenTwice.sort()).toEqual([...seenBeforeUpdate].sort());
      for (const [id, latest] of current) {
        expect(all.filter((doc) => doc.id === id).at(-1)).toStrictEqual(latest);
      }
    });
  });

  describe.skipIf(subject.skipReason !== undefined)(`${subject.name} storage: changeStream`, () => {
    const harness = useStorageHarness(subject);

    it('emits one bulk with INSERT, UPDATE and DELETE events, the write context and the checkpoint of the last write', async () => {
      const instance = await harness.open();
      const toUpdate = makePerson({ id: 'b-update' });
      const toDelete = makePerson({ id: 'c-delete' });
      await instance.bulkWrite([insertRow(toUpdate), insertRow(toDelete)], context);
      const inserted = makePerson({ id: 'a-insert' });
      const updated = nextRevision(toUpdate, { age: 99 });
      const tombstone = deletionOf(toDelete);
      const bulks = nextBulks(instance, 1);

      await instance.bulkWrite([insertRow(inserted), updateRow(toUpdate, updated), updateRow(toDelete, tombstone)], 'the-context');

      const [bulk] = await bulks;
      expect(bulk?.context).toBe('the-context');
      expect(bulk?.id).toEqual(expect.any(String));
      expect(bulk?.checkpoint).toEqual(checkpointOf(tombstone));
      const events = [...(bulk?.events ?? [])].sort((a, b) => a.documentId.localeCompare(b.documentId));
      expect(events.map((event) => [event.documentId, event.operation])).toEqual([
        ['a-insert', 'INSERT'],
        ['b-update', 'UPDATE'],
        ['c-delete', 'DELETE'],
      ]);
      expect(events.map((event) => event.documentData)).toStrictEqual([inserted, updated, tombstone]);
      expect(events[1]?.previousDocumentData).toStrictEqual(toUpdate);
      expect(events[2]?.previousDocumentData).toStrictEqual(toDelete);
    });

    it('gives a checkpoint after which getChangedDocumentsSince returns only later writes', async () => {
      const instance = await harness.open();
      const bulks = nextBulks(instance, 1);
      await instance.bulkWrite([makePerson(), makePerson()].map(insertRow), context);
      const [bulk] = await bulks;

      expect((await getChangedDocumentsSince(instance, 10, bulk?.checkpoint)).documents).toEqual([]);
      const later = makePerson({ id: 'later' });
      await instance.bulkWrite([insertRow(later)], context);
      expect((await getChangedDocumentsSince(instance, 10, bulk?.checkpoint)).documents).toStrictEqual([later]);
    });

    it('emits nothing for a write whose every row conflicts', async () => {
      const instance = await harness.open();
      const existing = makePerson({ id: 'taken' });
      await instance.bulkWrite([insertRow(existing)], context);
      const bulks = nextBulks(instance, 1);

      const conflicting = await instance.bulkWrite([insertRow(makePerson({ id: 'taken' }))], 'conflict');
      const marker = makePerson({ id: 'marker' });
      await instance.bulkWrite([insertRow(marker)], 'marker');

      expect(conflicting.error).toHaveLength(1);
      const [bulk] = await bulks;
      expect(bulk?.context).toBe('marker');
      expect(bulk?.events.map((event) => event.documentId)).toEqual(['marker']);
    });

    it('reports only the rows that were written from a partly conflicting batch', async () => {
      const instance = await harness.open();
      const existing = makePerson({ id: 'taken' });
      await instance.bulkWrite([insertRow(existing)], context);
      const bulks = nextBulks(instance, 1);
      const fresh = makePerson({ id: 'fresh' });

      await instance.bulkWrite([insertRow(makePerson({ id: 'taken' })), insertRow(fresh)], context);

      const [bulk] = await bulks;
      expect(bulk?.events.map((event) => [event.documentId, event.operation])).toEqual([['fresh', 'INSERT']]);
      expect(bulk?.checkpoint).toEqual(checkpointOf(fresh));
    });

    it('reports reviving a deleted document as an INSERT', async () => {
      const instance = await harness.open();
      const doc = makePerson();
      const tombstone = deletionOf(doc);
      await instance.bulkWrite([insertRow(doc)], context);
      await instance.bulkWrite([updateRow(doc, tombstone)], context);
      const bulks = nextBulks(instance, 1);
      const revived = nextRevision(tombstone, { _deleted: false });

      await instance.bulkWrite([updateRow(tombstone, revived)], context);

      const [bulk] = await bulks;
      expect(bulk?.events.map((event) => [event.operation, event.documentData])).toStrictEqual([['INSERT', revived]]);
    });

    it('emits consecutive writes as separate bulks in write order', async () => {
      const instance = await harness.open();
      const docs = [makePerson({ id: 'one' }), makePerson({ id: 'two' }), makePerson({ id: 'three' })];
      const bulks = nextBulks(instance, 3);

      for (const doc of docs) await instance.bulkWrite([insertRow(doc)], context);

      expect((await bulks).map((bulk) => bulk.checkpoint)).toEqual(docs.map(checkpointOf));
    });

    it('carries attachment metadata but no attachment data in events', async () => {
      const instance = (await harness.open({ schema: personWithAttachmentsSchema })) as Instance<Person>;
      const attachment = textAttachment('résumé');
      const doc = makePerson({ _attachments: { 'cv.txt': attachment } });
      const bulks = nextBulks(instance, 1);

      await instance.bulkWrite([insertRow(doc)], context);

      const [bulk] = await bulks;
      expect(bulk?.events[0]?.documentData._attachments).toStrictEqual({ 'cv.txt': storedAttachment(attachment) });
      expect((await readOne(instance, doc.id))._attachments).toStrictEqual({ 'cv.txt': storedAttachment(attachment) });
    });
  });
}

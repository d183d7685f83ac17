// Storage conformance: attachments written through bulkWrite and read back with getAttachmentData.
import { describe, expect, it } from 'vitest';
import type { RxAttachmentWriteData } from 'rxdb';
import {
  deletionOf,
  insertRow,
  makePerson,
  nextRevision,
  personWithAttachmentsSchema,
  storedAttachment,
  textAttachment,
  updateRow,
} from './conformance/fixtures.js';
import { readOne, useStorageHarness } from './conformance/harness.js';
import type { Instance } from './conformance/harness.js';
import { loadStorageSubjects } from './conformance/storages.js';

const context = 'conformance.attachments';

/** The attachment's content as text; RxDB's contract says getAttachmentData resolves to a Blob. */
async function readAttachment(instance: Instance, docId: string, attachmentId: string, digest: string): Promise<string> {
  const data: unknown = await instance.getAttachmentData(docId, attachmentId, digest);
  expect(data).toBeInstanceOf(Blob);
  return (data as Blob).text();
}

for (const subject of await loadStorageSubjects()) {
  describe.skipIf(subject.skipReason !== undefined)(`${subject.name} storage: attachments`, () => {
    const harness = useStorageHarness(subject);
    const openWithAttachments = () => harness.open({ schema: personWithAttachmentsSchema });

    it('stores attachment data apart and keeps only length, type and digest on the document', async () => {
      const instance = await openWithAttachments();
      const cv = textAttachment('curriculum vitae ✓');
      const doc = makePerson({ _attachments: { 'cv.txt': cv } });

      const response = await instance.bulkWrite([insertRow(doc)], context);

      expect(response.error).toEqual([]);
      const stored = await readOne(instance, doc.id);
      expect(stored?._attachments).toStrictEqual({ 'cv.txt': storedAttachment(cv) });
      expect(await readAttachment(instance, doc.id, 'cv.txt', cv.digest)).toBe('curriculum vitae ✓');
    });

    it('adds a second attachment on update while keeping the first without re-sending its data', async () => {
      const instance = await openWithAttachments();
      const first = textAttachment('first');
      const doc = makePerson({ _attachments: { 'a.txt': first } });
      await instance.bulkWrite([insertRow(doc)], context);
      const stored = await readOne(instance, doc.id);
      const second = textAttachment('second');
      const updated = nextRevision(stored, { _attachments: { 'a.txt': storedAttachment(first), 'b.txt': second } });

      const response = await instance.bulkWrite([updateRow(stored, updated)], context);

      expect(response.error).toEqual([]);
      expect(await readAttachment(instance, doc.id, 'a.txt', first.digest)).toBe('first');
      expect(await readAttachment(instance, doc.id, 'b.txt', second.digest)).toBe('second');
      const [after] = await instance.findDocumentsById([doc.id], false);
      expect(after?._attachments).toStrictEqual({ 'a.txt': storedAttachment(first), 'b.txt': storedAttachment(second) });
    });

    it('replaces the data of an attachment written again with new content', async () => {
      const instance = await openWithAttachments();
      const before = textAttachment('version one');
      const doc = makePerson({ _attachments: { 'note.txt': before } });
      await instance.bulkWrite([insertRow(doc)], context);
      const stored = await readOne(instance, doc.id);
      const after = textAttachment('version two, longer');

      await instance.bulkWrite([updateRow(stored, nextRevision(stored, { _attachments: { 'note.txt': after } }))], context);

      expect(await readAttachment(instance, doc.id, 'note.txt', after.digest)).toBe('version two, longer');
      const [updated] = await instance.findDocumentsById([doc.id], false);
      expect(updated?._attachments).toStrictEqual({ 'note.txt': storedAttachment(after) });
    });

    it('removes an attachment left out of an update, so it can no longer be read', async () => {
      const instance = await openWithAttachments();
      const kept = textAttachment('kept');
      const dropped = textAttachment('dropped');
      const doc = makePerson({ _attachments: { 'kept.txt': kept, 'dropped.txt': dropped } });
      await instance.bulkWrite([insertRow(doc)], context);
      const stored = await readOne(instance, doc.id);

      await instance.bulkWrite(
        [updateRow(stored, nextRevision(stored, { _attachments: { 'kept.txt': storedAttachment(kept) } }))],
        context,
      );

      await expect(async () => instance.getAttachmentData(doc.id, 'dropped.txt', dropped.digest)).rejects.toThrow();
      expect(await readAttachment(instance, doc.id, 'kept.txt', kept.digest)).toBe('kept');
    });

    it('drops the attachments of a deleted document', async () => {
      const instance = await openWithAttachments();
      const photo = textAttachment('photo bytes');
      const doc = makePerson({ _attachments: { 'photo.txt': photo } });
      await instance.bulkWrite([insertRow(doc)], context);
      const stored = await readOne(instance, doc.id);

      const response = await instance.bulkWrite([updateRow(stored, deletionOf(stored))], context);

      expect(response.error).toEqual([]);
      await expect(async () => instance.getAttachmentData(doc.id, 'photo.txt', photo.digest)).rejects.toThrow();
    });

    it('rejects reading an attachment that was never written', async () => {
      const instance = await openWithAttachments();
      const doc = makePerson();
      await instance.bulkWrite([insertRow(doc)], context);

      await expect(async () => instance.getAttachmentData(doc.id, 'nothing.txt', 'sha256-none')).rejects.toThrow();
    });

    it('refuses with status 510 an attachment that has no data while writing the rest of the batch', async () => {
      // A batch made only of such rows makes RxDB's memory storage throw instead of answering 510,
      // so the batch also carries a valid document; the contract is the same either way.
      const instance = await openWithAttachments();
      const withoutData = storedAttachment(textAttachment('never sent'));
      const ghost = makePerson({ _attachments: { 'ghost.txt': withoutData } });
      const valid = makePerson({ _attachments: { 'real.txt': textAttachment('real') } });

      const response = await instance.bulkWrite([insertRow(ghost), insertRow(valid)], context);

      expect(response.error.map((error) => [error.documentId, error.status])).toEqual([[ghost.id, 510]]);
      expect(await instance.findDocumentsById([ghost.id], true)).toEqual([]);
      expect(await readAttachment(instance, valid.id, 'real.txt', textAttachment('real').digest)).toBe('real');
    });

    it('keeps attachments of different documents with the same attachment id apart', async () => {
      const instance = await openWithAttachments();
      const forAnn = textAttachment('ann');
      const forBen = textAttachment('ben');
      const ann = makePerson({ _attachments: { 'cv.txt': forAnn } });
      const ben = makePerson({ _attachments: { 'cv.txt': forBen } });

      await instance.bulkWrite([insertRow(ann), insertRow(ben)], context);

      expect(await readAttachment(instance, ann.id, 'cv.txt', forAnn.digest)).toBe('ann');
      expect(await readAttachment(instance, ben.id, 'cv.txt', forBen.digest)).toBe('ben');
    });

    it('keeps binary attachment data byte for byte', async () => {
      const instance = await openWithAttachments();
      const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
      const data = new Blob([bytes], { type: 'application/octet-stream' });
      const raw: RxAttachmentWriteData = { data, length: data.size, type: 'application/octet-stream', digest: 'sha256-raw' };
      const doc = makePerson({ _attachments: { 'raw.bin': raw } });

      await instance.bulkWrite([insertRow(doc)], context);

      const read: unknown = await instance.getAttachmentData(doc.id, 'raw.bin', 'sha256-raw');
      expect(read).toBeInstanceOf(Blob);
      expect(new Uint8Array(await (read as Blob).arrayBuffer())).toEqual(bytes);
    });
  });
}

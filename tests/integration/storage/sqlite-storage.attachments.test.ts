import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SQLiteStorageInternals } from '../../../src/main/core/db/storage-sqlite/index.js';
import { freshName, makeCandidate, makeTempDir, openDatabase, removeDir } from './sqlite-storage.fixtures.js';

describe('SQLite storage attachments', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  function storedAttachmentRows(internals: SQLiteStorageInternals): number {
    const raw = new Database(internals.databaseFile, { readonly: true });
    const count = raw.prepare(`SELECT COUNT(*) FROM "${internals.tableName}__attachments"`).pluck().get() as number;
    raw.close();
    return count;
  }

  it('keeps attachment bytes and content type across a close and reopen', async () => {
    const name = freshName();
    const pdf = randomBytes(200_000);
    const first = await openDatabase(dir, { name });
    const doc = await first.candidates.insert(makeCandidate(1));
    await doc.putAttachment({ id: 'resume.pdf', data: new Blob([pdf], { type: 'application/pdf' }), type: 'application/pdf' });
    await (await first.candidates.findOne(doc.id).exec())?.putAttachment({
      id: 'notes.txt',
      data: new Blob(['called on monday'], { type: 'text/plain' }),
      type: 'text/plain',
    });
    await first.close();

    const second = await openDatabase(dir, { name });
    const reopened = await second.candidates.findOne(doc.id).exec();
    const resume = reopened?.getAttachment('resume.pdf');
    expect(resume?.type).toBe('application/pdf');
    const blob = await resume?.getData();
    expect(blob?.type).toBe('application/pdf');
    expect(Buffer.from(await (blob as Blob).arrayBuffer()).equals(pdf)).toBe(true);
    expect(await reopened?.getAttachment('notes.txt')?.getStringData()).toBe('called on monday');
    await second.close();
  });

  it('deletes the stored bytes when an attachment is removed or its document is deleted', async () => {
    const db = await openDatabase(dir, { name: freshName() });
    const internals = db.candidates.storageInstance.internals as SQLiteStorageInternals;
    const [a, b] = await Promise.all([db.candidates.insert(makeCandidate(1)), db.candidates.insert(makeCandidate(2))]);
    const attachmentOfA = await a.putAttachment({ id: 'cv', data: new Blob(['a']), type: 'text/plain' });
    await b.putAttachment({ id: 'cv', data: new Blob(['b']), type: 'text/plain' });
    expect(storedAttachmentRows(internals)).toBe(2);

    await attachmentOfA.remove();
    expect(storedAttachmentRows(internals)).toBe(1);
    await (await db.candidates.findOne(b.id).exec())?.remove();
    expect(storedAttachmentRows(internals)).toBe(0);
    await db.close();
  });

  it('replaces the bytes when an attachment is written again with new content', async () => {
    const db = await openDatabase(dir, { name: freshName() });
    const doc = await db.candidates.insert(makeCandidate(1));
    await doc.putAttachment({ id: 'cv', data: new Blob(['first']), type: 'text/plain' });
    const latest = await db.candidates.findOne(doc.id).exec();
    await latest?.putAttachment({ id: 'cv', data: new Blob(['second version']), type: 'text/plain' });
    const reread = await db.candidates.findOne(doc.id).exec();
    expect(await reread?.getAttachment('cv')?.getStringData()).toBe('second version');
    expect(reread?.getAttachment('cv')?.length).toBe('second version'.length);
    await db.close();
  });
});

// Group commit and background checkpoints: the writes of one event-loop turn share one transaction
// (each in its own savepoint) and are acknowledged after its commit; the WAL is copied back into
// the database file by a worker thread, not inside a commit on the main thread.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../src/main/core/db/storage-sqlite/group-commit.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, CHECKPOINT_WAL_BYTES } from '../../../src/main/core/db/storage-sqlite/wal-checkpointer.js';
import { createLog } from '../../../src/main/core/log.js';
import { candidateData, freshName, makeCandidate, makeTempDir, openInstance, removeDir } from './sqlite-storage.fixtures.js';

const T0 = 1_700_000_000_000;

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(() => removeDir(dir));

describe('group commit', () => {
  it('writes a burst in one transaction, rolls back only the write that failed, and resolves after the commit', async () => {
    const file = join(dir, 'group.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
    const reader = new Database(file, { readonly: true });
    const visibleToReader = () => reader.prepare('SELECT id FROM t ORDER BY id').pluck().all();
    try {
      const group = createGroupCommit(db);
      const insert = db.prepare('INSERT INTO t (id) VALUES (?)');
      const seenDuringSecond: unknown[] = [];
      const first = group.run(() => insert.run('a').changes);
      const failing = group.run(() => {
        insert.run('b');
        insert.run('a');
      });
      const third = group.run(() => {
        // Still one open transaction: the first write is not visible to another connection yet.
        seenDuringSecond.push(db.inTransaction, visibleToReader());
        return insert.run('c').changes;
      });
      await expect(failing).rejects.toThrow(/UNIQUE/);
      expect(await Promise.all([first, third])).toEqual([1, 1]);
      expect(seenDuringSecond).toEqual([true, []]);
      // 'b' went with its savepoint; the others are committed.
      expect(visibleToReader()).toEqual(['a', 'c']);
      await group.idle();
    } finally {
      reader.close();
      db.close();
    }
  });

  it('commits every write a storage instance was given before its close resolves', async () => {
    const storage = getRxStorageSQLite({ databaseDir: dir });
    const name = freshName();
    const instance = await openInstance(storage, name);
    const writes = [1, 2, 3].map((n) => instance.bulkWrite([{ document: candidateData(makeCandidate(n), T0 + n) }], 'burst'));
    await instance.close();
    expect((await Promise.all(writes)).map((result) => result.error)).toEqual([[], [], []]);

    const reopened = await openInstance(getRxStorageSQLite({ databaseDir: dir }), name);
    try {
      expect((await reopened.findDocumentsById(['c000001', 'c000002', 'c000003'], false)).map((doc) => doc.id).sort()).toEqual(['c000001', 'c000002', 'c000003']);
    } finally {
      await reopened.close();
    }
  });
});

describe('background checkpoints', () => {
  it('leaves the WAL to a worker thread once it outgrows the threshold, with SQLite’s own checkpoint only as a backstop', async () => {
    let reportCheckpoint: (result: { log: number; checkpointed: number }) => void = () => undefined;
    const checkpointed = new Promise<{ log: number; checkpointed: number }>((resolve) => {
      reportCheckpoint = resolve;
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) {
          if (!line) continue;
          const entry = JSON.parse(line) as { msg?: string; result?: { log: number; checkpointed: number } };
          if (entry.msg === 'sqlite storage: background checkpoint' && entry.result) reportCheckpoint(entry.result);
        }
        done();
      },
    });
    const storage = getRxStorageSQLite({ databaseDir: dir, log: createLog('debug', sink) });
    const instance = await openInstance(storage, freshName());
    try {
      expect(instance.internals.db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_AUTOCHECKPOINT_PAGES);
      // Commits until the WAL has outgrown the threshold (the commit that crosses it asks).
      const wal = `${instance.internals.databaseFile}-wal`;
      for (let b = 0; statSync(wal).size < CHECKPOINT_WAL_BYTES; b++) {
        if (b > 5_000) throw new Error('the WAL did not grow');
        const rows = Array.from({ length: 200 }, (_, i) => ({ document: candidateData(makeCandidate(b * 200 + i, { name: `Candidate ${b}-${i} ${'x'.repeat(40)}` }), T0 + b) }));
        expect((await instance.bulkWrite(rows, 'fill')).error).toEqual([]);
      }
      const result = await checkpointed;
      expect(result.checkpointed).toBeGreaterThan(0);
      expect(result.checkpointed).toBeLessThanOrEqual(result.log);
    } finally {
      await instance.close();
    }
  });
});

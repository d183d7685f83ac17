import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { fillWithDefaultSettings, randomToken } from 'rxdb';
import type { RxDocumentData, RxJsonSchema } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFilePath, getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import type { SQLiteStorageInternals } from '../../../src/main/core/db/storage-sqlite/index.js';
import { candidateSchema, freshName, makeCandidate, makeTempDir, openDatabase, removeDir, type Candidate } from './sqlite-storage.fixtures.js';

const writerScript = fileURLToPath(new URL('./sqlite-storage.crash-writer.ts', import.meta.url));

describe('SQLite storage persistence', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  it('keeps every document written before close when the database is reopened', async () => {
    const name = freshName();
    const first = await openDatabase(dir, { name });
    await first.candidates.bulkInsert(Array.from({ length: 250 }, (_, n) => makeCandidate(n)));
    await (await first.candidates.findOne('c000007').exec())?.patch({ city: 'Aveiro' });
    await (await first.candidates.findOne('c000008').exec())?.remove();
    await first.close();

    const second = await openDatabase(dir, { name });
    expect(await second.candidates.count().exec()).toBe(249);
    expect((await second.candidates.findOne('c000007').exec())?.city).toBe('Aveiro');
    expect(await second.candidates.findOne('c000008').exec()).toBeNull();
    await second.close();
  });

  it('lets a fresh process read every write acknowledged before the writer was killed with SIGKILL', async () => {
    const name = freshName();
    const child = spawn(process.execPath, ['--import', 'tsx', writerScript, dir, name], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: string[] = [];
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const lines = createInterface({ input: child.stdout });
    for await (const line of lines) {
      if (line === 'ready') continue;
      acknowledged.push(line);
      // Kill mid-stream: the writer is busy with the next insert when the signal lands.
      if (acknowledged.length === 40) child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');

    const reopened = await openDatabase(dir, { name });
    const stored = await reopened.candidates.findByIds(acknowledged).exec();
    expect([...stored.keys()].sort()).toEqual([...acknowledged].sort());
    await reopened.close();
  });

  it('runs the database in WAL mode with a full fsync on every commit and a busy timeout', async () => {
    const db = await openDatabase(dir, { name: freshName() });
    const internals = db.candidates.storageInstance.internals as SQLiteStorageInternals;
    expect(internals.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(internals.db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(internals.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    await db.close();

    // The journal mode is a property of the file: any later connection sees it too.
    const raw = new Database(internals.databaseFile, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('stores each RxDB database in its own file inside the database directory', async () => {
    const a = await openDatabase(dir, { name: 'alpha' });
    const b = await openDatabase(dir, { name: 'beta' });
    await a.candidates.insert(makeCandidate(1));
    expect(await b.candidates.count().exec()).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort()).toEqual(['alpha.sqlite', 'beta.sqlite']);
    await a.close();
    await b.close();
  });

  it('never places a database file outside the directory, whatever the name', async () => {
    for (const name of ['../escape', '/etc/passwd', 'a/b\\c', '..', 'ünïcode ☃']) {
      const file = databaseFilePath(dir, name);
      expect(file.startsWith(join(dir, '/'))).toBe(true);
      expect(file.slice(dir.length + 1)).toMatch(/^[A-Za-z0-9_-]+\.sqlite$/);
    }
    // Different names that sanitise alike still get different files.
    expect(databaseFilePath(dir, 'a/b')).not.toBe(databaseFilePath(dir, 'a_b'));

    const storage = getRxStorageSQLite({ databaseDir: dir });
    const schema = fillWithDefaultSettings(candidateSchema) as RxJsonSchema<RxDocumentData<Candidate>>;
    const instance = await storage.createStorageInstance<Candidate>({
      databaseInstanceToken: randomToken(10),
      databaseName: '../outside',
      collectionName: 'candidates',
      schema,
      options: {},
      multiInstance: false,
      devMode: true,
    });
    expect(instance.internals.databaseFile).toBe(databaseFilePath(dir, '../outside'));
    expect(existsSync(instance.internals.databaseFile)).toBe(true);
    await instance.close();
  });

  it('deletes the database file when the RxDB database is removed', async () => {
    const name = freshName();
    const db = await openDatabase(dir, { name });
    await db.candidates.insert(makeCandidate(1));
    const file = (db.candidates.storageInstance.internals as SQLiteStorageInternals).databaseFile;
    expect(existsSync(file)).toBe(true);
    await db.remove();
    expect(existsSync(file)).toBe(false);

    const again = await openDatabase(dir, { name });
    expect(await again.candidates.count().exec()).toBe(0);
    await again.close();
  });
});

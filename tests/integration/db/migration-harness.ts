// What every schema-migration test does: write documents the way an earlier version of the app did,
// close the database, then open it with the current schemas (which runs the migrations) on each
// storage the app can run on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RxCollection, RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, expect } from 'vitest';
import { FakeClock } from '../../../src/main/core/clock.js';
import { createAppDatabase, openRxDatabase, type AnyRxStorage, type AppDatabase } from '../../../src/main/core/db/database.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { silentLog } from '../../../src/main/core/log.js';

/** A storage to migrate on; `open()` gives a new storage object each time, as after an app restart. */
export interface MigrationStorage {
  name: string;
  open: () => AnyRxStorage;
}

/**
 * The memory storage and the project's SQLite storage (in a temporary folder removed after the
 * file's tests). Call it at the top level of a test file, for `describe.each`.
 */
export function migrationStorages(label: string): MigrationStorage[] {
  const databaseDir = mkdtempSync(join(tmpdir(), `db-${label}-migration-`));
  afterAll(() => rmSync(databaseDir, { recursive: true, force: true }));
  return [
    // The memory storage keeps a closed database's data for the rest of the process.
    { name: 'memory storage', open: () => getRxStorageMemory() },
    { name: 'SQLite storage', open: () => getRxStorageSQLite({ databaseDir }) },
  ];
}

export interface EarlierVersion<Doc> {
  /** The collection's name in the app database. */
  collection: string;
  /** The schema that version of the app created the collection with. */
  schema: RxJsonSchema<Doc>;
  /** Documents as that version stored them, with `_attachments` where it stored files. */
  docs: Doc[];
}

/** Writes documents into database `name` with an earlier schema, as that version did, then closes it. */
export async function writeWithEarlierSchema<Doc>(storage: AnyRxStorage, name: string, earlier: EarlierVersion<Doc>): Promise<void> {
  const db = await openRxDatabase<Record<string, RxCollection<Doc>>>({ storage, name, devMode: true });
  try {
    await db.addCollections({ [earlier.collection]: { schema: earlier.schema } });
    const collection = db[earlier.collection];
    if (!collection) throw new Error(`collection ${earlier.collection} was not created`);
    const result = await collection.bulkInsert(earlier.docs);
    expect(result.error).toEqual([]);
  } finally {
    await db.close();
  }
}

/** Opens database `name` as the current app does: every migration has run when this resolves. */
export function openWithCurrentSchemas(storage: AnyRxStorage, name: string, now = 1_700_000_000_000): Promise<AppDatabase> {
  return createAppDatabase({ storage, name, deviceId: 'new-laptop', devMode: true, log: silentLog, clock: new FakeClock(now) });
}

// The storages the conformance suite runs against: RxDB's memory storage (the reference) and the
// project's SQLite storage, each able to hand out a fresh storage with its own cleanup.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';

export type AnyRxStorage = RxStorage<unknown, unknown>;

export interface StorageUnderTest {
  readonly storage: AnyRxStorage;
  /** Releases whatever the storage left behind (temporary directories). */
  cleanup(): Promise<void>;
}

export interface StorageSubject {
  readonly name: 'memory' | 'sqlite';
  /** Set when this storage cannot run here; its tests are then skipped with this reason. */
  readonly skipReason?: string;
  createStorage(): Promise<StorageUnderTest>;
}

type SQLiteStorageFactory = (options: { databaseDir: string }) => AnyRxStorage;

const sqliteModuleUrl = new URL('../../../../src/main/core/db/storage-sqlite/index.ts', import.meta.url);

const memorySubject: StorageSubject = {
  name: 'memory',
  async createStorage() {
    // Memory state is process-wide and keyed by database name; tests use fresh random names.
    return { storage: getRxStorageMemory(), cleanup: async () => undefined };
  },
};

function sqliteSubjectFrom(factory: SQLiteStorageFactory): StorageSubject {
  return {
    name: 'sqlite',
    async createStorage() {
      const databaseDir = await mkdtemp(join(tmpdir(), 'rxdb-conformance-'));
      return {
        storage: factory({ databaseDir }),
        cleanup: () => rm(databaseDir, { recursive: true, force: true }),
      };
    },
  };
}

/** A subject whose every test fails with `error`: the module exists but does not load. */
function brokenSqliteSubject(error: unknown): StorageSubject {
  return {
    name: 'sqlite',
    async createStorage() {
      throw new Error('the SQLite storage module exists but could not be loaded', { cause: error });
    },
  };
}

async function loadSqliteSubject(): Promise<StorageSubject> {
  const modulePath = fileURLToPath(sqliteModuleUrl);
  if (!existsSync(modulePath)) {
    const skipReason = `the SQLite storage is not implemented yet (${modulePath} does not exist)`;
    console.warn(`[storage conformance] sqlite skipped: ${skipReason}`);
    return { name: 'sqlite', skipReason, createStorage: () => Promise.reject(new Error(skipReason)) };
  }
  try {
    const loaded: Record<string, unknown> = await import(/* @vite-ignore */ sqliteModuleUrl.href);
    const factory = loaded['getRxStorageSQLite'];
    if (typeof factory !== 'function') {
      return brokenSqliteSubject(new TypeError(`${modulePath} does not export a getRxStorageSQLite function`));
    }
    return sqliteSubjectFrom(factory as SQLiteStorageFactory);
  } catch (error) {
    // Once the module exists it must run: a load failure fails its tests instead of skipping them.
    return brokenSqliteSubject(error);
  }
}

/** Every storage the suite knows, the ones that cannot run here marked with why. */
export async function loadStorageSubjects(): Promise<StorageSubject[]> {
  return [memorySubject, await loadSqliteSubject()];
}

// The project's persistent RxStorage: RxDB documents in SQLite (better-sqlite3, WAL, fsync on
// commit), one file per RxDB database, one table per collection + schema version, and one real
// SQLite index per schema index so queries read only their planned index range.
import { RXDB_VERSION, ensureRxStorageInstanceParamsAreCorrect } from 'rxdb';
import type { RxStorage } from 'rxdb';
import { silentLog } from '../../log.js';
import { createConnectionPool } from './connection.js';
import { describeTable, ensureTables } from './sql-schema.js';
import { SQLiteStorageInstance } from './storage-instance.js';
import type { SQLiteInstanceCreationOptions, SQLiteStorageInternals, SQLiteStorageOptions } from './types.js';

export type { SQLiteInstanceCreationOptions, SQLiteStorageInternals, SQLiteStorageOptions } from './types.js';
export { databaseFilePath } from './connection.js';

export const SQLITE_STORAGE_NAME = 'sqlite-persistent';

export type RxStorageSQLite = RxStorage<SQLiteStorageInternals, SQLiteInstanceCreationOptions>;

/**
 * Connections are shared per storage object: every RxDB database created with the same
 * `getRxStorageSQLite()` result and the same name uses one connection and one change stream per
 * collection.
 */
export function getRxStorageSQLite(options: SQLiteStorageOptions): RxStorageSQLite {
  const log = options.log ?? silentLog;
  const pool = createConnectionPool({ databaseDir: options.databaseDir, log });

  return {
    name: SQLITE_STORAGE_NAME,
    rxdbVersion: RXDB_VERSION,
    async createStorageInstance(params) {
      ensureRxStorageInstanceParamsAreCorrect(params);
      const connection = pool.acquire(params.databaseName);
      try {
        const layout = describeTable(params.schema, params.collectionName);
        const open = connection.tables.get(layout.tableName);
        ensureTables(connection.db, layout, log, !!open && !open.removed);
        const table = pool.acquireTable(connection, layout.tableName);
        return new SQLiteStorageInstance({ params, pool, connection, table, layout, log });
      } catch (error) {
        pool.release(connection);
        throw error;
      }
    },
  };
}

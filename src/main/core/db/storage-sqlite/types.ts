// Public types of the SQLite RxStorage.
import type Database from 'better-sqlite3';
import type { Log } from '../../log.js';

export interface SQLiteStorageOptions {
  /** Directory holding one `<database name>.sqlite` file per RxDB database (created if missing). */
  readonly databaseDir: string;
  readonly log?: Log;
}

/** Per-collection options (RxDB's `instanceCreationOptions`); the storage needs none. */
export type SQLiteInstanceCreationOptions = Record<string, never>;

export interface SQLiteStorageInternals {
  readonly databaseFile: string;
  readonly tableName: string;
  /** The shared connection, for diagnostics and backups; writing through it bypasses RxDB. */
  readonly db: Database.Database;
}

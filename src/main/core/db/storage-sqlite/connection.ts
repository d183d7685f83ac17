// One better-sqlite3 connection per database file, shared (reference counted) by every storage
// instance of that RxDB database, with the durability pragmas set once on open.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Subject } from 'rxjs';
import type { EventBulk, RxStorageChangeEvent, RxStorageDefaultCheckpoint } from 'rxdb';
import type { Log } from '../../log.js';
import { createGroupCommit, type GroupCommit } from './group-commit.js';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, createWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';

/** How long a writer waits for another process's lock before SQLite reports SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

const FILE_EXTENSION = '.sqlite';
const MAX_FILE_STEM_LENGTH = 80;

// Events are shared by every instance on the same table, so each of them sees the others' writes.
export type TableChanges = Subject<EventBulk<RxStorageChangeEvent<unknown>, RxStorageDefaultCheckpoint>>;

export interface TableState {
  readonly changes: TableChanges;
  refCount: number;
  removed: boolean;
}

export interface SharedConnection {
  readonly db: Database.Database;
  readonly file: string;
  readonly databaseName: string;
  /** Every document write of this connection goes through it (see group-commit.ts). */
  readonly commits: GroupCommit;
  readonly checkpointer: WalCheckpointer;
  refCount: number;
  readonly tables: Map<string, TableState>;
}

export interface ConnectionPool {
  acquire(databaseName: string): SharedConnection;
  release(connection: SharedConnection): void;
  acquireTable(connection: SharedConnection, tableName: string): TableState;
  releaseTable(connection: SharedConnection, tableName: string, state: TableState): void;
}

/**
 * Maps an RxDB database name to a file inside databaseDir. Anything but [A-Za-z0-9_-] becomes '_'
 * (so no separator or '..' can escape the directory); a hash of the original name is appended
 * whenever that changed the name, so two different names never share a file.
 */
export function databaseFilePath(databaseDir: string, databaseName: string): string {
  if (databaseName.length === 0) throw new Error('An RxDB database name must not be empty.');
  const safe = databaseName.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, MAX_FILE_STEM_LENGTH);
  const stem = safe === databaseName ? safe : `${safe}-${createHash('sha256').update(databaseName).digest('hex').slice(0, 12)}`;
  const dir = path.resolve(databaseDir);
  const file = path.join(dir, stem + FILE_EXTENSION);
  if (path.dirname(file) !== dir) throw new Error(`Database name ${JSON.stringify(databaseName)} escapes the database directory.`);
  return file;
}

function openDatabase(file: string, log: Log): Database.Database {
  // At trace level every executed statement is logged with its parameters bound (for debugging
  // and for checking query plans with EXPLAIN QUERY PLAN).
  const verbose = log.isLevelEnabled('trace') ? (sql: unknown) => log.trace({ sql }, 'sqlite storage: statement') : undefined;
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS, ...(verbose ? { verbose } : {}) });
  // Only takes effect while the file is still empty. 8 KiB pages hold more of the (short) index
  // keys per page, which made bulk inserts ~15% faster than the 4 KiB default in our benchmark.
  db.pragma('page_size = 8192');
  // WAL: readers never block the writer; FULL: fsync the WAL on every commit, so a write that
  // was acknowledged survives a killed process or a power cut.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -32000');
  // Checkpoints run on a worker thread (wal-checkpointer.ts); this one only if that falls behind.
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  return db;
}

function hasNoTables(db: Database.Database): boolean {
  // sqlite_stat* tables (from PRAGMA optimize) are SQLite's own, not data.
  const count = db
    .prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_'")
    .pluck()
    .get();
  return count === 0;
}

export function createConnectionPool(options: { databaseDir: string; log: Log }): ConnectionPool {
  const { databaseDir, log } = options;
  const open = new Map<string, SharedConnection>();

  return {
    acquire(databaseName) {
      const file = databaseFilePath(databaseDir, databaseName);
      const existing = open.get(file);
      if (existing) {
        existing.refCount++;
        return existing;
      }
      mkdirSync(path.dirname(file), { recursive: true });
      const db = openDatabase(file, log);
      const checkpointer = createWalCheckpointer({ file, busyTimeoutMs: BUSY_TIMEOUT_MS, log });
      const commits = createGroupCommit(db, () => checkpointer.afterCommit());
      const connection: SharedConnection = { db, file, databaseName, commits, checkpointer, refCount: 1, tables: new Map() };
      open.set(file, connection);
      log.debug({ file, databaseName }, 'sqlite storage: opened database');
      return connection;
    },

    release(connection) {
      connection.refCount--;
      if (connection.refCount > 0) return;
      open.delete(connection.file);
      const { db, file } = connection;
      void connection.checkpointer.close();
      // A database whose collections were all removed leaves no empty file behind.
      const empty = hasNoTables(db);
      if (!empty) db.pragma('optimize');
      db.close();
      if (empty) {
        for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      }
      log.debug({ file, removedFile: empty }, 'sqlite storage: closed database');
    },

    acquireTable(connection, tableName) {
      const existing = connection.tables.get(tableName);
      if (existing && !existing.removed) {
        existing.refCount++;
        return existing;
      }
      const state: TableState = { changes: new Subject(), refCount: 1, removed: false };
      connection.tables.set(tableName, state);
      return state;
    },

    releaseTable(connection, tableName, state) {
      state.refCount--;
      if (state.refCount > 0) return;
      // A removed and re-created table has a new state; only forget the one being released.
      if (connection.tables.get(tableName) === state) connection.tables.delete(tableName);
      state.changes.complete();
    },
  };
}

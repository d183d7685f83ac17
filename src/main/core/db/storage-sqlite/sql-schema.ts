// Table layout and DDL for one collection + schema version: a documents table with one key column
// (and one real SQLite index) per RxDB schema index, plus an attachments table when the schema
// has attachments. Key columns are named by a hash of what determines their content, so a changed
// index definition gets a fresh, backfilled column instead of silently reusing stale keys.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { getPrimaryFieldOfPrimaryKey, getSchemaByObjectPath, toArray } from 'rxdb';
import type { RxDocumentData, RxJsonSchema } from 'rxdb';
import type { Log } from '../../log.js';
import { INDEX_KEY_FORMAT, createDocumentKeys, createIndexKeyEncoder, type IndexKeyEncoder } from './index-key.js';

const KEY_COLUMN_PREFIX = 'k_';
const BACKFILL_BATCH = 1_000;

export interface IndexColumn {
  /** The RxDB index (field paths) this column serves, as the query planner names it. */
  readonly fields: readonly string[];
  /** Quoted column name. */
  readonly column: string;
  /** Quoted SQLite index name (for INDEXED BY). */
  readonly sqlIndex: string;
  /** Index keys of documents (any RxDocumentData of this collection) and of query bounds. */
  readonly keys: IndexKeyEncoder;
}

export interface TableLayout {
  readonly tableName: string;
  /** Quoted documents table name. */
  readonly docs: string;
  /** Quoted attachments table name, when the schema has attachments. */
  readonly attachments: string | undefined;
  readonly primaryPath: string;
  readonly indexColumns: readonly IndexColumn[];
  readonly byIndex: ReadonlyMap<string, IndexColumn>;
  /** The (_meta.lwt, primary key) index that orders getChangedDocumentsSince(). */
  readonly lwtIndex: IndexColumn;
  /** A document's keys for all index columns, in indexColumns order. */
  readonly keysOf: (doc: object) => Buffer[];
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function indexName(fields: readonly string[]): string {
  return fields.join(',');
}

function keyColumnName<RxDocType>(schema: RxJsonSchema<RxDocumentData<RxDocType>>, fields: readonly string[]): string {
  // Everything that changes the stored key: the key format, each field, its type and its widths.
  const shape: unknown[] = fields.map((field) => {
    const part = getSchemaByObjectPath(schema, field) as Record<string, unknown> | undefined;
    return [field, part?.type, part?.maxLength, part?.minimum, part?.maximum, part?.multipleOf];
  });
  shape.unshift(INDEX_KEY_FORMAT);
  return KEY_COLUMN_PREFIX + createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16);
}

export function describeTable<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  collectionName: string,
): TableLayout {
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
  const tableName = `${collectionName}__v${schema.version}`;
  const indexes = (schema.indexes ?? []).map((index) => toArray(index) as string[]);
  const lwtFields = ['_meta.lwt', primaryPath];
  if (!indexes.some((index) => indexName(index) === indexName(lwtFields))) indexes.push(lwtFields);

  const byIndex = new Map<string, IndexColumn>();
  for (const fields of indexes) {
    const name = keyColumnName(schema, fields);
    byIndex.set(indexName(fields), {
      fields,
      column: quoteIdentifier(name),
      sqlIndex: quoteIdentifier(`${tableName}__${name}`),
      keys: createIndexKeyEncoder(schema, fields),
    });
  }
  const indexColumns = [...byIndex.values()];
  return {
    tableName,
    docs: quoteIdentifier(tableName),
    attachments: schema.attachments ? quoteIdentifier(`${tableName}__attachments`) : undefined,
    primaryPath,
    indexColumns,
    byIndex,
    lwtIndex: byIndex.get(indexName(lwtFields)) as IndexColumn,
    keysOf: createDocumentKeys(schema, indexColumns.map((c) => c.fields)),
  };
}

function unquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/""/g, '"');
}

/** Fills key columns that are NULL (just added), reading in rowid batches. */
function backfillKeys(db: Database.Database, layout: TableLayout, columns: readonly IndexColumn[], log: Log): void {
  const positions = columns.map((c) => layout.indexColumns.indexOf(c));
  const select = db.prepare(`SELECT rowid, data FROM ${layout.docs} WHERE rowid > ? ORDER BY rowid LIMIT ${BACKFILL_BATCH}`).raw();
  const update = db.prepare(`UPDATE ${layout.docs} SET ${columns.map((c) => `${c.column} = ?`).join(', ')} WHERE rowid = ?`);
  let lastRowid: number | bigint = 0;
  let filled = 0;
  for (;;) {
    const batch = select.all(lastRowid) as [number, string][];
    for (const [rowid, data] of batch) {
      const doc = JSON.parse(data) as object;
      const keys = layout.keysOf(doc);
      update.run(...positions.map((p) => keys[p]), rowid);
      lastRowid = rowid;
    }
    filled += batch.length;
    if (batch.length < BACKFILL_BATCH) break;
  }
  if (filled > 0) log.info({ table: layout.tableName, documents: filled }, 'sqlite storage: built index keys');
}

/**
 * Creates (or brings up to date) the tables and indexes of a layout, in one transaction. While
 * another instance has the table open (`inUse`), its key columns must not change under it: a
 * different index layout then means a different schema under the same version, which is refused.
 */
export function ensureTables(db: Database.Database, layout: TableLayout, log: Log, inUse: boolean): void {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS ${layout.docs} (
      id TEXT NOT NULL PRIMARY KEY,
      data TEXT NOT NULL,
      deleted INTEGER NOT NULL,
      lwt REAL NOT NULL,
      rev TEXT NOT NULL
    )`);
    // cleanup() only ever looks at deleted documents, usually a small fraction.
    db.exec(`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${layout.tableName}__purge`)} ON ${layout.docs} (lwt) WHERE deleted = 1`);

    const existing = new Set(
      (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(layout.tableName) as string[]).filter((n) =>
        n.startsWith(KEY_COLUMN_PREFIX),
      ),
    );
    const wanted = new Set(layout.indexColumns.map((c) => unquote(c.column)));
    const added = layout.indexColumns.filter((c) => !existing.has(unquote(c.column)));
    if (inUse && (added.length > 0 || existing.size > wanted.size)) {
      throw new Error(`table ${layout.tableName} is already open with a different schema (same version, other indexes)`);
    }
    for (const stale of existing) {
      if (wanted.has(stale)) continue;
      db.exec(`DROP INDEX IF EXISTS ${quoteIdentifier(`${layout.tableName}__${stale}`)}`);
      db.exec(`ALTER TABLE ${layout.docs} DROP COLUMN ${quoteIdentifier(stale)}`);
    }
    for (const column of added) db.exec(`ALTER TABLE ${layout.docs} ADD COLUMN ${column.column} BLOB`);
    if (added.length > 0) backfillKeys(db, layout, added, log);
    for (const column of layout.indexColumns) {
      db.exec(`CREATE INDEX IF NOT EXISTS ${column.sqlIndex} ON ${layout.docs} (${column.column})`);
    }

    if (layout.attachments) {
      db.exec(`CREATE TABLE IF NOT EXISTS ${layout.attachments} (
        doc_id TEXT NOT NULL,
        attachment_id TEXT NOT NULL,
        digest TEXT NOT NULL,
        type TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (doc_id, attachment_id)
      )`);
    }
  }).immediate();
}

export function dropTables(db: Database.Database, layout: TableLayout): void {
  db.transaction(() => {
    db.exec(`DROP TABLE IF EXISTS ${layout.docs}`);
    if (layout.attachments) db.exec(`DROP TABLE IF EXISTS ${layout.attachments}`);
  }).immediate();
}

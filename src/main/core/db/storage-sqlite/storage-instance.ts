// One RxDB storage instance = one collection + schema version = one documents table (and an
// attachments table) in the database's shared SQLite connection.
//
// Every bulkWrite reads the current revisions, categorises the rows and writes them synchronously
// inside a savepoint of the connection's group transaction (group-commit.ts: the writes of one
// event-loop turn share one BEGIN IMMEDIATE … COMMIT): nothing else in this process can interleave,
// and another process waits on SQLite's lock. The call resolves and events go out after the commit.
import type Database from 'better-sqlite3';
import type { Observable } from 'rxjs';
import { categorizeBulkWriteRows, now } from 'rxdb';
import type {
  BulkWriteRow,
  CategorizeBulkWriteRowsOutput,
  EventBulk,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorageBulkWriteResponse,
  RxStorageChangeEvent,
  RxStorageCountResult,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
  RxStorageInstanceCreationParams,
  RxStorageQueryResult,
  RxStorageWriteError,
  StringKeys,
} from 'rxdb';
import type { Log } from '../../log.js';
import { createAttachmentStore, hasAttachmentData, readAttachmentPayloads, type AttachmentPayloads, type AttachmentStore } from './attachments.js';
import type { ConnectionPool, SharedConnection, TableState } from './connection.js';
import { createQueryRunner, type QueryRunner } from './query.js';
import { dropTables, type TableLayout } from './sql-schema.js';
import type { SQLiteInstanceCreationOptions, SQLiteStorageInternals } from './types.js';

type Checkpoint = RxStorageDefaultCheckpoint;

const NO_PAYLOADS: AttachmentPayloads = new Map();
type Doc<T> = RxDocumentData<T>;

export interface StorageInstanceContext<RxDocType> {
  readonly params: RxStorageInstanceCreationParams<RxDocType, SQLiteInstanceCreationOptions>;
  readonly pool: ConnectionPool;
  readonly connection: SharedConnection;
  readonly table: TableState;
  readonly layout: TableLayout;
  readonly log: Log;
}

interface Statements {
  readonly revisions: Database.Statement;
  readonly byIdWithDeleted: Database.Statement;
  readonly byIdLive: Database.Statement;
  readonly one: Database.Statement;
  readonly insert: Database.Statement;
  readonly update: Database.Statement;
  readonly changedSince: Database.Statement;
  readonly purge: Database.Statement;
}

function prepareStatements(db: Database.Database, layout: TableLayout): Statements {
  const t = layout.docs;
  const keys = layout.indexColumns.map((c) => c.column);
  const idsParam = `SELECT value FROM json_each(?)`;
  return {
    revisions: db.prepare(`SELECT id, rev FROM ${t} WHERE id IN (${idsParam})`).raw(),
    byIdWithDeleted: db.prepare(`SELECT data FROM ${t} WHERE id IN (${idsParam})`).pluck(),
    byIdLive: db.prepare(`SELECT data FROM ${t} WHERE id IN (${idsParam}) AND deleted = 0`).pluck(),
    one: db.prepare(`SELECT data FROM ${t} WHERE id = ?`).pluck(),
    // OR REPLACE: two inserts of one new id in the same bulk end as the last one, like memory storage.
    insert: db.prepare(
      `INSERT OR REPLACE INTO ${t} (id, data, deleted, lwt, rev, ${keys.join(', ')}) VALUES (?, ?, ?, ?, ?, ${keys.map(() => '?').join(', ')})`,
    ),
    update: db.prepare(
      `UPDATE ${t} SET data = ?, deleted = ?, lwt = ?, rev = ?, ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`,
    ),
    changedSince: db
      .prepare(
        `SELECT data FROM ${t} INDEXED BY ${layout.lwtIndex.sqlIndex} WHERE ${layout.lwtIndex.column} > ? ORDER BY ${layout.lwtIndex.column} LIMIT ?`,
      )
      .pluck(),
    purge: db.prepare(`DELETE FROM ${t} WHERE deleted = 1 AND lwt <= ?`),
  };
}

export class SQLiteStorageInstance<RxDocType>
  implements RxStorageInstance<RxDocType, SQLiteStorageInternals, SQLiteInstanceCreationOptions, Checkpoint>
{
  readonly databaseName: string;
  readonly collectionName: string;
  readonly schema: Readonly<RxJsonSchema<Doc<RxDocType>>>;
  readonly options: Readonly<SQLiteInstanceCreationOptions>;
  readonly internals: Readonly<SQLiteStorageInternals>;

  private closed = false;
  private readonly db: Database.Database;
  private readonly primaryPath: StringKeys<RxDocType>;
  private readonly statements: Statements;
  private readonly queries: QueryRunner<RxDocType>;
  private readonly attachments: AttachmentStore | undefined;
  private readonly cleanupTransaction: (maxLwt: number) => void;

  constructor(private readonly context: StorageInstanceContext<RxDocType>) {
    const { params, connection, layout } = context;
    this.databaseName = params.databaseName;
    this.collectionName = params.collectionName;
    this.schema = params.schema;
    this.options = params.options;
    this.internals = { databaseFile: connection.file, tableName: layout.tableName, db: connection.db };
    this.db = connection.db;
    this.primaryPath = layout.primaryPath as StringKeys<RxDocType>;
    this.statements = prepareStatements(this.db, layout);
    this.queries = createQueryRunner(this.db, params.schema, layout);
    this.attachments = layout.attachments ? createAttachmentStore(this.db, { ...layout, attachments: layout.attachments }) : undefined;
    this.cleanupTransaction = this.db
      .transaction((maxLwt: number) => {
        this.attachments?.purgeDeletedBefore(maxLwt);
        this.statements.purge.run(maxLwt);
      })
      .immediate;
  }

  async bulkWrite(documentWrites: BulkWriteRow<RxDocType>[], context: string): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    this.ensureOpen();
    // Attachment Blobs can only be read asynchronously: read them before the transaction starts.
    // (Only when there are any: otherwise the write is submitted in this same turn.)
    const payloads: AttachmentPayloads =
      this.attachments && hasAttachmentData(documentWrites) ? await readAttachmentPayloads(documentWrites) : NO_PAYLOADS;
    this.ensureOpen();
    const categorized = await this.context.connection.commits.run(() => {
      // Closed or removed while the write waited for its group.
      this.ensureOpen();
      return this.writeInTransaction(documentWrites, context, payloads);
    });
    const newest = categorized.newestRow;
    if (categorized.eventBulk.events.length > 0 && newest) {
      const eventBulk = categorized.eventBulk as EventBulk<RxStorageChangeEvent<Doc<RxDocType>>, Checkpoint>;
      eventBulk.checkpoint = { id: this.idOf(newest.document), lwt: newest.document._meta.lwt };
      this.context.table.changes.next(eventBulk as EventBulk<RxStorageChangeEvent<unknown>, Checkpoint>);
    }
    return { error: categorized.errors };
  }

  private writeInTransaction(
    rows: BulkWriteRow<RxDocType>[],
    context: string,
    payloads: AttachmentPayloads,
  ): CategorizeBulkWriteRowsOutput<RxDocType> {
    const { statements, context: { layout } } = this;
    const ids = rows.map((row) => this.idOf(row.document));
    // Conflict detection only compares _rev, so the stored JSON is parsed only for rows that fail.
    const revisions = new Map<string, Doc<RxDocType>>();
    for (const [id, rev] of statements.revisions.all(JSON.stringify(ids)) as [string, string][]) {
      revisions.set(id, { _rev: rev } as Doc<RxDocType>);
    }
    const categorized = categorizeBulkWriteRows<RxDocType>(this, this.primaryPath, revisions, rows, context);
    categorized.errors = categorized.errors.map((error) => this.withStoredDocument(error));

    // One parameter array per statement, refilled for every row: bulk writes are the hot path.
    const params: unknown[] = new Array<unknown>(5 + layout.indexColumns.length);
    const fill = (document: Doc<RxDocType>, first: number): void => {
      params[first] = JSON.stringify(document);
      params[first + 1] = document._deleted ? 1 : 0;
      params[first + 2] = document._meta.lwt;
      params[first + 3] = document._rev;
      const keys = layout.keysOf(document);
      for (let k = 0; k < keys.length; k++) params[first + 4 + k] = keys[k];
    };
    for (const { document } of categorized.bulkInsertDocs) {
      params[0] = this.idOf(document);
      fill(document, 1);
      statements.insert.run(params);
    }
    for (const { document } of categorized.bulkUpdateDocs) {
      fill(document, 0);
      params[params.length - 1] = this.idOf(document);
      statements.update.run(params);
    }
    this.attachments?.write(categorized as CategorizeBulkWriteRowsOutput<unknown>, payloads);
    return categorized;
  }

  private withStoredDocument(error: RxStorageWriteError<RxDocType>): RxStorageWriteError<RxDocType> {
    if (!('documentInDb' in error) || !error.documentInDb) return error;
    const stored = this.statements.one.get(error.documentId) as string;
    return { ...error, documentInDb: JSON.parse(stored) as Doc<RxDocType> };
  }

  async findDocumentsById(ids: string[], withDeleted: boolean): Promise<Doc<RxDocType>[]> {
    this.ensureOpen();
    if (ids.length === 0) return [];
    const statement = withDeleted ? this.statements.byIdWithDeleted : this.statements.byIdLive;
    const rows = statement.all(JSON.stringify(ids)) as string[];
    return rows.map((row) => JSON.parse(row) as Doc<RxDocType>);
  }

  async query(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    this.ensureOpen();
    return { documents: this.queries.query(preparedQuery) };
  }

  async count(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    this.ensureOpen();
    return this.queries.count(preparedQuery);
  }

  async getAttachmentData(documentId: string, attachmentId: string, digest: string): Promise<Blob> {
    this.ensureOpen();
    if (!this.attachments) throw new Error(`collection ${this.collectionName} has no attachments`);
    return this.attachments.read(documentId, attachmentId, digest);
  }

  async getChangedDocumentsSince(limit: number, checkpoint?: Checkpoint): Promise<{ documents: Doc<RxDocType>[]; checkpoint: Checkpoint }> {
    this.ensureOpen();
    const { lwtIndex } = this.context.layout;
    // Ordered by the (_meta.lwt, id) index key: a checkpoint is a position in that order, so paging
    // is stable while writes go on (a later write gets a later lwt and moves behind the cursor).
    const after = checkpoint
      ? lwtIndex.keys.keyOf({ _meta: { lwt: checkpoint.lwt }, [this.primaryPath]: checkpoint.id })
      : Buffer.alloc(0);
    const rows = this.statements.changedSince.all(after, limit) as string[];
    const documents = rows.map((row) => JSON.parse(row) as Doc<RxDocType>);
    const last = documents[documents.length - 1];
    return {
      documents,
      checkpoint: last ? { id: this.idOf(last), lwt: last._meta.lwt } : (checkpoint ?? { id: '', lwt: 0 }),
    };
  }

  changeStream(): Observable<EventBulk<RxStorageChangeEvent<Doc<RxDocType>>, Checkpoint>> {
    // Like RxDB's own storages, only a removed instance refuses; after close() it simply stays quiet.
    if (this.context.table.removed) throw new Error(`sqlite storage instance ${this.databaseName}/${this.collectionName} was removed`);
    return this.context.table.changes.asObservable() as Observable<EventBulk<RxStorageChangeEvent<Doc<RxDocType>>, Checkpoint>>;
  }

  async cleanup(minimumDeletedTime: number): Promise<boolean> {
    this.ensureOpen();
    this.cleanupTransaction(now() - minimumDeletedTime);
    return true;
  }

  async remove(): Promise<void> {
    this.ensureOpen();
    await this.context.connection.commits.idle();
    this.ensureOpen();
    dropTables(this.db, this.context.layout);
    this.context.table.removed = true;
    this.context.log.debug({ file: this.internals.databaseFile, table: this.internals.tableName }, 'sqlite storage: removed collection');
    await this.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const { pool, connection, table, layout } = this.context;
    // Writes already submitted are committed before the connection may close under them.
    await connection.commits.idle();
    if (this.closed) return;
    this.closed = true;
    pool.releaseTable(connection, layout.tableName, table);
    pool.release(connection);
  }

  private idOf(doc: Doc<RxDocType> | BulkWriteRow<RxDocType>['document']): string {
    return (doc as Record<string, unknown>)[this.primaryPath] as string;
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error(`sqlite storage instance ${this.databaseName}/${this.collectionName} is closed`);
    if (this.context.table.removed) {
      throw new Error(`sqlite storage instance ${this.databaseName}/${this.collectionName} was removed`);
    }
  }
}

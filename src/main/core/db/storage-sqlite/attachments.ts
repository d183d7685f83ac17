// Attachment bytes, one row per (document, attachment), written in the same transaction as the
// document that references them.
import type Database from 'better-sqlite3';
import type { BulkWriteRow, CategorizeBulkWriteRowsOutput, RxAttachmentWriteData } from 'rxdb';
import type { TableLayout } from './sql-schema.js';

/** Attachment Blobs already read into memory, so the write transaction itself stays synchronous. */
export type AttachmentPayloads = ReadonlyMap<Blob, Buffer>;

export interface AttachmentStore {
  write(categorized: CategorizeBulkWriteRowsOutput<unknown>, payloads: AttachmentPayloads): void;
  read(documentId: string, attachmentId: string, digest: string): Blob;
  /** Deletes the attachments of the deleted documents that cleanup() is about to purge. */
  purgeDeletedBefore(maxLwt: number): void;
}

function isWriteData(value: unknown): value is RxAttachmentWriteData {
  return typeof value === 'object' && value !== null && (value as { data?: unknown }).data instanceof Blob;
}

/** Whether any row carries attachment bytes to write (most writes carry none, or only stubs). */
export function hasAttachmentData(rows: readonly BulkWriteRow<unknown>[]): boolean {
  return rows.some((row) => Object.values(row.document._attachments ?? {}).some(isWriteData));
}

export async function readAttachmentPayloads(rows: readonly BulkWriteRow<unknown>[]): Promise<AttachmentPayloads> {
  const blobs = new Set<Blob>();
  for (const row of rows) {
    for (const attachment of Object.values(row.document._attachments ?? {})) {
      if (isWriteData(attachment)) blobs.add(attachment.data);
    }
  }
  const payloads = new Map<Blob, Buffer>();
  await Promise.all(
    [...blobs].map(async (blob) => {
      payloads.set(blob, Buffer.from(await blob.arrayBuffer()));
    }),
  );
  return payloads;
}

export function createAttachmentStore(db: Database.Database, layout: TableLayout & { attachments: string }): AttachmentStore {
  const table = layout.attachments;
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO ${table} (doc_id, attachment_id, digest, type, data) VALUES (?, ?, ?, ?, ?)`,
  );
  const remove = db.prepare(`DELETE FROM ${table} WHERE doc_id = ? AND attachment_id = ?`);
  const select = db.prepare(`SELECT digest, type, data FROM ${table} WHERE doc_id = ? AND attachment_id = ?`);
  const purge = db.prepare(
    `DELETE FROM ${table} WHERE doc_id IN (SELECT id FROM ${layout.docs} WHERE deleted = 1 AND lwt <= ?)`,
  );

  const put = (
    change: CategorizeBulkWriteRowsOutput<unknown>['attachmentsAdd'][number],
    payloads: AttachmentPayloads,
  ): void => {
    const bytes = payloads.get(change.attachmentData.data);
    if (!bytes) throw new Error(`attachment ${change.documentId}/${change.attachmentId} has no data to write`);
    upsert.run(change.documentId, change.attachmentId, change.digest, change.attachmentData.type, bytes);
  };

  return {
    write(categorized, payloads) {
      for (const change of categorized.attachmentsAdd) put(change, payloads);
      for (const change of categorized.attachmentsUpdate) put(change, payloads);
      for (const change of categorized.attachmentsRemove) remove.run(change.documentId, change.attachmentId);
    },

    read(documentId, attachmentId, digest) {
      const row = select.get(documentId, attachmentId) as { digest: string; type: string; data: Buffer } | undefined;
      if (!row || row.digest !== digest) {
        throw new Error(`attachment does not exist: ${documentId}/${attachmentId} with digest ${digest}`);
      }
      return new Blob([row.data], { type: row.type });
    },

    purgeDeletedBefore(maxLwt) {
      purge.run(maxLwt);
    },
  };
}

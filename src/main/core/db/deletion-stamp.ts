// Stamps deletions. A deletion is a write other devices must see as the newest, so it carries this
// device's id and the time like any other write. It is done here, in a storage wrapper, rather than
// in an RxDB preRemove hook: RxDB hands the hook the very object it then passes to the storage as
// the document's previous state, so stamping there corrupts that state (RxDB's memory storage then
// keeps stale index entries and deleted documents come back in queries).
import type { BulkWriteRow, RxDocumentData, RxStorage, RxStorageInstance, RxStorageInstanceCreationParams } from 'rxdb';
import type { Clock } from '../clock.js';
import { stampWrite, type WriteStamp } from './write-stamp.js';

type Doc = Record<string, unknown> & Partial<WriteStamp>;
type AnyInstance = RxStorageInstance<Doc, unknown, unknown, unknown>;
type Row = BulkWriteRow<Doc>;

/** A local deletion: a live document turned deleted by this device, not a replicated write. */
function isLocalDeletion(row: Row, context: string): boolean {
  return !context.startsWith('replication') && row.document._deleted && row.previous !== undefined && !row.previous._deleted;
}

export function withDeletionStamps<I, O>(storage: RxStorage<I, O>, options: { deviceId: string; clock: Clock }): RxStorage<I, O> {
  return {
    ...storage,
    name: `stamped-${storage.name}`,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, O>) {
      const instance = (await storage.createStorageInstance(params)) as unknown as AnyInstance;
      // Wrapped in place, as RxDB's own storage wrappers do, so wrappers around this one compose.
      const write = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows, context) => {
        const now = options.clock.now();
        const stamped = rows.map((row) =>
          isLocalDeletion(row, context)
            ? { ...row, document: stampWrite({ ...row.document } as RxDocumentData<Doc>, { deviceId: options.deviceId, now }, row.previous) }
            : row,
        );
        return write(stamped, context);
      };
      return instance as unknown as RxStorageInstance<RxDocType, I, O>;
    },
  };
}

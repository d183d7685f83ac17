// Keeps an in-memory tally in step with a collection: one load of every document at start, then
// every change from the collection's change stream (local writes, replication, deletes). Events
// that arrive while the load is running are reconciled by revision height, so a write that lands
// mid-load is counted exactly once whether the load saw it or not.
import { getChangedDocumentsSince, getHeightOfRevision, type RxChangeEvent, type RxCollection, type RxDocumentData } from 'rxdb';
import type { Subscription } from 'rxjs';

/** Receives each document's state change: `undefined` stands for "absent or deleted". */
export interface DocumentTally<T> {
  change(previous: RxDocumentData<T> | undefined, next: RxDocumentData<T> | undefined): void;
}

export interface FollowOptions {
  /** Documents read per storage query during the initial load. */
  pageSize?: number;
}

const live = <T>(doc: RxDocumentData<T> | null | undefined): RxDocumentData<T> | undefined =>
  doc && !doc._deleted ? doc : undefined;

/**
 * Loads every live document of `collection` into `tally`, then applies each change event; resolves
 * once the load is done. The returned subscription ends when the database closes, or on unsubscribe.
 */
export async function followCollection<T>(
  collection: RxCollection<T>,
  tally: DocumentTally<T>,
  { pageSize = 5000 }: FollowOptions = {},
): Promise<Subscription> {
  const primaryPath = collection.schema.primaryPath as string;
  let pending: RxChangeEvent<T>[] | undefined = [];
  const subscription = collection.$.subscribe((event) => {
    if (pending) pending.push(event);
    else tally.change(live(event.previousDocumentData), live(event.documentData));
  });

  try {
    // Revision height of every document as the load first saw it; only needed until the load is done.
    const loaded = new Map<string, number>();
    // Pages in write order (_meta.lwt, then id), tombstones included: a document written while the
    // load runs moves behind the checkpoint and comes again, so nothing can be skipped; a second
    // sighting is left to its change event, which the reconciliation below applies.
    let checkpoint: unknown;
    for (;;) {
      const page = await getChangedDocumentsSince(collection.storageInstance, pageSize, checkpoint);
      for (const doc of page.documents) {
        const id = String(doc[primaryPath as keyof typeof doc]);
        if (loaded.has(id)) continue;
        loaded.set(id, getHeightOfRevision(doc._rev));
        if (!doc._deleted) tally.change(undefined, doc);
      }
      if (page.documents.length < pageSize) break;
      checkpoint = page.checkpoint;
    }

    // Synchronous from here on: no event can slip between the drain and going live.
    for (const event of pending) {
      const height = getHeightOfRevision(event.documentData._rev);
      const seen = loaded.get(event.documentId);
      // The load saw every document written before its last page, live or deleted; of those only
      // newer revisions count. One it never saw was created after that, and all its events count.
      if (seen !== undefined && seen >= height) continue;
      loaded.set(event.documentId, height);
      tally.change(live(event.previousDocumentData), live(event.documentData));
    }
    pending = undefined;
  } catch (error) {
    subscription.unsubscribe();
    throw error;
  }
  return subscription;
}

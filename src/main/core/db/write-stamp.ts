// Stamps `createdAt`, `updatedAt` and `deviceId` on every local write, through RxDB hooks (and, for
// deletions, deletion-stamp.ts), so no
// caller can forget them and sync always knows which device wrote what, and when. Writes that
// arrive through replication go to the storage directly and keep the values the other device set.
import type { RxCollection } from 'rxdb';
import type { Clock } from '../clock.js';

export interface StampContext {
  deviceId: string;
  now: number;
}

export interface WriteStamp {
  createdAt: number;
  updatedAt: number;
  deviceId: string;
}

type Stampable = Partial<WriteStamp>;

/** A document as a caller writes it: the stamped fields may be left to the hooks. */
export type Unstamped<T extends WriteStamp> = Omit<T, keyof WriteStamp> & Partial<WriteStamp>;

/**
 * Lets a document without its stamp be passed to a typed `insert`/`bulkInsert`: the hooks
 * registered by addWriteStampHooks fill the missing fields before the write is validated and
 * stored. Name the document type: `db.jobs.insert(unstamped<Job>({ ... }))`.
 */
export function unstamped<T extends WriteStamp>(doc: Unstamped<T>): T {
  return doc as T;
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * Sets the stamp on `doc` in place (RxDB hooks work by mutation) and returns it.
 *
 * - `deviceId` is always this device: it records who wrote last.
 * - On insert (no `previous`), a `createdAt` the caller gave is kept (imports and seeds carry
 *   history); otherwise it is `now`. `updatedAt` is the caller's, or `now`.
 * - On update, `createdAt` cannot change. `updatedAt` is `now` unless the caller set a new value
 *   itself (a component with its own clock).
 * - `updatedAt` never goes backwards and is never before `createdAt`, so "newer" stays true for
 *   every later write even when the system clock steps back.
 */
export function stampWrite<T extends Stampable>(doc: T, context: StampContext, previous?: Stampable): T & WriteStamp {
  const stamped = doc as T & WriteStamp;
  if (previous && isTime(previous.createdAt)) {
    stamped.createdAt = previous.createdAt;
  } else if (!isTime(doc.createdAt)) {
    stamped.createdAt = context.now;
  }
  const callerSetUpdatedAt = isTime(doc.updatedAt) && (!previous || doc.updatedAt !== previous.updatedAt);
  let updatedAt = callerSetUpdatedAt ? (doc.updatedAt as number) : context.now;
  if (previous && isTime(previous.updatedAt)) updatedAt = Math.max(updatedAt, previous.updatedAt);
  stamped.updatedAt = Math.max(updatedAt, stamped.createdAt);
  stamped.deviceId = context.deviceId;
  return stamped;
}

/** Registers the hooks that stamp every insert and save made through `collection`. */
export function addWriteStampHooks(collection: RxCollection, options: { deviceId: string; clock: Clock }): void {
  const context = (): StampContext => ({ deviceId: options.deviceId, now: options.clock.now() });
  collection.preInsert((data: Stampable) => {
    stampWrite(data, context());
  }, false);
  collection.preSave((data: Stampable, previous: Stampable) => {
    stampWrite(data, context(), previous);
  }, false);
  // Deletions are stamped by the storage wrapper in deletion-stamp.ts (see why there).
}

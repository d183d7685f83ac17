// Group commit: the writes of one database connection that arrive during one turn of the event loop
// are written in one BEGIN IMMEDIATE transaction, each in a savepoint of its own, and committed
// (fsynced, synchronous=FULL) once. Every write's promise settles only after that commit, so an
// acknowledged write is as durable as before; what changes is that
// - a burst of writes costs one fsync instead of one each (the fsync is most of a small write), and
// - a chain of awaited writes (insert, then insert, then …) yields to the event loop before each
//   write instead of running as one long task, so timers and I/O are served between them.
import { setImmediate } from 'node:timers';
import type Database from 'better-sqlite3';

export interface GroupCommit {
  /**
   * Runs `write` (synchronous, no awaits) in the next group transaction. Resolves with its result
   * once the transaction has committed; rejects with its own error (its savepoint rolled back, the
   * others unaffected) or with the commit's error (nothing of the group was written).
   */
  run<T>(write: () => T): Promise<T>;
  /** Resolves when every write submitted so far has been committed or has failed. */
  idle(): Promise<void>;
}

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** `afterCommit` runs after every group that committed (for housekeeping such as checkpoints). */
export function createGroupCommit(db: Database.Database, afterCommit: () => void = () => undefined): GroupCommit {
  let pending: Pending[] = [];
  let flushed: Promise<void> | undefined;
  // Called inside the group transaction, better-sqlite3 runs it as a SAVEPOINT: a failing write
  // rolls back to it and rethrows, and the group goes on with the next write.
  const inSavepoint = db.transaction((write: () => unknown) => write());
  const group = db.transaction((batch: readonly Pending[]): Outcome[] =>
    batch.map(({ write }): Outcome => {
      try {
        return { ok: true, value: batch.length === 1 ? write() : inSavepoint(write) };
      } catch (error) {
        if (batch.length === 1) throw error;
        return { ok: false, error };
      }
    }),
  ).immediate;

  const flush = (): void => {
    const batch = pending;
    pending = [];
    flushed = undefined;
    let outcomes: Outcome[];
    try {
      outcomes = group(batch);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    batch.forEach((entry, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) entry.resolve(outcome.value);
      else entry.reject(outcome.error);
    });
    afterCommit();
  };

  return {
    run<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
        flushed ??= new Promise<void>((done) => {
          setImmediate(() => {
            flush();
            done();
          });
        });
      });
    },

    async idle() {
      while (flushed) await flushed;
    },
  };
}

// The pipeline board's ordering rules. Reads of the board (opening a job, and live refreshes after
// another user's change) race with this user's own moves, which show at once and are sent in the
// background: a read never undoes a move still in flight or one that settled after the read was
// sent, and an older read never overwrites a newer one.
import type { ApplicationOut } from '../../../shared/api/applications';

export function createBoardOrder() {
  // Orders reads and settled moves against each other: a read sent at tick t knows nothing of a
  // move that settled at a later tick.
  let tick = 0;
  let newestApplied = 0;
  const inFlight = new Map<string, ApplicationOut>();
  const settledAt = new Map<string, number>();

  return {
    /** Call as a read of the board is sent; hand the ticket to `merge` with the answer. */
    startRead(): number {
      return ++tick;
    },

    /** The board to show for a read's answer, or undefined when a newer read was shown already. */
    merge(ticket: number, read: readonly ApplicationOut[], shown: readonly ApplicationOut[]): ApplicationOut[] | undefined {
      if (ticket < newestApplied) return undefined;
      newestApplied = ticket;
      const current = new Map(shown.map((a) => [a.id, a]));
      return read.map((application) => {
        const optimistic = inFlight.get(application.id);
        if (optimistic) return optimistic;
        const local = current.get(application.id);
        return local && (settledAt.get(application.id) ?? 0) > ticket ? local : application;
      });
    },

    moveStarted(optimistic: ApplicationOut): void {
      inFlight.set(optimistic.id, optimistic);
    },

    /**
     * Marks the move as answered (done or failed). False when a newer move of the same application
     * was started meanwhile: then this answer must not touch the board.
     */
    moveSettled(optimistic: ApplicationOut): boolean {
      if (inFlight.get(optimistic.id) !== optimistic) return false;
      inFlight.delete(optimistic.id);
      settledAt.set(optimistic.id, ++tick);
      return true;
    },

    /** Forgets settled moves, when another job is opened (moves in flight keep their guard). */
    forgetSettled(): void {
      settledAt.clear();
    },
  };
}

export type BoardOrder = ReturnType<typeof createBoardOrder>;

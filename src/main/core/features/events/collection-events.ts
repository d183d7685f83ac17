// Publishes 'job.changed' and 'application.changed' on the event bus from the collections' change
// streams rather than from the services, so every writer is covered: the REST API, imports, the
// sample seed, migrations and documents that arrive by replication from another device.
import type { RxChangeEvent } from 'rxdb';
import type { Application } from '../../../../shared/schemas/application.js';
import type { Job } from '../../../../shared/schemas/job.js';
import type { AppEventBus, AppEvents } from '../../app-events.js';
import type { AppDatabase } from '../../db/database.js';

function isDeletion<T>(change: RxChangeEvent<T>): boolean {
  return change.operation === 'DELETE' || change.documentData._deleted;
}

/** Only ids and the status: the stream goes to every staff client, so no personal data rides on it. */
export function jobChanged(change: RxChangeEvent<Job>): AppEvents['job.changed'] {
  const { status } = change.documentData;
  return { id: change.documentId, ...(status ? { status } : {}), deleted: isDeletion(change) };
}

export function applicationChanged(change: RxChangeEvent<Application>): AppEvents['application.changed'] {
  const { jobId, candidateId, status } = change.documentData;
  return { id: change.documentId, jobId, candidateId, status, deleted: isDeletion(change) };
}

/**
 * Starts publishing; returns the function that stops it, which also runs when the database closes.
 * A bulk write (the sample seed, a job deleted with its applications) publishes one event per
 * document, in the order RxDB reports them.
 */
export function publishCollectionEvents({ db, events }: { db: AppDatabase; events: AppEventBus }): () => void {
  const subscriptions = [
    db.jobs.$.subscribe((change) => events.emit('job.changed', jobChanged(change))),
    db.applications.$.subscribe((change) => events.emit('application.changed', applicationChanged(change))),
  ];
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    for (const subscription of subscriptions) subscription.unsubscribe();
  };
  db.onClose.push(stop);
  return stop;
}

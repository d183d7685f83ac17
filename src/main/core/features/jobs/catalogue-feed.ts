// Keeps a JobCatalogue in step with the `jobs` collection: every change the collection emits
// (this app's writes, replicated ones, migrations) is applied, after a first load of every job.
import { getHeightOfRevision, type RxChangeEvent, type RxCollection, type RxDocument } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { Job } from '../../../../shared/schemas/job.js';
import type { JobCatalogue } from './job-catalogue.js';

/** The job fields of stored document data, without RxDB's own (`_rev`, `_meta`, `_deleted`…). */
function jobFields(data: object): Job {
  const job: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!key.startsWith('_')) job[key] = value;
  return job as Job;
}

export function applyChange(catalogue: JobCatalogue, event: RxChangeEvent<Job>): void {
  const revision = getHeightOfRevision(event.documentData._rev);
  if (event.operation === 'DELETE' || event.documentData._deleted) catalogue.delete(event.documentId, revision);
  else catalogue.put(jobFields(event.documentData), revision);
}

/** Applies a document this process has just written (the change event may not have arrived yet). */
export function applyDocument(catalogue: JobCatalogue, doc: RxDocument<Job>): void {
  const revision = getHeightOfRevision(doc.revision);
  if (doc.deleted) catalogue.delete(doc.primary, revision);
  else catalogue.put(doc.toJSON() as Job, revision);
}

/**
 * Subscribes first and loads second, so no change is missed in between; applying a revision twice
 * or out of order is harmless (the catalogue keeps the highest).
 */
export async function followJobCollection(collection: RxCollection<Job>, catalogue: JobCatalogue): Promise<Subscription> {
  const subscription = collection.$.subscribe((event) => applyChange(catalogue, event));
  try {
    for (const doc of await collection.find().exec()) applyDocument(catalogue, doc);
  } catch (error) {
    subscription.unsubscribe();
    throw error;
  }
  return subscription;
}

// The storage benchmark's workload, expressed once as an interface that each contender implements
// (our SQLite RxStorage, RxDB's memory storage, raw better-sqlite3), so all do the same work.
import type { BenchJob } from './job-docs.js';

export interface StorageContender {
  readonly name: string;
  insert(jobs: readonly BenchJob[]): Promise<void>;
  /** location = ?, ordered by updatedAt, first 100. */
  queryByLocation(location: string): Promise<number>;
  /** salaryMin in [from, to), ordered by salaryMin, first 100. */
  queryBySalaryRange(from: number, to: number): Promise<number>;
  countOpen(): Promise<number>;
  /** Pages through every document in change order; returns how many were seen. */
  pageAllChanges(pageSize: number): Promise<number>;
  /** Closes and reopens the store, answering one query; undefined when not persistent. */
  reopen?(): Promise<void>;
  close(): Promise<void>;
}

export const BATCH_SIZE = 5000;

export function batches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

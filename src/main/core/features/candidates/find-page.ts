// One page of a filtered, sorted query plus the total number of matches, for list endpoints.
import { RxError, type MangoQuerySelector, type MangoQuerySortPart, type RxCollection } from 'rxdb';

export interface PageRequest<T> {
  selector: MangoQuerySelector<T>;
  sort: MangoQuerySortPart<T>[];
  limit: number;
  skip: number;
}

export interface FoundPage<T> {
  items: T[];
  total: number;
}

/**
 * RxDB refuses a count the storage can only answer by reading documents (a "slow" count, error
 * QU14) unless the database allows slow counts. The project's SQLite storage counts that way for
 * any filter no index covers (text search, tags, two filters on different indexes), so such a
 * total is counted from the matching documents instead; indexed filters keep the fast count.
 */
async function countMatches<T>(collection: RxCollection<T>, selector: MangoQuerySelector<T>): Promise<number> {
  try {
    return await collection.count({ selector }).exec();
  } catch (error) {
    if (!(error instanceof RxError && error.code === 'QU14')) throw error;
    return (await collection.find({ selector }).exec()).length;
  }
}

export async function findPage<T>(collection: RxCollection<T>, request: PageRequest<T>): Promise<FoundPage<T>> {
  const { selector, sort, limit, skip } = request;
  const [docs, total] = await Promise.all([
    collection.find({ selector, sort, limit, skip }).exec(),
    countMatches(collection, selector),
  ]);
  return { items: docs.map((doc) => doc.toMutableJSON() as T), total };
}

/** A string matched literally inside a regular expression (user input never acts as a pattern). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

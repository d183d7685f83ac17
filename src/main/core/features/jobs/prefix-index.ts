// An inverted index from string keys to items, answering "every item under a key that starts with
// this prefix" by binary search over the sorted keys. The job catalogue uses one for words and one
// for locations.

/** More new keys than this since the last lookup and the key list is re-sorted whole. */
const MAX_PENDING_KEYS = 256;

export class PrefixIndex<T> {
  private readonly postings = new Map<string, Set<T>>();
  /** The keys in code-unit order, or undefined when they must be sorted afresh on the next lookup. */
  private sorted: string[] | undefined;
  /** Keys added since `sorted` was last brought up to date; inserted in place on the next lookup. */
  private pending: string[] = [];

  get keyCount(): number {
    return this.postings.size;
  }

  add(key: string, item: T): void {
    let items = this.postings.get(key);
    if (!items) {
      items = new Set();
      this.postings.set(key, items);
      if (this.sorted) this.pending.push(key);
      if (this.pending.length > MAX_PENDING_KEYS) this.forgetOrder();
    }
    items.add(item);
  }

  delete(key: string, item: T): void {
    const items = this.postings.get(key);
    if (!items) return;
    items.delete(item);
    if (items.size > 0) return;
    this.postings.delete(key);
    if (!this.sorted) return;
    const pendingAt = this.pending.indexOf(key);
    if (pendingAt >= 0) this.pending.splice(pendingAt, 1);
    else this.sorted.splice(lowerBound(this.sorted, key), 1);
  }

  /** The items stored under exactly `key`. */
  exactly(key: string): ReadonlySet<T> | undefined {
    return this.postings.get(key);
  }

  /** The item sets of every key starting with `prefix`, in key order. */
  withPrefix(prefix: string): ReadonlySet<T>[] {
    const keys = this.sortedKeys();
    const sets: ReadonlySet<T>[] = [];
    for (let i = lowerBound(keys, prefix); i < keys.length; i++) {
      const key = keys[i] as string;
      if (!key.startsWith(prefix)) break;
      sets.push(this.postings.get(key) as ReadonlySet<T>);
    }
    return sets;
  }

  /** Every key with its items. */
  entries(): IterableIterator<[string, ReadonlySet<T>]> {
    return this.postings.entries();
  }

  private forgetOrder(): void {
    this.sorted = undefined;
    this.pending = [];
  }

  private sortedKeys(): string[] {
    if (!this.sorted) {
      // Filled in bulk (the first load, a large sync): one sort beats many in-place inserts.
      this.sorted = [...this.postings.keys()].sort(compareCodeUnits);
      this.pending = [];
    }
    for (const key of this.pending) this.sorted.splice(lowerBound(this.sorted, key), 0, key);
    this.pending = [];
    return this.sorted;
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first index whose key is not below `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((keys[mid] as string) < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

// Picking the best few of many without sorting them all: one pass that keeps the current top `k` in
// order, so a top-10 over 50k candidates costs a pass, not a sort.

/** The first `k` items of `items` in `compare` order (compare < 0 ranks a before b). */
export function topRanked<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  if (k <= 0) return top;
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1] as T) >= 0) continue;
    // Binary search for the first kept item that ranks after `item`.
    let low = 0;
    let high = top.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(top[middle] as T, item) <= 0) low = middle + 1;
      else high = middle;
    }
    top.splice(low, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

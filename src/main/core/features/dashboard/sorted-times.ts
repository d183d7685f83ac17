// Points in time kept in ascending order, so "how many fall in [start, end)" is two binary searches:
// an in-memory index on createdAt for the dashboard's windows and days. A year of daily counts is
// 732 searches instead of 366 database counts, and 50k times take 400 KB.

export class SortedTimes {
  private readonly times: number[] = [];
  /** Appending in order (the usual case: new applications are stamped now) keeps this true. */
  private sorted = true;

  get size(): number {
    return this.times.length;
  }

  add(time: number): void {
    const last = this.times[this.times.length - 1];
    if (last !== undefined && time < last) this.sorted = false;
    this.times.push(time);
  }

  /** Removes one occurrence of `time`, if there is one. */
  remove(time: number): void {
    this.ensureSorted();
    const index = this.firstAtOrAfter(time);
    if (this.times[index] === time) this.times.splice(index, 1);
  }

  /** How many times are in [start, end). */
  countBetween(start: number, end: number): number {
    if (start >= end) return 0;
    this.ensureSorted();
    return this.firstAtOrAfter(end) - this.firstAtOrAfter(start);
  }

  /** Out-of-order additions (a load, an import of old records) are sorted once, when next needed. */
  private ensureSorted(): void {
    if (this.sorted) return;
    this.times.sort((a, b) => a - b);
    this.sorted = true;
  }

  private firstAtOrAfter(time: number): number {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.times[middle] as number) < time) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

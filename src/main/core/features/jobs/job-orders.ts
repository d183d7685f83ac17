// The orders the job list can be sorted in, kept as sorted arrays of every job so a search walks
// one in order instead of sorting its matches. An order is built the first time it is asked for
// and then kept up to date by binary-search inserts and removals on every change.
import type { JobSort, JobSortField } from '../../../../shared/api/jobs.js';
import type { Job } from '../../../../shared/schemas/job.js';

/** A job as the catalogue holds it: the frozen document and the keys it is searched and sorted by. */
export interface IndexedJob {
  readonly job: Job;
  readonly revision: number;
  readonly locationKey: string;
  readonly titleKey: string;
  readonly companyKey: string;
  /** Scratch space of the search in progress (job-catalogue.ts): which search last reached it… */
  mark: number;
  /** …and how many of that search's terms it matched. */
  hits: number;
}

type Compare = (a: IndexedJob, b: IndexedJob) => number;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const byField: Record<JobSortField, Compare> = {
  createdAt: (a, b) => a.job.createdAt - b.job.createdAt,
  updatedAt: (a, b) => a.job.updatedAt - b.job.updatedAt,
  title: (a, b) => compareText(a.titleKey, b.titleKey),
  company: (a, b) => compareText(a.companyKey, b.companyKey),
  location: (a, b) => compareText(a.locationKey, b.locationKey),
  salaryMin: (a, b) => (a.job.salaryMin as number) - (b.job.salaryMin as number),
  salaryMax: (a, b) => (a.job.salaryMax as number) - (b.job.salaryMax as number),
};

/**
 * The order of a sort key: by the field (folded text for text fields), descending with "-"; jobs
 * without the field (no salary) last in either direction; ties by id ascending. Every two jobs
 * compare unequal (ids are unique), which is what lets a job be found again by binary search.
 */
export function comparatorFor(sort: JobSort): Compare {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as JobSortField;
  const compare = byField[field];
  const optional = field === 'salaryMin' || field === 'salaryMax';
  return (a, b) => {
    if (optional) {
      const aMissing = a.job[field] === undefined;
      const bMissing = b.job[field] === undefined;
      if (aMissing !== bMissing) return aMissing ? 1 : -1;
      if (aMissing) return compareText(a.job.id, b.job.id);
    }
    const order = descending ? compare(b, a) : compare(a, b);
    return order !== 0 ? order : compareText(a.job.id, b.job.id);
  };
}

/** The first position in `list` whose item is not before `item`. */
function lowerBound(list: readonly IndexedJob[], item: IndexedJob, compare: Compare): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(list[mid] as IndexedJob, item) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** More changes than this with no search in between and the orders are dropped, to be rebuilt on demand. */
const MAX_CHANGES_BETWEEN_READS = 512;

export class JobOrders {
  private readonly orders = new Map<JobSort, { compare: Compare; list: IndexedJob[] }>();
  private changesSinceRead = 0;

  /** Every job in the order of `sort`; `all` is asked for only when the order is built. */
  get(sort: JobSort, all: () => Iterable<IndexedJob>): readonly IndexedJob[] {
    this.changesSinceRead = 0;
    let order = this.orders.get(sort);
    if (!order) {
      const compare = comparatorFor(sort);
      order = { compare, list: [...all()].sort(compare) };
      this.orders.set(sort, order);
    }
    return order.list;
  }

  add(item: IndexedJob): void {
    if (this.tooManyChanges()) return;
    for (const { compare, list } of this.orders.values()) list.splice(lowerBound(list, item, compare), 0, item);
  }

  remove(item: IndexedJob): void {
    if (this.tooManyChanges()) return;
    for (const { compare, list } of this.orders.values()) {
      const at = lowerBound(list, item, compare);
      // The comparator orders every pair strictly, so the item is where binary search looks.
      const found = list[at] === item ? at : list.indexOf(item);
      if (found >= 0) list.splice(found, 1);
    }
  }

  /**
   * A bulk change (the first load, a large sync) costs one sort per order when searched next,
   * instead of an in-place insert into every order for each job.
   */
  private tooManyChanges(): boolean {
    if (++this.changesSinceRead <= MAX_CHANGES_BETWEEN_READS) return false;
    this.orders.clear();
    return true;
  }
}

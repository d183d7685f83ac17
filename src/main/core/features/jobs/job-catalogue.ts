// The jobs as an in-memory read model of the `jobs` collection: every job by id, an inverted index
// of the words it is searched by, an index of its folded location and the list's sort orders, so a
// search touches only the postings of its terms plus one walk of an already sorted list, instead of
// scanning and regex-testing every document. It is fed by the collection's change stream
// (catalogue-feed.ts); revision heights keep it from going back to an older state when the same
// write is seen twice. Plain code, no RxDB: the property test drives it directly.
import type { JobSort } from '../../../../shared/api/jobs.js';
import type { Job, JobStatus } from '../../../../shared/schemas/job.js';
import { JobOrders, type IndexedJob } from './job-orders.js';
import { PrefixIndex } from './prefix-index.js';
import { foldText, locationKey, searchableWords } from './search-text.js';

export interface JobFilter {
  /** Folded keyword terms (search-text.ts keywordTerms); each must begin a word of the job. */
  terms: readonly string[];
  /** Folded location prefix (search-text.ts locationKey); '' for any location. */
  location: string;
  status?: JobStatus;
  remote?: boolean;
  sort: JobSort;
}

export interface CataloguePage {
  items: Job[];
  total: number;
}

export interface LocationCount {
  /** The location as written on one of its jobs (trimmed); '' for jobs without one. */
  location: string;
  jobs: number;
  openJobs: number;
}

/** Distinct queries whose matches are kept until the next change. */
const RESULT_CACHE_SIZE = 64;

/** A frozen copy, so no caller can change what the catalogue holds (nor the database's own data). */
function frozenCopy(job: Job): Job {
  return Object.freeze({
    ...job,
    requiredSkills: Object.freeze([...job.requiredSkills]) as string[],
    niceToHaveSkills: Object.freeze([...job.niceToHaveSkills]) as string[],
    tags: Object.freeze([...job.tags]) as string[],
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class JobCatalogue {
  private readonly entries = new Map<string, IndexedJob>();
  /** Revision heights of deleted jobs, so a late event for an older revision cannot revive them. */
  private readonly deletedRevisions = new Map<string, number>();
  private readonly words = new PrefixIndex<IndexedJob>();
  private readonly locations = new PrefixIndex<IndexedJob>();
  private readonly orders = new JobOrders();
  /** Matches per query, in order; every change clears it, so a hit is always current. */
  private readonly results = new Map<string, readonly IndexedJob[]>();
  /** Numbers the searches, for the marks they leave on the jobs they reach. */
  private searches = 0;

  get size(): number {
    return this.entries.size;
  }

  get(id: string): Job | undefined {
    return this.entries.get(id)?.job;
  }

  /** The revision height the catalogue holds for a job (live or deleted), 0 if never seen. */
  revisionOf(id: string): number {
    return this.entries.get(id)?.revision ?? this.deletedRevisions.get(id) ?? 0;
  }

  /** Stores a job at a revision; ignored when the catalogue already holds that revision or a later one. */
  put(job: Job, revision: number): void {
    if (revision <= this.revisionOf(job.id)) return;
    this.unindex(job.id);
    this.deletedRevisions.delete(job.id);
    const entry: IndexedJob = {
      job: frozenCopy(job),
      revision,
      locationKey: locationKey(job.location),
      titleKey: foldText(job.title),
      companyKey: foldText(job.company),
      mark: 0,
      hits: 0,
    };
    this.entries.set(job.id, entry);
    for (const word of searchableWords(job)) this.words.add(word, entry);
    this.locations.add(entry.locationKey, entry);
    this.orders.add(entry);
    this.results.clear();
  }

  /** Drops a job deleted at a revision; ignored when the catalogue holds a later revision. */
  delete(id: string, revision: number): void {
    if (revision <= this.revisionOf(id)) return;
    this.unindex(id);
    this.deletedRevisions.set(id, revision);
    this.results.clear();
  }

  /** One page of the jobs matching `filter`, in its order, with the number of all matches. */
  search(filter: JobFilter, page: { limit: number; skip: number }): CataloguePage {
    const matches = this.matches(filter);
    return {
      total: matches.length,
      items: matches.slice(page.skip, page.skip + page.limit).map((entry) => entry.job),
    };
  }

  /** How many jobs each location has (spellings differing in case, accents or spaces together), most first. */
  countByLocation(): LocationCount[] {
    const counts: LocationCount[] = [];
    for (const [, entries] of this.locations.entries()) {
      let openJobs = 0;
      let location: string | undefined;
      for (const entry of entries) {
        location ??= entry.job.location.trim();
        if (entry.job.status === 'open') openJobs++;
      }
      counts.push({ location: location ?? '', jobs: entries.size, openJobs });
    }
    return counts.sort((a, b) => b.jobs - a.jobs || compareText(locationKey(a.location), locationKey(b.location)));
  }

  /** How many jobs have each status. */
  countByStatus(): Record<JobStatus, number> {
    const counts: Record<JobStatus, number> = { open: 0, closed: 0 };
    for (const { job } of this.entries.values()) counts[job.status]++;
    return counts;
  }

  private unindex(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    for (const word of searchableWords(entry.job)) this.words.delete(word, entry);
    this.locations.delete(entry.locationKey, entry);
    this.orders.remove(entry);
  }

  private matches(filter: JobFilter): readonly IndexedJob[] {
    const key = [filter.terms.join(' '), filter.location, filter.status ?? '', filter.remote ?? '', filter.sort].join('\u0000');
    const cached = this.results.get(key);
    if (cached) {
      // Most recently used last, so the oldest query is the one evicted.
      this.results.delete(key);
      this.results.set(key, cached);
      return cached;
    }
    const found = this.collect(filter);
    this.results.set(key, found);
    if (this.results.size > RESULT_CACHE_SIZE) this.results.delete(this.results.keys().next().value as string);
    return found;
  }

  /** The matches of `filter` in its order: the narrowing terms mark the jobs, one walk of the order picks them. */
  private collect(filter: JobFilter): IndexedJob[] {
    const narrowing = filter.terms.map((term) => this.words.withPrefix(term));
    if (filter.location) narrowing.push(this.locations.withPrefix(filter.location));
    const search = narrowing.length > 0 ? this.mark(narrowing) : undefined;
    if (search?.reached === 0) return [];
    const found: IndexedJob[] = [];
    for (const entry of this.orders.get(filter.sort, () => this.entries.values())) {
      if (search && (entry.mark !== search.id || entry.hits !== narrowing.length)) continue;
      if (filter.status !== undefined && entry.job.status !== filter.status) continue;
      if (filter.remote !== undefined && entry.job.remote !== filter.remote) continue;
      found.push(entry);
    }
    return found;
  }

  /**
   * Marks the jobs every group of posting sets reaches: a job is in a group when it is in any of
   * its sets (the words with a term's prefix), and it must be in all groups. After this, a job
   * matches when its mark is this search's id and its hits the number of groups.
   */
  private mark(groups: readonly ReadonlySet<IndexedJob>[][]): { id: number; reached: number } {
    const id = ++this.searches;
    let reached = 0;
    groups.forEach((sets, level) => {
      reached = 0;
      for (const set of sets) {
        for (const entry of set) {
          if (level === 0 && entry.mark !== id) {
            entry.mark = id;
            entry.hits = 1;
            reached++;
          } else if (entry.mark === id && entry.hits === level) {
            entry.hits = level + 1;
            reached++;
          }
        }
      }
    });
    return { id, reached };
  }
}

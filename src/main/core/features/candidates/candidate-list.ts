// The candidate list: the record filters (text, tag, skill, source) run as a database query, the
// facet filters (application status, score range) come from the in-memory facets index, and every
// item carries its best score and application statuses. A facet-filtered or best-score list is
// worked out in full once and its ordered ids kept, so scrolling it page by page reads one page of
// documents per request, not every candidate.
import { getSortComparator, normalizeMangoQuery, type MangoQuerySelector, type MangoQuerySortPart, type RxDocumentData } from 'rxdb';
import type { CandidateListItem, CandidateListQuery } from '../../../../shared/api/candidates.js';
import type { Candidate } from '../../../../shared/schemas/candidate.js';
import type { AppDatabase } from '../../db/database.js';
import { ValidationError } from '../../errors.js';
import type { CandidateFacets, FacetMatch } from './facets.js';
import { escapeRegex, findPage, type FoundPage } from './find-page.js';

/**
 * Up to this many candidates allowed by a facet filter are read by id and filtered and sorted here;
 * above it, reading them one by one costs more than the sorted query over all candidates.
 */
export const DEFAULT_SMALL_FACET_SET = 2000;

/** Distinct list queries whose ordered ids are kept: a user scrolls one or two lists at a time. */
export const CACHED_LIST_QUERIES = 4;

export type CandidateListPage = FoundPage<CandidateListItem> & { limit: number; skip: number };

export interface CandidateListDeps {
  db: AppDatabase;
  facets: Pick<CandidateFacets, 'match' | 'bestScoreOf' | 'statusesOf' | 'version'>;
  smallFacetSet?: number;
}

const exactly = (text: string) => ({ $regex: `^${escapeRegex(text)}$`, $options: 'i' });

function listSelector(query: CandidateListQuery): MangoQuerySelector<Candidate> {
  const clauses: MangoQuerySelector<Candidate>[] = [];
  if (query.q) {
    const contains = { $regex: escapeRegex(query.q.trim()), $options: 'i' };
    clauses.push({ $or: [{ name: contains }, { emails: { $elemMatch: contains } }] } as MangoQuerySelector<Candidate>);
  }
  if (query.tag) clauses.push({ tags: { $elemMatch: exactly(query.tag.trim()) } } as MangoQuerySelector<Candidate>);
  if (query.skill) clauses.push({ skills: { $elemMatch: exactly(query.skill.trim()) } } as MangoQuerySelector<Candidate>);
  if (query.source) clauses.push({ source: exactly(query.source.trim()) });
  if (clauses.length === 0) return {};
  return clauses.length === 1 ? (clauses[0] as MangoQuerySelector<Candidate>) : { $and: clauses };
}

function assertScoreRange({ min_score: min, max_score: max }: CandidateListQuery): void {
  if (min !== undefined && max !== undefined && min > max) {
    throw new ValidationError(`min_score (${min}) must not be above max_score (${max}).`, { field: 'min_score' });
  }
}

const allows = (match: FacetMatch | undefined, id: string): boolean =>
  !match || (match.mode === 'include' ? match.ids.has(id) : !match.ids.has(id));

/** Everything that decides which candidates a list holds and in what order: the query without its page. */
const listKey = (query: CandidateListQuery, order: string): string =>
  JSON.stringify([query.q, query.tag, query.skill, query.source, query.status, query.min_score, query.max_score, query.sort, order]);

export function createCandidateLister({ db, facets, smallFacetSet = DEFAULT_SMALL_FACET_SET }: CandidateListDeps) {
  // Ordered ids per list, most recently used last, each tagged with the data version it was read at.
  const orderedIdsCache = new Map<string, { version: string; ids: string[] }>();
  // Every candidate write (local, replicated or a delete) reaches the change stream, as the facets'
  // do; the subscription ends when the database closes.
  let candidatesVersion = 0;
  db.candidates.$.subscribe(() => void candidatesVersion++);
  const dataVersion = () => `${candidatesVersion}:${facets.version()}`;

  const withFacets = (candidate: Candidate): CandidateListItem => {
    const bestScore = facets.bestScoreOf(candidate.id);
    return { ...candidate, ...(bestScore === undefined ? {} : { bestScore }), applicationStatuses: facets.statusesOf(candidate.id) };
  };

  /** Best score first (or last, ascending), never-analysed candidates always last, then by id. */
  const byBestScore = (order: 'asc' | 'desc') => (a: RxDocumentData<Candidate>, b: RxDocumentData<Candidate>): number => {
    const [sa, sb] = [facets.bestScoreOf(a.id), facets.bestScoreOf(b.id)];
    if (sa !== sb) {
      if (sa === undefined) return 1;
      if (sb === undefined) return -1;
      return order === 'asc' ? sa - sb : sb - sa;
    }
    const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return order === 'asc' ? byId : -byId;
  };

  /** The id of every candidate the selector and the facet match allow, in list order. */
  async function matchingInMemory(selector: MangoQuerySelector<Candidate>, sort: MangoQuerySortPart<Candidate>[], match: FacetMatch | undefined, order: 'asc' | 'desc', bestScoreSort: boolean) {
    let docs: RxDocumentData<Candidate>[];
    const readById = match?.mode === 'include' && match.ids.size <= smallFacetSet;
    if (readById) {
      // A few allowed ids: read those, and test the rest of the filter here with RxDB's own matcher.
      const query = db.candidates.find({ selector });
      const found = await db.candidates.findByIds([...match.ids]).exec();
      docs = [...found.values()].map((doc) => doc._data).filter((data) => query.doesDocumentDataMatch(data));
    } else {
      docs = (await db.candidates.find({ selector, sort }).exec()).filter((doc) => allows(match, doc.id)).map((doc) => doc._data);
    }
    // The sorted query already answered in list order, unless the order is the best score.
    if (readById || bestScoreSort) {
      const schema = db.candidates.schema.jsonSchema;
      docs.sort(bestScoreSort ? byBestScore(order) : getSortComparator(schema, normalizeMangoQuery(schema, { selector, sort })));
    }
    return docs.map((data) => data.id);
  }

  /**
   * The list's ordered ids, from the cache while no candidate, application, résumé or analysis has
   * changed since they were read. The version is taken before reading, so a write that lands while
   * the ids are worked out leaves them stale for the next request.
   */
  async function orderedIds(key: string, read: () => Promise<string[]>): Promise<string[]> {
    const version = dataVersion();
    const cached = orderedIdsCache.get(key);
    orderedIdsCache.delete(key);
    const ids = cached?.version === version ? cached.ids : await read();
    orderedIdsCache.set(key, cached?.version === version ? cached : { version, ids });
    for (const oldest of orderedIdsCache.keys()) {
      if (orderedIdsCache.size <= CACHED_LIST_QUERIES) break;
      orderedIdsCache.delete(oldest);
    }
    return ids;
  }

  /** The candidates of one page of the list, in its order. */
  async function readPage(ids: string[]): Promise<Candidate[]> {
    const found = await db.candidates.findByIds(ids).exec();
    return ids.flatMap((id) => {
      const doc = found.get(id);
      return doc ? [doc.toMutableJSON()] : [];
    });
  }

  return async function listCandidates(query: CandidateListQuery): Promise<CandidateListPage> {
    assertScoreRange(query);
    const limit = query.limit ?? 20;
    const skip = query.skip ?? 0;
    const order = query.order ?? 'desc';
    const bestScoreSort = query.sort === 'bestScore';
    const field = query.sort === undefined || bestScoreSort ? 'createdAt' : query.sort;
    const sort = [{ [field]: order }, { id: order }] as MangoQuerySortPart<Candidate>[];
    const selector = listSelector(query);
    const facetFilter = { status: query.status, minScore: query.min_score, maxScore: query.max_score };
    // Told without asking the index, which would work out the whole match on every page.
    const facetFiltered = Object.values(facetFilter).some((value) => value !== undefined);

    if (!bestScoreSort && !facetFiltered) {
      const page = await findPage(db.candidates, { selector, sort, limit, skip });
      return { items: page.items.map(withFacets), total: page.total, limit, skip };
    }
    const ids = await orderedIds(listKey(query, order), () => matchingInMemory(selector, sort, facets.match(facetFilter), order, bestScoreSort));
    const items = await readPage(ids.slice(skip, skip + limit));
    return { items: items.map(withFacets), total: ids.length, limit, skip };
  };
}

// The candidate list: the record filters (text, tag, skill, source) run as a database query, the
// facet filters (application status, score range) come from the in-memory facets index, and every
// item carries its best score and application statuses.
import { getSortComparator, normalizeMangoQuery, type MangoQuerySelector, type MangoQuerySortPart, type RxDocument } from 'rxdb';
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

export type CandidateListPage = FoundPage<CandidateListItem> & { limit: number; skip: number };

export interface CandidateListDeps {
  db: AppDatabase;
  facets: Pick<CandidateFacets, 'match' | 'bestScoreOf' | 'statusesOf'>;
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

export function createCandidateLister({ db, facets, smallFacetSet = DEFAULT_SMALL_FACET_SET }: CandidateListDeps) {
  const withFacets = (candidate: Candidate): CandidateListItem => {
    const bestScore = facets.bestScoreOf(candidate.id);
    return { ...candidate, ...(bestScore === undefined ? {} : { bestScore }), applicationStatuses: facets.statusesOf(candidate.id) };
  };

  /** Best score first (or last, ascending), never-analysed candidates always last, then by id. */
  const byBestScore = (order: 'asc' | 'desc') => (a: Candidate, b: Candidate): number => {
    const [sa, sb] = [facets.bestScoreOf(a.id), facets.bestScoreOf(b.id)];
    if (sa !== sb) {
      if (sa === undefined) return 1;
      if (sb === undefined) return -1;
      return order === 'asc' ? sa - sb : sb - sa;
    }
    const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return order === 'asc' ? byId : -byId;
  };

  /** Every candidate the selector and the facet match allow, in list order. */
  async function matchingInMemory(selector: MangoQuerySelector<Candidate>, sort: MangoQuerySortPart<Candidate>[], match: FacetMatch | undefined, order: 'asc' | 'desc', bestScoreSort: boolean) {
    let docs: RxDocument<Candidate>[];
    if (match?.mode === 'include' && match.ids.size <= smallFacetSet) {
      // A few allowed ids: read those, and test the rest of the filter here with RxDB's own matcher.
      const query = db.candidates.find({ selector });
      const found = await db.candidates.findByIds([...match.ids]).exec();
      docs = [...found.values()].filter((doc) => query.doesDocumentDataMatch(doc._data));
    } else {
      docs = (await db.candidates.find({ selector, sort }).exec()).filter((doc) => allows(match, doc.id));
    }
    const candidates = docs.map((doc) => doc.toMutableJSON());
    const schema = db.candidates.schema.jsonSchema;
    const compare = bestScoreSort ? byBestScore(order) : getSortComparator(schema, normalizeMangoQuery(schema, { selector, sort }));
    return candidates.sort(compare);
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
    const match = facets.match({ status: query.status, minScore: query.min_score, maxScore: query.max_score });

    if (!match && !bestScoreSort) {
      const page = await findPage(db.candidates, { selector, sort, limit, skip });
      return { items: page.items.map(withFacets), total: page.total, limit, skip };
    }
    const all = await matchingInMemory(selector, sort, match, order, bestScoreSort);
    return { items: all.slice(skip, skip + limit).map(withFacets), total: all.length, limit, skip };
  };
}

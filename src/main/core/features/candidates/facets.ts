// What the candidate list filters by but a candidate record does not hold: the current statuses of
// the candidate's applications and their best analysis score. Kept in memory in step with the
// applications, résumés and analyses collections (local writes, replication and deletes alike),
// so a filter costs a few map look-ups instead of a join over three collections per request.
import type { RxDocumentData } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { CandidateStatusFilter } from '../../../../shared/api/candidates.js';
import type { Analysis } from '../../../../shared/schemas/analysis.js';
import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from '../../../../shared/schemas/application.js';
import type { Resume } from '../../../../shared/schemas/resume.js';
import type { AppDatabase } from '../../db/database.js';
import { followCollection, type FollowOptions } from '../dashboard/collection-follower.js';

export interface FacetFilter {
  status?: CandidateStatusFilter | undefined;
  minScore?: number | undefined;
  maxScore?: number | undefined;
}

/**
 * The candidates a facet filter allows: exactly the `ids` listed (`include`), or every candidate
 * but those (`exclude`, for "no application", whose matches the index cannot list).
 */
export type FacetMatch = { mode: 'include'; ids: ReadonlySet<string> } | { mode: 'exclude'; ids: ReadonlySet<string> };

export interface CandidateFacets {
  /** The distinct current statuses of the candidate's applications, in pipeline order. */
  statusesOf(candidateId: string): ApplicationStatus[];
  /** The highest overall score of a completed analysis of any of the candidate's résumés. */
  bestScoreOf(candidateId: string): number | undefined;
  /** The candidates the filter allows; `undefined` when it filters nothing. */
  match(filter: FacetFilter): FacetMatch | undefined;
  /** Goes up on every change the index applies, so an answer derived from it knows when it is stale. */
  version(): number;
  close(): void;
}

/** A count per key, so a key leaves only when its last contribution does. */
class Multiset<K> {
  readonly counts = new Map<K, number>();
  add(key: K): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  delete(key: K): void {
    const count = (this.counts.get(key) ?? 0) - 1;
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
  }
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
}

function deleteFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/** An analysis's contribution: the overall score of a completed one, nothing otherwise. */
const scoreOf = (analysis: RxDocumentData<Analysis> | undefined): number | undefined =>
  analysis?.status === 'completed' ? analysis.result?.scores.overall : undefined;

/** The in-memory index alone, fed document changes; `createCandidateFacets` keeps it following the database. */
export function createFacetIndex() {
  const statuses = new Map<string, Multiset<ApplicationStatus>>();
  // Scores are kept per analysis (not a running max) so a deleted or re-run analysis can lower the best.
  const scoresByResume = new Map<string, Map<string, number>>();
  // Analyses name only their résumé; the résumé names the candidate, and may be linked to one later.
  const resumesByCandidate = new Map<string, Set<string>>();
  let version = 0;

  function bestScoreOf(candidateId: string): number | undefined {
    let best: number | undefined;
    for (const resumeId of resumesByCandidate.get(candidateId) ?? []) {
      for (const score of scoresByResume.get(resumeId)?.values() ?? []) if (best === undefined || score > best) best = score;
    }
    return best;
  }

  const applications = {
    change(previous: RxDocumentData<Application> | undefined, next: RxDocumentData<Application> | undefined) {
      version++;
      if (previous) {
        const tally = statuses.get(previous.candidateId);
        tally?.delete(previous.status);
        if (tally?.counts.size === 0) statuses.delete(previous.candidateId);
      }
      if (next) {
        const tally = statuses.get(next.candidateId) ?? new Multiset<ApplicationStatus>();
        tally.add(next.status);
        statuses.set(next.candidateId, tally);
      }
    },
  };

  const resumes = {
    change(previous: RxDocumentData<Resume> | undefined, next: RxDocumentData<Resume> | undefined) {
      version++;
      if (previous?.candidateId) deleteFrom(resumesByCandidate, previous.candidateId, previous.id);
      if (next?.candidateId) addTo(resumesByCandidate, next.candidateId, next.id);
    },
  };

  const analyses = {
    change(previous: RxDocumentData<Analysis> | undefined, next: RxDocumentData<Analysis> | undefined) {
      version++;
      if (previous) {
        const scores = scoresByResume.get(previous.resumeId);
        scores?.delete(previous.id);
        if (scores?.size === 0) scoresByResume.delete(previous.resumeId);
      }
      const score = scoreOf(next);
      if (next && score !== undefined) {
        const scores = scoresByResume.get(next.resumeId) ?? new Map<string, number>();
        scores.set(next.id, score);
        scoresByResume.set(next.resumeId, scores);
      }
    },
  };

  function inScoreRange(filter: FacetFilter): Set<string> {
    const ids = new Set<string>();
    for (const candidateId of resumesByCandidate.keys()) {
      const best = bestScoreOf(candidateId);
      if (best === undefined) continue;
      if (filter.minScore !== undefined && best < filter.minScore) continue;
      if (filter.maxScore !== undefined && best > filter.maxScore) continue;
      ids.add(candidateId);
    }
    return ids;
  }

  function match(filter: FacetFilter): FacetMatch | undefined {
    const byScore = filter.minScore !== undefined || filter.maxScore !== undefined ? inScoreRange(filter) : undefined;
    const { status } = filter;
    if (status === undefined) return byScore && { mode: 'include', ids: byScore };
    if (status === 'none') {
      if (!byScore) return { mode: 'exclude', ids: new Set(statuses.keys()) };
      return { mode: 'include', ids: new Set([...byScore].filter((id) => !statuses.has(id))) };
    }
    const ids = new Set<string>();
    for (const [candidateId, tally] of statuses) {
      if (tally.counts.has(status) && (!byScore || byScore.has(candidateId))) ids.add(candidateId);
    }
    return { mode: 'include', ids };
  }

  return {
    applications,
    resumes,
    analyses,
    statusesOf: (candidateId: string): ApplicationStatus[] => {
      const tally = statuses.get(candidateId);
      return tally ? APPLICATION_STATUSES.filter((status) => tally.counts.has(status)) : [];
    },
    bestScoreOf,
    match,
    version: () => version,
  };
}

/**
 * Documents read per page while loading: résumés carry their whole text and analyses a long reply,
 * so a page of the follower's default size could hold hundreds of megabytes for a moment.
 */
const LOAD_PAGE_SIZE = 500;

/** The facets of every candidate, loaded before it resolves and then kept current. */
export async function createCandidateFacets({ db }: { db: AppDatabase }, { pageSize = LOAD_PAGE_SIZE }: FollowOptions = {}): Promise<CandidateFacets> {
  const index = createFacetIndex();
  const options = { pageSize };
  const subscriptions: Subscription[] = [];
  try {
    subscriptions.push(await followCollection(db.resumes, index.resumes, options));
    subscriptions.push(await followCollection(db.analyses, index.analyses, options));
    subscriptions.push(await followCollection(db.applications, index.applications, options));
  } catch (error) {
    for (const subscription of subscriptions) subscription.unsubscribe();
    throw error;
  }
  return {
    statusesOf: index.statusesOf,
    bestScoreOf: index.bestScoreOf,
    match: index.match,
    version: index.version,
    close: () => subscriptions.forEach((s) => s.unsubscribe()),
  };
}

// RxDB query plan → SQL. Reads only the planned index range (INDEXED BY the key column of the
// planned index); the Mango matcher and sort comparator run in JS only for what the plan says
// the index does not satisfy, and skip/limit go into SQL when it satisfies both.
import type Database from 'better-sqlite3';
import { INDEX_MAX, INDEX_MIN, getQueryMatcher, getSortComparator, prepareQuery } from 'rxdb';
import type { FilledMangoQuery, PreparedQuery, RxDocumentData, RxJsonSchema, RxQueryPlan, RxStorageCountResult } from 'rxdb';
import { indexName, type IndexColumn, type TableLayout } from './sql-schema.js';

type Shape = 'range' | 'page' | 'count';
type Matcher<T> = (doc: RxDocumentData<T>) => boolean;

export interface QueryRunner<RxDocType> {
  query(prepared: PreparedQuery<RxDocType>): RxDocumentData<RxDocType>[];
  count(prepared: PreparedQuery<RxDocType>): RxStorageCountResult;
}

function mergeSorted<T>(a: T[], b: T[], compare: (x: T, y: T) => number): T[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compare(a[i] as T, b[j] as T) <= 0 ? (a[i++] as T) : (b[j++] as T));
  while (i < a.length) out.push(a[i++] as T);
  while (j < b.length) out.push(b[j++] as T);
  return out;
}

export function createQueryRunner<RxDocType>(
  db: Database.Database,
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  layout: TableLayout,
): QueryRunner<RxDocType> {
  type Doc = RxDocumentData<RxDocType>;
  const statements = new Map<string, Database.Statement>();
  const fullScan = db.prepare(`SELECT data FROM ${layout.docs}`).pluck();
  // Served by the partial purge index, so it costs less than even an empty range query.
  const anyDeleted = db.prepare(`SELECT EXISTS (SELECT 1 FROM ${layout.docs} WHERE deleted = 1)`).pluck();

  const rangeStatement = (column: IndexColumn, plan: RxQueryPlan, shape: Shape): Database.Statement => {
    const key = `${column.column}|${plan.inclusiveStart ? 1 : 0}|${plan.inclusiveEnd ? 1 : 0}|${shape}`;
    let statement = statements.get(key);
    if (!statement) {
      const lower = `${column.column} ${plan.inclusiveStart ? '>=' : '>'} ?`;
      const upper = `${column.column} ${plan.inclusiveEnd ? '<=' : '<'} ?`;
      const from = `FROM ${layout.docs} INDEXED BY ${column.sqlIndex} WHERE ${lower} AND ${upper}`;
      const sql =
        shape === 'count'
          ? `SELECT COUNT(*) ${from}`
          : `SELECT data ${from} ORDER BY ${column.column}${shape === 'page' ? ' LIMIT ? OFFSET ?' : ''}`;
      statement = db.prepare(sql).pluck();
      statements.set(key, statement);
    }
    return statement;
  };

  const bounds = (column: IndexColumn, plan: RxQueryPlan): [Buffer, Buffer] => [
    column.keys.lowerBound(plan.startKeys),
    column.keys.upperBound(plan.endKeys),
  ];

  /**
   * Rows of the planned index range (or of the whole table when the planned index is unknown: the
   * planner only picks schema indexes, so that is a foreign `index` hint), parsed and kept when
   * `matches` accepts them; reading stops after `stopAfter` kept documents.
   */
  const read = (plan: RxQueryPlan, column: IndexColumn | undefined, matches: Matcher<RxDocType> | undefined, stopAfter: number): Doc[] => {
    const docs: Doc[] = [];
    if (stopAfter <= 0) return docs;
    const rows = (column ? rangeStatement(column, plan, 'range').iterate(...bounds(column, plan)) : fullScan.iterate()) as IterableIterator<string>;
    for (const row of rows) {
      const doc = JSON.parse(row) as Doc;
      if (matches && !matches(doc)) continue;
      docs.push(doc);
      // Leaving the loop early ends the SQLite statement (the iterator's return()).
      if (docs.length >= stopAfter) break;
    }
    return docs;
  };

  const queryPlanned = ({ queryPlan: plan, query }: PreparedQuery<RxDocType>): Doc[] => {
    const skip = query.skip ?? 0;
    const limit = typeof query.limit === 'number' ? query.limit : Infinity;
    const column = layout.byIndex.get(indexName(plan.index));
    const selectorDone = !!column && plan.selectorSatisfiedByIndex;
    const sortDone = !!column && plan.sortSatisfiedByIndex;

    if (column && selectorDone && sortDone) {
      const rows = rangeStatement(column, plan, 'page').all(...bounds(column, plan), limit === Infinity ? -1 : limit, skip) as string[];
      return rows.map((row) => JSON.parse(row) as Doc);
    }
    if (limit <= 0) return [];
    const wanted = skip + limit;
    const matches = selectorDone ? undefined : getQueryMatcher(schema, query);
    // In index order the first skip+limit matches are the answer; otherwise all must be sorted.
    let docs = read(plan, column, matches, sortDone ? wanted : Infinity);
    if (!sortDone) docs.sort(getSortComparator(schema, query));
    if (skip > 0 || docs.length > wanted) docs = docs.slice(skip, wanted);
    return docs;
  };

  const countPlanned = ({ queryPlan: plan, query }: PreparedQuery<RxDocType>): RxStorageCountResult => {
    const column = layout.byIndex.get(indexName(plan.index));
    if (column && plan.selectorSatisfiedByIndex) {
      return { count: rangeStatement(column, plan, 'count').get(...bounds(column, plan)) as number, mode: 'fast' };
    }
    return { count: read(plan, column, getQueryMatcher(schema, query), Infinity).length, mode: 'slow' };
  };

  /**
   * RxDB's collections always constrain _deleted, but storage-level callers (replication, tools)
   * often do not. Every schema index but the lwt one starts with _deleted, so the planner then
   * finds no index that bounds the query (it falls back to a full scan or a range spanning both
   * halves of a _deleted-led index). Asked once per _deleted value, each half gets a tight range
   * on a _deleted-led index (usually with LIMIT in SQL); merging the two sorted halves gives the
   * answer. A plan that is already bounded by an index not led by _deleted is left alone.
   */
  type Halves = [live: PreparedQuery<RxDocType>, deleted: PreparedQuery<RxDocType>];
  const planHalves = ({ query, queryPlan }: PreparedQuery<RxDocType>): Halves | undefined => {
    if ('_deleted' in query.selector) return undefined;
    const unbounded =
      queryPlan.startKeys.every((key) => key === INDEX_MIN) && queryPlan.endKeys.every((key) => key === INDEX_MAX);
    if (queryPlan.index[0] !== '_deleted' && !unbounded) return undefined;
    const limit = typeof query.limit === 'number' ? { limit: query.skip + query.limit } : {};
    const halfQuery = (deleted: boolean) =>
      ({ ...query, selector: { ...query.selector, _deleted: { $eq: deleted } }, skip: 0, ...limit }) as FilledMangoQuery<RxDocType>;
    const live = prepareQuery(schema, halfQuery(false));
    const plan = live.queryPlan;
    // Only a _deleted-led index splits the two halves into disjoint ranges.
    if (plan.index[0] !== '_deleted' || !layout.byIndex.has(indexName(plan.index))) return undefined;
    // The planner's choice does not depend on the _deleted value: the other half differs only there.
    const deletedPlan = { ...plan, startKeys: [true, ...plan.startKeys.slice(1)], endKeys: [true, ...plan.endKeys.slice(1)] };
    return [live, { query: halfQuery(true), queryPlan: deletedPlan as RxQueryPlan }];
  };
  // RxDB prepares a query once and runs it many times.
  const halvesByQuery = new WeakMap<PreparedQuery<RxDocType>, Halves | null>();
  const splitByDeleted = (prepared: PreparedQuery<RxDocType>): Halves | undefined => {
    let halves = halvesByQuery.get(prepared);
    if (halves === undefined) {
      halves = planHalves(prepared) ?? null;
      halvesByQuery.set(prepared, halves);
    }
    return halves ?? undefined;
  };

  return {
    query(prepared) {
      const halves = splitByDeleted(prepared);
      if (!halves) return queryPlanned(prepared);
      const { skip, limit } = prepared.query;
      const live = queryPlanned(halves[0]);
      const merged = anyDeleted.get() ? mergeSorted(live, queryPlanned(halves[1]), getSortComparator(schema, prepared.query)) : live;
      return merged.slice(skip, typeof limit === 'number' ? skip + limit : undefined);
    },

    count(prepared) {
      const halves = splitByDeleted(prepared);
      if (!halves) return countPlanned(prepared);
      const live = countPlanned(halves[0]);
      const deleted = anyDeleted.get() ? countPlanned(halves[1]) : { count: 0, mode: 'fast' };
      return { count: live.count + deleted.count, mode: live.mode === 'fast' && deleted.mode === 'fast' ? 'fast' : 'slow' };
    },
  };
}

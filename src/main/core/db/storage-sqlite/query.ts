// RxDB query plan → SQL. Reads only the planned index range (INDEXED BY the key column of the
// planned index); the Mango matcher and sort comparator run in JS only for what the plan says
// the index does not satisfy, and skip/limit go into SQL when it satisfies both.
import type Database from 'better-sqlite3';
import { getQueryMatcher, getSortComparator, getStartIndexStringFromLowerBound, getStartIndexStringFromUpperBound } from 'rxdb';
import type { PreparedQuery, RxDocumentData, RxJsonSchema, RxQueryPlan, RxStorageCountResult } from 'rxdb';
import { encodeIndexKey } from './index-key.js';
import type { IndexColumn, TableLayout } from './sql-schema.js';
import { indexName } from './sql-schema.js';

type Shape = 'range' | 'page' | 'count';

export interface QueryRunner<RxDocType> {
  query(prepared: PreparedQuery<RxDocType>): RxDocumentData<RxDocType>[];
  count(prepared: PreparedQuery<RxDocType>): RxStorageCountResult;
}

export function createQueryRunner<RxDocType>(
  db: Database.Database,
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  layout: TableLayout,
): QueryRunner<RxDocType> {
  const statements = new Map<string, Database.Statement>();
  const fullScan = db.prepare(`SELECT data FROM ${layout.docs}`).pluck();

  const rangeStatement = (column: IndexColumn, plan: RxQueryPlan, shape: Shape): Database.Statement => {
    const key = `${column.column}|${plan.inclusiveStart ? 1 : 0}|${plan.inclusiveEnd ? 1 : 0}|${shape}`;
    let statement = statements.get(key);
    if (!statement) {
      const where = `WHERE ${column.column} ${plan.inclusiveStart ? '>=' : '>'} ? AND ${column.column} ${plan.inclusiveEnd ? '<=' : '<'} ?`;
      const from = `FROM ${layout.docs} INDEXED BY ${column.sqlIndex} ${where}`;
      const sql =
        shape === 'count'
          ? `SELECT COUNT(*) ${from}`
          : `SELECT data ${from} ORDER BY ${column.column}${shape === 'page' ? ' LIMIT ? OFFSET ?' : ''}`;
      statement = db.prepare(sql).pluck();
      statements.set(key, statement);
    }
    return statement;
  };

  const bounds = (plan: RxQueryPlan): [Buffer, Buffer] => [
    encodeIndexKey(getStartIndexStringFromLowerBound(schema, plan.index, plan.startKeys)),
    encodeIndexKey(getStartIndexStringFromUpperBound(schema, plan.index, plan.endKeys)),
  ];

  /**
   * Rows of the planned index range (or of the whole table when the planned index is unknown: the
   * planner only picks schema indexes, so that is a foreign `index` hint), parsed and kept when
   * `matches` accepts them; reading stops after `stopAfter` kept documents.
   */
  const read = (
    prepared: PreparedQuery<RxDocType>,
    column: IndexColumn | undefined,
    matches: ((doc: RxDocumentData<RxDocType>) => boolean) | undefined,
    stopAfter: number,
  ): RxDocumentData<RxDocType>[] => {
    const docs: RxDocumentData<RxDocType>[] = [];
    if (stopAfter <= 0) return docs;
    const plan = prepared.queryPlan;
    const rows = (column ? rangeStatement(column, plan, 'range').iterate(...bounds(plan)) : fullScan.iterate()) as IterableIterator<string>;
    for (const row of rows) {
      const doc = JSON.parse(row) as RxDocumentData<RxDocType>;
      if (matches && !matches(doc)) continue;
      docs.push(doc);
      // Leaving the loop early ends the SQLite statement (the iterator's return()).
      if (docs.length >= stopAfter) break;
    }
    return docs;
  };

  return {
    query(prepared) {
      const { queryPlan: plan, query } = prepared;
      const skip = query.skip ?? 0;
      const limit = typeof query.limit === 'number' ? query.limit : Infinity;
      const column = layout.byIndex.get(indexName(plan.index));
      const selectorDone = !!column && plan.selectorSatisfiedByIndex;
      const sortDone = !!column && plan.sortSatisfiedByIndex;

      if (selectorDone && sortDone) {
        const rows = rangeStatement(column, plan, 'page').all(...bounds(plan), limit === Infinity ? -1 : limit, skip) as string[];
        return rows.map((row) => JSON.parse(row) as RxDocumentData<RxDocType>);
      }
      const wanted = skip + limit;
      if (limit <= 0) return [];
      const matches = selectorDone ? undefined : getQueryMatcher(schema, query);
      // In index order the first skip+limit matches are the answer; otherwise all must be sorted.
      let docs = read(prepared, column, matches, sortDone ? wanted : Infinity);
      if (!sortDone) docs.sort(getSortComparator(schema, query));
      if (skip > 0 || docs.length > wanted) docs = docs.slice(skip, wanted);
      return docs;
    },

    count(prepared) {
      const plan = prepared.queryPlan;
      const column = layout.byIndex.get(indexName(plan.index));
      if (column && plan.selectorSatisfiedByIndex) {
        return { count: rangeStatement(column, plan, 'count').get(...bounds(plan)) as number, mode: 'fast' };
      }
      const matches = getQueryMatcher(schema, prepared.query);
      return { count: read(prepared, column, matches, Infinity).length, mode: 'slow' };
    },
  };
}

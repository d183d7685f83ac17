// A plain-JS reading of the Mango subset the suite uses, written independently of RxDB, so
// storage results are checked against what the query means rather than against another storage.
// Fields hold one type each (no arrays, no null), which keeps the semantics unambiguous.
import type { MangoQuerySelector, MangoQuerySortPart } from 'rxdb';

type Scalar = string | number | boolean;
type Doc = Record<string, unknown>;
type Operators = Record<string, unknown>;

function valueAt(doc: Doc, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Doc)[part];
  }
  return current;
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Orders two values of the same type; booleans order false before true. */
function compareScalars(a: Scalar, b: Scalar): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function sameTypeCompare(value: unknown, operand: unknown, accept: (order: number) => boolean): boolean {
  if (!isScalar(value) || !isScalar(operand) || typeof value !== typeof operand) return false;
  return accept(compareScalars(value, operand));
}

function matchesOperator(value: unknown, operator: string, operand: unknown): boolean {
  switch (operator) {
    case '$eq':
      return value === operand;
    case '$ne':
      return value !== operand;
    case '$gt':
      return sameTypeCompare(value, operand, (order) => order > 0);
    case '$gte':
      return sameTypeCompare(value, operand, (order) => order >= 0);
    case '$lt':
      return sameTypeCompare(value, operand, (order) => order < 0);
    case '$lte':
      return sameTypeCompare(value, operand, (order) => order <= 0);
    case '$in':
      return (operand as unknown[]).includes(value);
    case '$nin':
      return !(operand as unknown[]).includes(value);
    case '$exists':
      return (value !== undefined) === operand;
    case '$regex':
      return typeof value === 'string' && new RegExp(operand as string).test(value);
    default:
      throw new Error(`the oracle does not know the operator ${operator}`);
  }
}

function matchesCondition(value: unknown, condition: unknown): boolean {
  if (typeof condition !== 'object' || condition === null) return value === condition;
  const operators = condition as Operators;
  if ('$regex' in operators && '$options' in operators) {
    const { $regex, $options, ...rest } = operators;
    const regexMatches = typeof value === 'string' && new RegExp($regex as string, $options as string).test(value);
    return regexMatches && matchesCondition(value, rest);
  }
  return Object.entries(operators).every(([operator, operand]) => matchesOperator(value, operator, operand));
}

/** True when `doc` satisfies the Mango `selector`. */
export function matchesSelector<T>(doc: T, selector: MangoQuerySelector<T>): boolean {
  return Object.entries(selector as Record<string, unknown>).every(([key, condition]) => {
    if (key === '$and') return (condition as MangoQuerySelector<T>[]).every((part) => matchesSelector(doc, part));
    if (key === '$or') return (condition as MangoQuerySelector<T>[]).some((part) => matchesSelector(doc, part));
    return matchesCondition(valueAt(doc as Doc, key), condition);
  });
}

/** A comparator for `sort`, ending with the primary key ascending as RxDB's normalisation does. */
export function comparatorFor<T>(sort: readonly MangoQuerySortPart<T>[], primaryKey: string): (a: T, b: T) => number {
  const parts = sort.map((part) => Object.entries(part)[0] as [string, 'asc' | 'desc']);
  if (!parts.some(([field]) => field === primaryKey)) parts.push([primaryKey, 'asc']);
  return (a, b) => {
    for (const [field, direction] of parts) {
      const order = compareScalars(valueAt(a as Doc, field) as Scalar, valueAt(b as Doc, field) as Scalar);
      if (order !== 0) return direction === 'asc' ? order : -order;
    }
    return 0;
  };
}

export interface OracleQuery<T> {
  selector: MangoQuerySelector<T>;
  sort: readonly MangoQuerySortPart<T>[];
  skip?: number;
  limit?: number;
}

/** The documents `query` should return from `docs`, in order. */
export function runOracle<T>(docs: readonly T[], query: OracleQuery<T>, primaryKey: string): T[] {
  const matching = docs.filter((doc) => matchesSelector(doc, query.selector));
  matching.sort(comparatorFor(query.sort, primaryKey));
  const skip = query.skip ?? 0;
  return matching.slice(skip, query.limit === undefined ? undefined : skip + query.limit);
}

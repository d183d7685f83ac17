// fast-check generators for the property test: people with many ties and edge values, and queries
// from a small Mango grammar over indexed, unindexed, nested and optional fields.
import fc from 'fast-check';
import type { MangoQuerySelector, MangoQuerySortPart } from 'rxdb';
import { makePerson, type PersonDoc } from './fixtures.js';
import type { OracleQuery } from './oracle.js';

const names = ['Ana', 'ana', 'Bo', 'bob', 'Álvaro', 'Zé', 'Carla', 'carl', 'a b', 'a_b', '50%', "O'Neil"];
const cities = ['Lisbon', 'Porto', 'Faro', 'braga'];
const nicknames = ['', 'Al', 'al', 'Bee', 'Zed'];
// LIKE wildcards and quotes included: they must mean themselves to a regex.
const patterns = ['^A', 'a', 'o$', '^[a-z]', 'l+', '^$', 'Á', 'b.b', '^a_', '%', "'"];

/** Short strings over letters that sort differently by case and by accent. */
const looseString = fc.string({
  unit: fc.constantFrom('a', 'A', 'b', 'B', 'l', 'z', 'Z', 'á', ' ', '0', '_', '%'),
  maxLength: 4,
});
const age = fc.integer({ min: 0, max: 12 });
const score = fc.integer({ min: -40, max: 40 }).map((quarters) => quarters / 4);
const zip = fc.integer({ min: 1000, max: 1010 });

const personArb: fc.Arbitrary<PersonDoc> = fc
  .record({
    id: fc.stringMatching(/^[A-Za-z0-9_%'-]{1,8}$/),
    name: fc.constantFrom(...names),
    age,
    active: fc.boolean(),
    score,
    nickname: fc.option(fc.constantFrom(...nicknames), { nil: undefined }),
    city: fc.constantFrom(...cities),
    zip,
    deleted: fc.integer({ min: 0, max: 5 }).map((roll) => roll === 0),
  })
  .map(({ nickname, city, zip: zipCode, deleted, ...fields }) => {
    const doc = makePerson({ ...fields, address: { city, zip: zipCode }, _deleted: deleted });
    return nickname === undefined ? doc : { ...doc, nickname };
  });

export const peopleArb = fc.uniqueArray(personArb, { selector: (doc) => doc.id, minLength: 3, maxLength: 30 });

type Condition = [field: string, operators: Record<string, unknown>];

function comparisons<T>(field: string, value: fc.Arbitrary<T>): fc.Arbitrary<Condition> {
  return fc.oneof(
    fc.tuple(fc.constantFrom('$eq', '$ne', '$gt', '$gte', '$lt', '$lte'), value).map(([op, v]): Condition => [field, { [op]: v }]),
    fc.tuple(fc.constantFrom('$in', '$nin'), fc.array(value, { maxLength: 3 })).map(([op, v]): Condition => [field, { [op]: v }]),
  );
}

function stringConditions(field: string, pool: readonly string[]): fc.Arbitrary<Condition> {
  return fc.oneof(
    comparisons(field, fc.oneof(fc.constantFrom(...pool), looseString)),
    fc.constantFrom(...patterns).map((pattern): Condition => [field, { $regex: pattern }]),
  );
}

const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
  comparisons('age', age),
  comparisons('score', score),
  comparisons('address.zip', zip),
  stringConditions('id', ['a', '_', '%']),
  stringConditions('name', names),
  stringConditions('address.city', cities),
  stringConditions('nickname', nicknames),
  fc.boolean().map((present): Condition => ['nickname', { $exists: present }]),
  fc.tuple(fc.constantFrom('$eq', '$ne'), fc.boolean()).map(([op, v]): Condition => ['active', { [op]: v }]),
);

/** `value` about a third of the time, otherwise undefined: keeps most selectors loose enough to match. */
function sometimes<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });
}

/** Conditions on the same field merge into one operator object, as a hand-written selector would. */
const flatSelectorArb = fc.array(conditionArb, { maxLength: 2 }).map((conditions) => {
  const selector: Record<string, Record<string, unknown>> = {};
  for (const [field, operators] of conditions) selector[field] = { ...selector[field], ...operators };
  return selector;
});

const selectorArb = fc
  .record({
    base: flatSelectorArb,
    or: sometimes(fc.array(flatSelectorArb, { minLength: 1, maxLength: 3 })),
    and: sometimes(fc.array(flatSelectorArb, { minLength: 1, maxLength: 2 })),
    deleted: fc.constantFrom('live', 'live', 'live', 'tombstones', 'any', 'any'),
  })
  .map(({ base, or, and, deleted }) => {
    const selector: Record<string, unknown> = { ...base };
    if (or) selector['$or'] = or;
    if (and) selector['$and'] = and;
    if (deleted !== 'any') selector['_deleted'] = { $eq: deleted === 'tombstones' };
    return selector as MangoQuerySelector<PersonDoc>;
  });

const sortArb = fc
  .uniqueArray(fc.constantFrom('age', 'name', 'score', 'active', 'address.city', 'address.zip', 'id'), { minLength: 1, maxLength: 3 })
  .chain((fields) =>
    fc.tuple(...fields.map((field) => fc.constantFrom('asc', 'desc').map((direction) => ({ [field]: direction })))),
  )
  .map((parts) => parts as MangoQuerySortPart<PersonDoc>[]);

export const queryArb: fc.Arbitrary<OracleQuery<PersonDoc>> = fc
  .record({
    selector: selectorArb,
    sort: sortArb,
    skip: sometimes(fc.integer({ min: 0, max: 4 })),
    limit: sometimes(fc.integer({ min: 1, max: 8 })),
  })
  .map(({ skip, limit, ...query }) => ({
    ...query,
    ...(skip === undefined ? {} : { skip }),
    ...(limit === undefined ? {} : { limit }),
  }));

// Storage conformance: Mango queries and counts, each checked against a list computed here in plain JS.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MangoQuery, MangoQuerySelector } from 'rxdb';
import {
  deletionOf,
  idsOf,
  insertRow,
  makePerson,
  nextRevision,
  updateRow,
  type Person,
  type PersonDoc,
} from './conformance/fixtures.js';
import { countDocs, prepare, queryDocs, useStorageHarness, type Instance } from './conformance/harness.js';
import { loadStorageSubjects } from './conformance/storages.js';

function person(
  id: string,
  name: string,
  age: number,
  active: boolean,
  score: number,
  city: string,
  zip: number,
  nickname?: string,
): PersonDoc {
  const doc = makePerson({ id, name, age, active, score, address: { city, zip } });
  return nickname === undefined ? doc : { ...doc, nickname };
}

const live: PersonDoc[] = [
  person('p01', 'Alice', 34, true, 7.5, 'Lisbon', 1100, 'Ali'),
  person('p02', 'bob', 27, false, -2, 'Porto', 4000),
  person('p03', 'Carla', 34, true, 12.25, 'Lisbon', 1200, 'Cae'),
  person('p04', 'Dinis', 19, true, 0, 'Braga', 4700),
  person('p05', 'Eva', 45, false, 3.5, 'Porto', 4100, 'Evi'),
  person('p06', 'Álvaro', 52, true, 9.75, 'Faro', 8000),
  person('p07', 'alice', 27, true, 7.5, 'Lisbon', 1100),
  person('p08', 'Bruno', 61, false, -7.25, 'Coimbra', 3000, ''),
  person('p09', 'Zoë', 23, true, 100, 'Braga', 4710),
  person('p10', 'Carla', 29, false, 12.25, 'Porto', 4000),
  person('p11', 'Eduardo', 0, true, 1, 'Faro', 8005),
  person('p12', 'Bea', 150, false, 2, 'Lisbon', 1300, 'B'),
];
/** Tombstones that would match many of the queries below if deleted documents leaked into results. */
const tombstones: PersonDoc[] = [
  deletionOf(person('d01', 'Alice', 34, true, 7.5, 'Lisbon', 1100, 'Ali')),
  deletionOf(person('d02', 'Zed', 99, false, 5, 'Porto', 4000)),
];

type Path = 'id' | 'name' | 'age' | 'active' | 'score' | 'address.city' | 'address.zip';
const read = (doc: Person, path: Path): string | number | boolean =>
  path === 'address.city' ? doc.address.city : path === 'address.zip' ? doc.address.zip : doc[path];

/** Plain-JS ordering by the given fields, then by id as RxDB's normalised sort does. */
function by(...keys: [Path, 'asc' | 'desc'][]) {
  return (a: Person, b: Person): number => {
    for (const [path, direction] of [...keys, ['id', 'asc'] as [Path, 'asc']]) {
      const [x, y] = [read(a, path), read(b, path)];
      if (x !== y) return (x < y ? -1 : 1) * (direction === 'asc' ? 1 : -1);
    }
    return 0;
  };
}

interface QueryCase {
  title: string;
  query: MangoQuery<Person>;
  expected: (docs: PersonDoc[]) => PersonDoc[];
}

const cases: QueryCase[] = [
  {
    title: '$eq on an indexed field',
    query: { selector: { age: { $eq: 34 } }, sort: [{ id: 'asc' }] },
    expected: (d) => d.filter((p) => p.age === 34),
  },
  {
    title: '$eq on an unindexed fractional number',
    query: { selector: { score: { $eq: 7.5 } }, sort: [{ id: 'asc' }] },
    expected: (d) => d.filter((p) => p.score === 7.5),
  },
  {
    title: 'the equality shorthand',
    query: { selector: { name: 'Carla' }, sort: [{ id: 'desc' }] },
    expected: (d) => d.filter((p) => p.name === 'Carla').sort(by(['id', 'desc'])),
  },
  {
    title: '$gt and $lte together on an indexed field',
    query: { selector: { age: { $gt: 27, $lte: 45 } }, sort: [{ age: 'asc' }] },
    expected: (d) => d.filter((p) => p.age > 27 && p.age <= 45).sort(by(['age', 'asc'])),
  },
  {
    title: '$gte and $lt on an unindexed field',
    query: { selector: { score: { $gte: 0, $lt: 12.25 } }, sort: [{ score: 'desc' }] },
    expected: (d) => d.filter((p) => p.score >= 0 && p.score < 12.25).sort(by(['score', 'desc'])),
  },
  {
    title: '$in on an indexed nested field',
    query: { selector: { 'address.city': { $in: ['Porto', 'Faro'] } }, sort: [{ id: 'asc' }] },
    expected: (d) => d.filter((p) => ['Porto', 'Faro'].includes(p.address.city)),
  },
  {
    title: '$nin on an indexed number',
    query: { selector: { age: { $nin: [27, 34, 150] } }, sort: [{ id: 'asc' }] },
    expected: (d) => d.filter((p) => ![27, 34, 150].includes(p.age)),
  },
  {
    title: '$ne compares strings case-sensitively',
    query: { selector: { name: { $ne: 'Alice' } }, sort: [{ id: 'asc' }] },
    expected: (d) => d.filter((p) => p.name !== 'Alice'),
  },
  {
    title: '$regex is case-sensitive without options',
    query: { selector: { name: { $regex: '^A' } }, sort: [{ id: 'asc' }] },
    expected: (d) => d.filter((p) => p.name.startsWith('A')),
  },
  {
    title: '$regex with the i option ignores case',
    query: { selector: { name: { $regex: '^al', $options: 'i' } }, sort: [{ id: 'asc' }] },
    expected: (d) => d.filter((p) => p.name.toLowerCase().startsWith('al')),
  },
  {
    title: '$regex on an optional unindexed field skips documents without it',
    query: { selector: { nickname: { $regex: 'i$' } }, sort: [{ id: 'asc' }] },
    expected: (d) => d.filter((p) => p.nickname?.endsWith('i') === true),
  },
  {
    title: '$exists true counts an empty string as present',
    query: { selector: { nickname: { $exists: true } }, sort: [{ id: 'asc' }] },
    expected: (d) => d.filter((p) => p.nickname !== undefined),
  },
  {
    title: '$exists false',
    query: { selector: { nickname: { $exists: false } }, sort: [{ id: 'asc' }] },
    expected: (d) => d.filter((p) => p.nickname === undefined),
  },
  {
    title: '$or across an indexed and a nested field',
    query: { selector: { $or: [{ age: { $lt: 20 } }, { 'address.city': 'Faro' }] }, sort: [{ id: 'asc' }] },
    expected: (d) => d.filter((p) => p.age < 20 || p.address.city === 'Faro'),
  },
  {
    title: '$and of two bounds on one field',
    query: { selector: { $and: [{ score: { $gt: 0 } }, { score: { $lt: 10 } }] }, sort: [{ id: 'asc' }] },
    expected: (d) => d.filter((p) => p.score > 0 && p.score < 10),
  },
  {
    title: '$or nested inside $and with a boolean',
    query: {
      selector: { $and: [{ active: true }, { $or: [{ 'address.zip': { $gte: 8000 } }, { nickname: { $in: ['Ali', 'Cae'] } }] }] },
      sort: [{ id: 'asc' }],
    },
    expected: (d) => d.filter((p) => p.active && (p.address.zip >= 8000 || ['Ali', 'Cae'].includes(p.nickname ?? ''))),
  },
  {
    title: '$eq false on an indexed boolean',
    query: { selector: { active: { $eq: false } }, sort: [{ name: 'asc' }] },
    expected: (d) => d.filter((p) => !p.active).sort(by(['name', 'asc'])),
  },
  {
    title: '$nin on an optional field keeps documents without it',
    query: { selector: { nickname: { $nin: ['Ali', 'B'] } }, sort: [{ id: 'asc' }] },
    expected: (d) => d.filter((p) => p.nickname === undefined || !['Ali', 'B'].includes(p.nickname)),
  },
  {
    title: 'sorting on an indexed field descending keeps ties in id order',
    query: { selector: {}, sort: [{ age: 'desc' }] },
    expected: (d) => [...d].sort(by(['age', 'desc'])),
  },
  {
    title: 'sorting on two fields in opposite directions',
    query: { selector: {}, sort: [{ name: 'asc' }, { age: 'desc' }] },
    expected: (d) => [...d].sort(by(['name', 'asc'], ['age', 'desc'])),
  },
  {
    title: 'sorting on an unindexed fractional field',
    query: { selector: {}, sort: [{ score: 'asc' }] },
    expected: (d) => [...d].sort(by(['score', 'asc'])),
  },
  {
    title: 'sorting on a nested field then a number',
    query: { selector: {}, sort: [{ 'address.city': 'asc' }, { age: 'desc' }] },
    expected: (d) => [...d].sort(by(['address.city', 'asc'], ['age', 'desc'])),
  },
  {
    title: 'sorting on an unindexed nested field descending',
    query: { selector: { active: true }, sort: [{ 'address.zip': 'desc' }] },
    expected: (d) => d.filter((p) => p.active).sort(by(['address.zip', 'desc'])),
  },
  {
    title: 'skip and limit over a sorted result',
    query: { selector: {}, sort: [{ age: 'asc' }], skip: 2, limit: 3 },
    expected: (d) => [...d].sort(by(['age', 'asc'])).slice(2, 5),
  },
  {
    title: 'limit alone over an unindexed sort',
    query: { selector: { score: { $gt: -100 } }, sort: [{ score: 'desc' }], limit: 4 },
    expected: (d) => [...d].sort(by(['score', 'desc'])).slice(0, 4),
  },
  {
    title: 'skip past the end',
    query: { selector: {}, sort: [{ id: 'asc' }], skip: 50 },
    expected: () => [],
  },
  {
    title: 'an index hint that does not fit the selector',
    query: { selector: { age: { $gte: 30 } }, sort: [{ id: 'asc' }], index: ['_deleted', 'name', 'age'] },
    expected: (d) => d.filter((p) => p.age >= 30),
  },
];

/** RxDB's own queries always exclude tombstones this way before they reach the storage. */
function liveOnly(query: MangoQuery<Person>): MangoQuery<Person> {
  return { ...query, selector: { ...query.selector, _deleted: { $eq: false } } as MangoQuerySelector<Person> };
}

for (const subject of await loadStorageSubjects()) {
  describe.skipIf(subject.skipReason !== undefined)(`${subject.name} storage: query and count`, () => {
    const harness = useStorageHarness(subject);
    let instance: Instance;

    beforeAll(async () => {
      instance = await harness.openUnmanaged();
      const response = await instance.bulkWrite([...live, ...tombstones].map(insertRow), 'conformance.query');
      expect(response.error).toEqual([]);
      return () => instance.close();
    });

    it.each(cases)('answers $title', async ({ query, expected }) => {
      const result = await queryDocs(instance, liveOnly(query));
      expect(idsOf(result)).toEqual(idsOf(expected(live)));
    });

    it.each(cases.filter((c) => c.query.skip === undefined && c.query.limit === undefined))(
      'counts what the query returns for $title',
      async ({ query, expected }) => {
        expect(await countDocs(instance, liveOnly(query))).toBe(expected(live).length);
      },
    );

    it('returns whole stored documents from a query, not projections', async () => {
      const [first] = await queryDocs(instance, liveOnly({ selector: { id: 'p01' }, sort: [{ id: 'asc' }] }));
      expect(first).toStrictEqual(live[0]);
    });

    const tombstoneSelector = { _deleted: { $eq: true } } as MangoQuerySelector<Person>;

    it('leaves tombstones in results when the query does not exclude them, as replication relies on', async () => {
      const result = await queryDocs(instance, { selector: { name: 'Alice' }, sort: [{ id: 'asc' }] });
      expect(idsOf(result)).toEqual(['d01', 'p01']);
    });

    it('returns only tombstones for _deleted $eq true', async () => {
      const result = await queryDocs(instance, { selector: tombstoneSelector, sort: [{ id: 'asc' }] });
      expect(result).toStrictEqual(tombstones);
      expect(await countDocs(instance, { selector: tombstoneSelector })).toBe(2);
    });

    it('runs the fixtures through both index-backed and unindexed query plans', () => {
      const indexed = prepare(instance, liveOnly({ selector: { age: { $gt: 30 } }, sort: [{ age: 'asc' }] }));
      const unindexed = prepare(instance, liveOnly({ selector: { score: { $gt: 0 } }, sort: [{ score: 'asc' }] }));
      expect(indexed.queryPlan.index).toContain('age');
      expect(indexed.queryPlan.sortSatisfiedByIndex).toBe(true);
      expect(unindexed.queryPlan.selectorSatisfiedByIndex).toBe(false);
      expect(unindexed.queryPlan.sortSatisfiedByIndex).toBe(false);
    });
  });

  describe.skipIf(subject.skipReason !== undefined)(`${subject.name} storage: queries follow writes`, () => {
    const harness = useStorageHarness(subject);

    it('finds a document by its new indexed values after an update, and no longer by the old ones', async () => {
      const instance = await harness.open();
      const before = person('moving', 'Mover', 30, true, 1, 'Lisbon', 1100);
      const after = nextRevision(before, { age: 31, name: 'Moved', address: { city: 'Porto', zip: 4000 } });
      await instance.bulkWrite([insertRow(before)], 'conformance.query');
      await instance.bulkWrite([updateRow(before, after)], 'conformance.query');

      const find = async (selector: MangoQuerySelector<Person>) =>
        idsOf(await queryDocs(instance, liveOnly({ selector, sort: [{ id: 'asc' }] })));
      expect(await find({ age: 30 })).toEqual([]);
      expect(await find({ age: 31 })).toEqual(['moving']);
      expect(await find({ name: 'Mover' })).toEqual([]);
      expect(await find({ 'address.city': 'Porto' })).toEqual(['moving']);
      expect(await countDocs(instance, liveOnly({ selector: { 'address.city': 'Lisbon' } }))).toBe(0);
    });

    it('drops a deleted document from live queries and counts at once', async () => {
      const instance = await harness.open();
      const doc = person('leaving', 'Leaver', 40, true, 1, 'Faro', 8000);
      await instance.bulkWrite([insertRow(doc)], 'conformance.query');

      await instance.bulkWrite([updateRow(doc, deletionOf(doc))], 'conformance.query');

      expect(await queryDocs(instance, liveOnly({ selector: { age: 40 }, sort: [{ id: 'asc' }] }))).toEqual([]);
      expect(await countDocs(instance, liveOnly({ selector: {} }))).toBe(0);
    });
  });
}

// Storage conformance, property-based: random people and random Mango queries give the same ids,
// in the same order, on the storage as in the plain-JS oracle.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MangoQuery } from 'rxdb';
import { peopleArb, queryArb } from './conformance/arbitraries.js';
import { idsOf, insertRow, type Person } from './conformance/fixtures.js';
import { countDocs, queryDocs, useStorageHarness } from './conformance/harness.js';
import { runOracle } from './conformance/oracle.js';
import { loadStorageSubjects } from './conformance/storages.js';

const numRuns = 80;

for (const subject of await loadStorageSubjects()) {
  describe.skipIf(subject.skipReason !== undefined)(`${subject.name} storage: random queries against the oracle`, () => {
    const harness = useStorageHarness(subject);

    it('returns the ids the oracle computes, in its order, and counts what it matches', async () => {
      await fc.assert(
        fc.asyncProperty(peopleArb, fc.array(queryArb, { minLength: 1, maxLength: 4 }), async (people, queries) => {
          const instance = await harness.openUnmanaged();
          try {
            const response = await instance.bulkWrite(people.map(insertRow), 'conformance.property');
            expect(response.error).toEqual([]);
            for (const query of queries) {
              const mango = query as MangoQuery<Person>;
              const expected = runOracle(people, query, 'id');
              expect(idsOf(await queryDocs(instance, mango))).toEqual(idsOf(expected));
              const unbounded = runOracle(people, { selector: query.selector, sort: query.sort }, 'id');
              const { skip: _skip, limit: _limit, ...withoutBounds } = mango;
              expect(await countDocs(instance, withoutBounds)).toBe(unbounded.length);
            }
          } finally {
            await instance.close();
          }
        }),
        { numRuns },
      );
    });
  });
}

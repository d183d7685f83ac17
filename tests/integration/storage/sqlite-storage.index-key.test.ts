import fc from 'fast-check';
import {
  INDEX_MAX,
  INDEX_MIN,
  fillWithDefaultSettings,
  getIndexableStringMonad,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
} from 'rxdb';
import type { RxDocumentData, RxJsonSchema } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { createDocumentKeys, createIndexKeyEncoder, encodeStringField } from '../../../src/main/core/db/storage-sqlite/index-key.js';

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const jsOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const bytesOrder = (a: string | Buffer, b: string | Buffer) =>
  sign(Buffer.compare(typeof a === 'string' ? Buffer.from(a, 'latin1') : a, typeof b === 'string' ? Buffer.from(b, 'latin1') : b));

// Code units that matter: control characters below the padding space, the space itself, the
// 0x7e/0x7f border, accents, lone and paired surrogates, and RxDB's INDEX_MAX '\uffff'.
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0x20, 0x20, 0x00, 0x09, 0x1f, 0x21, 0x41, 0x61, 0x7e, 0x7f) },
  fc.integer({ min: 0, max: 0x7f }),
  fc.constantFrom(0x80, 0xe1, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xffff),
  fc.integer({ min: 0x80, max: 0xffff }),
);
const MAX_LENGTH = 10;
const text = fc.array(unit, { maxLength: MAX_LENGTH }).map((units) => String.fromCharCode(...units));

interface Row {
  id: string;
  name: string;
  age: number;
  score: number;
  active: boolean;
}
const schema = fillWithDefaultSettings({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: MAX_LENGTH },
    name: { type: 'string', maxLength: MAX_LENGTH },
    age: { type: 'integer', minimum: 0, maximum: 150, multipleOf: 1 },
    score: { type: 'number', minimum: -50, maximum: 50, multipleOf: 0.25 },
    active: { type: 'boolean' },
  },
  required: ['id', 'name', 'age', 'score', 'active'],
} as RxJsonSchema<Row>) as RxJsonSchema<RxDocumentData<Row>>;
const index = ['active', 'name', 'score', 'age', 'id'];
const rxdbString = getIndexableStringMonad(schema, index);
const keys = createIndexKeyEncoder(schema, index);

const rowArb = fc.record({
  id: text,
  name: text,
  age: fc.integer({ min: 0, max: 150 }),
  score: fc.integer({ min: -200, max: 200 }).map((quarters) => quarters / 4),
  active: fc.boolean(),
});
const toDoc = (row: Row) => ({ ...row, _deleted: false, _rev: '1-a', _attachments: {}, _meta: { lwt: 1 } }) as RxDocumentData<Row>;
const boundKey = fc.oneof(fc.constant(INDEX_MIN), fc.constant(INDEX_MAX), text, fc.integer({ min: -60, max: 160 }), fc.boolean());

describe('index key encoding', () => {
  it('orders one padded string field exactly as JavaScript orders the padded strings', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const padded = jsOrder(a.padEnd(MAX_LENGTH, ' '), b.padEnd(MAX_LENGTH, ' '));
        expect(bytesOrder(encodeStringField(a), encodeStringField(b))).toBe(padded);
      }),
      { numRuns: 5_000 },
    );
  });

  it('orders compound document keys exactly as RxDB orders its indexable strings', () => {
    fc.assert(
      fc.property(rowArb, rowArb, (a, b) => {
        const expected = jsOrder(rxdbString(toDoc(a)), rxdbString(toDoc(b)));
        expect(bytesOrder(keys.keyOf(toDoc(a)), keys.keyOf(toDoc(b)))).toBe(expected);
      }),
      { numRuns: 3_000 },
    );
  });

  it('places query bounds against documents exactly where RxDB places them', () => {
    const bounds = fc.array(boundKey, { minLength: index.length, maxLength: index.length });
    fc.assert(
      fc.property(rowArb, bounds, bounds, (row, lower, upper) => {
        // Bound values are only meaningful for their field's type; RxDB's planner emits no others.
        const typed = (values: unknown[]) =>
          values.map((v, i) => {
            const field = index[i] as string;
            if (v === INDEX_MIN || v === INDEX_MAX) return v;
            if (field === 'active') return typeof v === 'boolean' ? v : INDEX_MIN;
            if (field === 'age' || field === 'score') return typeof v === 'number' ? v : INDEX_MAX;
            return typeof v === 'string' ? v : INDEX_MIN;
          }) as (string | number)[];
        const doc = toDoc(row);
        const lowerString = getStartIndexStringFromLowerBound(schema, index, typed(lower));
        const upperString = getStartIndexStringFromUpperBound(schema, index, typed(upper));
        expect(bytesOrder(keys.keyOf(doc), keys.lowerBound(typed(lower)))).toBe(jsOrder(rxdbString(doc), lowerString));
        expect(bytesOrder(keys.keyOf(doc), keys.upperBound(typed(upper)))).toBe(jsOrder(rxdbString(doc), upperString));
      }),
      { numRuns: 3_000 },
    );
  });

  it('packs a number field into exactly the digits RxDB writes for it, two per byte', () => {
    const scoreKeys = createIndexKeyEncoder(schema, ['score']);
    const lwtKeys = createIndexKeyEncoder(schema, ['_meta.lwt']);
    const scoreString = getIndexableStringMonad(schema, ['score']);
    const lwtString = getIndexableStringMonad(schema, ['_meta.lwt']);
    const hexOf = (digits: string) => (digits.length % 2 ? '0' : '') + digits;
    fc.assert(
      fc.property(fc.double({ min: -80, max: 80, noNaN: true }), fc.double({ min: 0, max: 2e15, noNaN: true }), (score, lwt) => {
        const doc = { ...toDoc({ id: 'a', name: 'b', age: 1, score, active: true }), _meta: { lwt } };
        expect(scoreKeys.keyOf(doc).toString('hex')).toBe(hexOf(scoreString(doc)));
        expect(lwtKeys.keyOf(doc).toString('hex')).toBe(hexOf(lwtString(doc)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('builds the keys of several indexes at once exactly as one index at a time', () => {
    const indexes = [index, ['name', 'id'], ['_meta.lwt', 'id'], ['active', 'age', 'id']];
    const all = createDocumentKeys(schema, indexes);
    const single = indexes.map((fields) => createIndexKeyEncoder(schema, fields));
    fc.assert(
      fc.property(rowArb, (row) => {
        const doc = toDoc(row);
        expect(all(doc).map((key) => key.toString('hex'))).toEqual(single.map((s) => s.keyOf(doc).toString('hex')));
      }),
      { numRuns: 1_000 },
    );
  });

  it('stores a plain ASCII field without its padding', () => {
    expect(encodeStringField('Lisbon'.padEnd(40, ' '))).toBe('Lisbon\x02');
  });
});

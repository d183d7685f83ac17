import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeIndexKey } from '../../../src/main/core/db/storage-sqlite/index-key.js';

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const jsOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Code units that matter: ASCII (incl. NUL and the padding space), the 0x7f/0x80 border, accents,
// lone and paired surrogates, private use, and RxDB's INDEX_MAX '\uffff'.
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }),
  fc.constantFrom(0x80, 0xe1, 0x100, 0x7fff, 0x8000, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffe, 0xffff),
  fc.integer({ min: 0x80, max: 0xffff }),
);
const key = fc.array(unit, { maxLength: 12 }).map((units) => String.fromCharCode(...units));

describe('index key encoding', () => {
  it('orders encoded keys exactly as JavaScript orders the strings', () => {
    fc.assert(
      fc.property(key, key, (a, b) => {
        expect(sign(Buffer.compare(encodeIndexKey(a), encodeIndexKey(b)))).toBe(jsOrder(a, b));
      }),
      { numRuns: 5_000 },
    );
  });

  it('puts characters above U+FFFF below the INDEX_MAX bound, as JavaScript does', () => {
    const emoji = 'a😀';
    const bound = 'a\uffff';
    expect(emoji < bound).toBe(true);
    expect(Buffer.compare(encodeIndexKey(emoji), encodeIndexKey(bound))).toBe(-1);
  });

  it('stores ASCII keys one byte per character', () => {
    expect(encodeIndexKey('0030c000001   ')).toEqual(Buffer.from('0030c000001   ', 'latin1'));
  });
});

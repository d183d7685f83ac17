// Order-preserving binary encoding of RxDB's indexable strings, so that SQLite's BLOB ordering
// (memcmp) is exactly JavaScript's string ordering (UTF-16 code units).
//
// Why not TEXT: SQLite compares TEXT as UTF-8 bytes, i.e. by code point, which disagrees with
// JavaScript for characters above U+FFFF (RxDB's INDEX_MAX bound is '\uFFFF', and an emoji would
// sort after it), and lone surrogates do not survive UTF-8 at all.
//
// Encoding: each UTF-16 code unit c < 0x80 is one byte c; every other unit is three bytes
// [0x80, c >> 8, c & 0xff]. Single bytes are all below 0x80 and every long form starts with 0x80,
// so the code is prefix-free and its byte order follows code-unit order; keys (mostly ASCII digits
// and padded ids) stay as compact as ASCII text.

const LONG_FORM_MARKER = 0x80;

export function encodeIndexKey(indexString: string): Buffer {
  const length = indexString.length;
  // Fast path: pure ASCII has byteLength === length in UTF-8 (any other unit takes ≥ 2 bytes).
  if (Buffer.byteLength(indexString, 'utf8') === length) {
    return Buffer.from(indexString, 'latin1');
  }
  let longUnits = 0;
  for (let i = 0; i < length; i++) {
    if (indexString.charCodeAt(i) >= LONG_FORM_MARKER) longUnits++;
  }
  const out = Buffer.allocUnsafe(length + longUnits * 2);
  let offset = 0;
  for (let i = 0; i < length; i++) {
    const unit = indexString.charCodeAt(i);
    if (unit < LONG_FORM_MARKER) {
      out[offset++] = unit;
    } else {
      out[offset++] = LONG_FORM_MARKER;
      out[offset++] = unit >> 8;
      out[offset++] = unit & 0xff;
    }
  }
  return out;
}

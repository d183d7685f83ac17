// Compact, order-preserving binary index keys. RxDB orders documents in an index by a string
// (getIndexableStringMonad): each field padded to a fixed width (strings with spaces to maxLength,
// numbers as zero-padded digits, booleans as '0'/'1'), compared as JavaScript compares strings.
// The key stored in SQLite is a BLOB whose byte order (memcmp) is exactly that order, so an SQLite
// index range scan returns what RxDB's own storages would, while the key stays small:
//
// - A string field drops its padding. Padding to a fixed width with spaces makes trailing spaces
//   insignificant and compares a missing character as a space, so the field is written as tokens:
//   a character c > ' ' with no spaces before it is one byte (c ≤ 0x7e) or 0x7f + two bytes;
//   a run of r spaces followed by a character d is 0x01/0x03 + r + d (d < ' ' sorts below the
//   padding, d > ' ' above it, a longer run is "more padding"); the end of the field is 0x02,
//   which sorts between the two, as endless padding would.
// - A number field packs its fixed-width digits two per byte (a leading 0 when the width is odd).
// - Strings compare by UTF-16 code unit, as JavaScript does (not by code point, as SQLite TEXT
//   would, which disagrees above U+FFFF and breaks RxDB's '\uffff' INDEX_MAX bound).
//
// Keys are written straight into a reusable buffer: index keys are computed for every write, and
// building them as strings and converting each to a Buffer cost more than the SQLite insert.
import { getIndexMeta, getStartIndexStringFromLowerBound, getStartIndexStringFromUpperBound } from 'rxdb';
import type { RxDocumentData, RxJsonSchema, RxQueryPlanKey } from 'rxdb';

/** Bumped whenever the byte format changes, so stored keys are rebuilt. */
export const INDEX_KEY_FORMAT = 2;

const SPACE = 0x20;
const LOW_RUN = 0x01;
const FIELD_END = 0x02;
const HIGH_RUN = 0x03;
const LAST_PLAIN = 0x7e;
const LONG_CHAR = 0x7f;
const MAX_RUN = 0xfffe;
/** Worst case bytes per UTF-16 unit of a string field (a run-token per character). */
const MAX_BYTES_PER_UNIT = 5;

/** A growable byte buffer that keys are written into. */
class KeyWriter {
  buffer = Buffer.allocUnsafe(1024);
  offset = 0;

  reserve(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }

  writeStringField(value: string): void {
    let end = value.length;
    while (end > 0 && value.charCodeAt(end - 1) === SPACE) end--;
    this.reserve(end * MAX_BYTES_PER_UNIT + 1);
    const buffer = this.buffer;
    let o = this.offset;
    for (let i = 0; i < end; i++) {
      const unit = value.charCodeAt(i);
      if (unit > SPACE && unit <= LAST_PLAIN) {
        buffer[o++] = unit;
      } else if (unit > SPACE) {
        buffer[o++] = LONG_CHAR;
        buffer[o++] = unit >> 8;
        buffer[o++] = unit & 0xff;
      } else {
        let run = 0;
        while (value.charCodeAt(i) === SPACE) {
          run++;
          i++;
        }
        // Trailing spaces were cut off, so a run always ends at a character.
        const next = value.charCodeAt(i);
        const clamped = Math.min(run, MAX_RUN);
        const order = next < SPACE ? clamped : MAX_RUN + 1 - clamped;
        buffer[o++] = next < SPACE ? LOW_RUN : HIGH_RUN;
        buffer[o++] = order >> 8;
        buffer[o++] = order & 0xff;
        buffer[o++] = next >> 8;
        buffer[o++] = next & 0xff;
      }
    }
    buffer[o++] = FIELD_END;
    this.offset = o;
  }

  /** Packs a string of decimal digits (all strings of one field have the same width). */
  writeDigits(digits: string): void {
    const odd = digits.length % 2;
    this.reserve((digits.length + 1) >> 1);
    const buffer = this.buffer;
    let o = this.offset;
    let high = odd ? 0 : -1;
    for (let i = 0; i < digits.length; i++) {
      const digit = digits.charCodeAt(i) - 0x30;
      if (digit < 0 || digit > 9) throw new Error(`not an index number string: ${JSON.stringify(digits)}`);
      if (high < 0) {
        high = digit;
      } else {
        buffer[o++] = (high << 4) | digit;
        high = -1;
      }
    }
    this.offset = o;
  }

  writeByte(byte: number): void {
    this.reserve(1);
    this.buffer[this.offset++] = byte;
  }

  /** A copy of the bytes written since `start`. */
  copyFrom(start: number): Buffer {
    return Buffer.from(this.buffer.subarray(start, this.offset));
  }
}

interface FieldEncoder {
  readonly field: string;
  /** Writes the field of a document. */
  write(doc: object, out: KeyWriter): void;
  /** Writes RxDB's index string part of the field (query bounds come as such strings). */
  writePart(part: string, out: KeyWriter): void;
}

interface NumberLengths {
  minimum: number;
  maximum: number;
  roundedMinimum: number;
  nonDecimals: number;
  decimals: number;
  multiplier: number;
}

/**
 * The digits RxDB writes for a number field (getIndexMeta's getIndexStringPart): clamped to the
 * schema bounds, integer part minus the minimum, then the rounded decimals. Computed without the
 * intermediate strings, which made numbers the slowest part of key building.
 */
function numberDigits(value: unknown, lengths: NumberLengths, digits: Uint8Array): void {
  let v = typeof value === 'number' && !Number.isNaN(value) ? value : 0;
  if (v < lengths.minimum) v = lengths.minimum;
  if (v > lengths.maximum) v = lengths.maximum;
  const floored = Math.floor(v);
  let integer = floored - lengths.roundedMinimum;
  for (let i = lengths.nonDecimals - 1; i >= 0; i--) {
    const digit = integer % 10;
    digits[i] = digit;
    integer = (integer - digit) / 10;
  }
  if (lengths.decimals > 0) {
    let shifted = Math.min(Math.round((v - floored) * lengths.multiplier), lengths.multiplier - 1);
    for (let i = lengths.nonDecimals + lengths.decimals - 1; i >= lengths.nonDecimals; i--) {
      const digit = shifted % 10;
      digits[i] = digit;
      shifted = (shifted - digit) / 10;
    }
  }
}

function createFieldEncoders<RxDocType>(schema: RxJsonSchema<RxDocumentData<RxDocType>>, fields: readonly string[]): FieldEncoder[] {
  return getIndexMeta(schema, [...fields]).map((meta): FieldEncoder => {
    const field = meta.fieldName;
    const type = meta.schemaPart.type;
    const getValue = meta.getValue as (doc: object) => unknown;
    if (type === 'string') {
      return {
        field,
        write: (doc, out) => {
          const value = getValue(doc);
          out.writeStringField(value ? String(value) : '');
        },
        writePart: (part, out) => out.writeStringField(part),
      };
    }
    if (type === 'boolean') {
      return {
        field,
        write: (doc, out) => out.writeByte(getValue(doc) ? 0x31 : 0x30),
        writePart: (part, out) => out.writeByte(part.charCodeAt(0)),
      };
    }
    const lengths = meta.parsedLengths as NumberLengths;
    const width = lengths.nonDecimals + lengths.decimals;
    const digits = new Uint8Array(width);
    // Integers beyond 2^53 cannot be split into digits exactly by arithmetic: use RxDB's strings.
    const exact = lengths.maximum - lengths.roundedMinimum <= Number.MAX_SAFE_INTEGER;
    const part = meta.getIndexStringPart as (doc: object) => string;
    return {
      field,
      write: (doc, out) => {
        if (!exact) return out.writeDigits(part(doc));
        numberDigits(getValue(doc), lengths, digits);
        out.reserve((width + 1) >> 1);
        const buffer = out.buffer;
        let o = out.offset;
        let i = 0;
        if (width % 2 === 1) buffer[o++] = digits[i++] as number;
        for (; i < width; i += 2) buffer[o++] = ((digits[i] as number) << 4) | (digits[i + 1] as number);
        out.offset = o;
      },
      writePart: (digitString, out) => out.writeDigits(digitString),
    };
  });
}

export interface IndexKeyEncoder {
  keyOf(doc: object): Buffer;
  lowerBound(startKeys: readonly RxQueryPlanKey[]): Buffer;
  upperBound(endKeys: readonly RxQueryPlanKey[]): Buffer;
}

/** Keys of one index, each returned in its own Buffer. */
export function createIndexKeyEncoder<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  fields: readonly string[],
): IndexKeyEncoder {
  const encoders = createFieldEncoders(schema, fields);
  const out = new KeyWriter();
  const bound = (keys: readonly RxQueryPlanKey[], side: 'lower' | 'upper'): Buffer => {
    const partOf = side === 'lower' ? getStartIndexStringFromLowerBound : getStartIndexStringFromUpperBound;
    out.offset = 0;
    encoders.forEach((encoder, i) => encoder.writePart(partOf(schema, [encoder.field], [keys[i]]), out));
    return out.copyFrom(0);
  };
  return {
    keyOf(doc) {
      out.offset = 0;
      for (const encoder of encoders) encoder.write(doc, out);
      return out.copyFrom(0);
    },
    lowerBound: (keys) => bound(keys, 'lower'),
    upperBound: (keys) => bound(keys, 'upper'),
  };
}

/**
 * The keys of one document for several indexes at once. Indexes share fields (every one ends with
 * the primary key, most start with _deleted), so each field is encoded once per document.
 * The returned array and its Buffers (views of one reused buffer) are valid until the next call,
 * which is enough to bind them to a statement (better-sqlite3 copies bound blobs).
 */
export function createDocumentKeys<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  indexes: readonly (readonly string[])[],
): (doc: object) => Buffer[] {
  const fields = [...new Set(indexes.flat())];
  const encoders = createFieldEncoders(schema, fields);
  const positions = indexes.map((index) => index.map((field) => fields.indexOf(field)));
  const starts = new Array<number>(fields.length).fill(0);
  const ends = new Array<number>(fields.length).fill(0);
  const keyStarts = new Array<number>(indexes.length + 1).fill(0);
  const keys = new Array<Buffer>(indexes.length);
  const out = new KeyWriter();
  return (doc) => {
    out.offset = 0;
    for (let i = 0; i < encoders.length; i++) {
      starts[i] = out.offset;
      (encoders[i] as FieldEncoder).write(doc, out);
      ends[i] = out.offset;
    }
    out.reserve(out.offset * indexes.length);
    const buffer = out.buffer;
    let o = out.offset;
    for (let k = 0; k < positions.length; k++) {
      keyStarts[k] = o;
      for (const position of positions[k] as number[]) {
        const end = ends[position] as number;
        for (let b = starts[position] as number; b < end; b++) buffer[o++] = buffer[b] as number;
      }
    }
    keyStarts[positions.length] = o;
    out.offset = o;
    for (let k = 0; k < keys.length; k++) keys[k] = buffer.subarray(keyStarts[k], keyStarts[k + 1]);
    return keys;
  };
}

/** The encoding of one string field as a latin1 string of bytes (for tests and diagnostics). */
export function encodeStringField(value: string): string {
  const out = new KeyWriter();
  out.writeStringField(value);
  return out.buffer.toString('latin1', 0, out.offset);
}

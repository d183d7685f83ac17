// Decompression-bomb guard: measures how many bytes a PDF's FlateDecode streams inflate to, with a
// streaming inflater that stops counting past a cap, before pdf.js (which would inflate a bomb into
// gigabytes of memory) sees the file. It runs in the worker thread, never on the main thread.
//
// Image streams are skipped: text extraction never decodes images, and a large scan is legitimate.
// The scan reads the raw bytes (`<< … >> stream … endstream`) rather than the cross-reference table,
// so it also sees streams of a file whose table is broken, which pdf.js would recover by scanning.
import { constants, createInflate, inflateSync } from 'node:zlib';

export interface InflationScan {
  /** Bytes the measured streams inflated to, counted up to just past the cap. */
  inflatedBytes: number;
  /** FlateDecode streams measured. */
  streams: number;
  /** True when the streams together inflate past the cap. */
  overCap: boolean;
}

// The scan never looks further back than this for a stream's dictionary, so a file of many
// `>> stream` tokens cannot make it quadratic.
const MAX_DICTIONARY_BYTES = 64 * 1024;
// Inflated output is counted in chunks of this size and dropped; memory stays at one chunk.
const INFLATE_CHUNK_BYTES = 1024 * 1024;
// A stream that inflates to at most this is measured in one synchronous call (no stream object, no
// thread-pool round trip, no 1 MiB output buffer per stream); almost every stream of a résumé does.
// Memory stays within one chunk either way.
const INFLATE_AT_ONCE_BYTES = 256 * 1024;

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
const FLATE_FILTER = /\/Filter\s*(?:\[\s*)?\/(?:FlateDecode|Fl)(?![A-Za-z0-9])/u;
const IMAGE_SUBTYPE = /\/Subtype\s*\/Image(?![A-Za-z0-9])/u;

export async function scanInflatedSize(bytes: Uint8Array, maxInflatedBytes: number): Promise<InflationScan> {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let inflatedBytes = 0;
  let streams = 0;
  for (const stream of flateStreams(file)) {
    streams++;
    inflatedBytes += await inflatedSize(stream, maxInflatedBytes - inflatedBytes);
    if (inflatedBytes > maxInflatedBytes) return { inflatedBytes, streams, overCap: true };
  }
  return { inflatedBytes, streams, overCap: false };
}

/** The raw data of every FlateDecode stream that is not an image, in file order. */
function* flateStreams(file: Buffer): Generator<Buffer> {
  let at = file.indexOf(STREAM);
  while (at !== -1) {
    const dictionaryEnd = keywordFollowsDictionary(file, at);
    if (dictionaryEnd === -1) {
      at = file.indexOf(STREAM, at + STREAM.length);
      continue;
    }
    const dataStart = afterEndOfLine(file, at + STREAM.length);
    const found = file.indexOf(END_STREAM, dataStart);
    const dataEnd = found === -1 ? file.length : found;
    const dictionary = dictionaryText(file, dictionaryEnd);
    if (dictionary !== null && FLATE_FILTER.test(dictionary) && !IMAGE_SUBTYPE.test(dictionary)) {
      yield file.subarray(dataStart, dataEnd);
    }
    at = file.indexOf(STREAM, dataEnd + END_STREAM.length);
  }
}

/** Where the `>>` before a `stream` keyword ends (index of its last `>`), or -1 if it is not one. */
function keywordFollowsDictionary(file: Buffer, keyword: number): number {
  let back = keyword - 1;
  while (back >= 0 && isWhitespace(file[back])) back--;
  return back >= 1 && file[back] === 0x3e && file[back - 1] === 0x3e ? back : -1;
}

/** The text of the dictionary ending at `end` (its final `>`), nested dictionaries included. */
function dictionaryText(file: Buffer, end: number): string | null {
  const limit = Math.max(0, end - MAX_DICTIONARY_BYTES);
  let depth = 0;
  for (let at = end; at > limit; at--) {
    if (file[at] === 0x3e && file[at - 1] === 0x3e) {
      depth++;
      at--;
    } else if (file[at] === 0x3c && file[at - 1] === 0x3c) {
      depth--;
      at--;
      if (depth === 0) return file.toString('latin1', at, end + 1);
    }
  }
  return null;
}

/** Stream data starts after the end-of-line that follows the keyword (CRLF or LF). */
function afterEndOfLine(file: Buffer, at: number): number {
  if (file[at] === 0x0d && file[at + 1] === 0x0a) return at + 2;
  if (file[at] === 0x0a || file[at] === 0x0d) return at + 1;
  return at;
}

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
}

/**
 * Inflates `data`, counting the output and dropping it, and stops as soon as the count passes
 * `budget`. Corrupt or truncated data counts what inflated before the damage: judging damage is the
 * parser's job, this only measures size.
 */
async function inflatedSize(data: Buffer, budget: number): Promise<number> {
  const atOnce = Math.min(budget + 1, INFLATE_AT_ONCE_BYTES);
  try {
    return inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: atOnce }).length;
  } catch {
    // Larger than `atOnce`, or damaged: the streaming count below measures both, the latter up to
    // the damage, which inflateSync cannot report.
    return inflatedSizeStreaming(data, budget);
  }
}

function inflatedSizeStreaming(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const inflater = createInflate({ chunkSize: INFLATE_CHUNK_BYTES, finishFlush: constants.Z_SYNC_FLUSH });
    let total = 0;
    const finish = (): void => resolve(total);
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) inflater.destroy();
    });
    inflater.once('end', finish);
    inflater.once('close', finish);
    inflater.once('error', finish);
    inflater.end(data);
  });
}

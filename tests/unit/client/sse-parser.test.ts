// The Server-Sent Events parser: the text/event-stream rules, whatever way the bytes are chunked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from '../../../src/shared/api/event-stream.js';

function parseAll(chunks: string[]): { messages: SseMessage[]; retries: number[] } {
  const messages: SseMessage[] = [];
  const retries: number[] = [];
  const parser = createSseParser((m) => messages.push(m), (ms) => retries.push(ms));
  for (const chunk of chunks) parser.push(chunk);
  return { messages, retries };
}

const STREAM =
  ': a comment keeps the connection alive\n' +
  'event: task.progress\r\n' +
  'id: 7\r\n' +
  'data: {"id":"t1","done":1,"total":3}\r\n' +
  '\r\n' +
  'data: first line\r' +
  'data:second line\r' +
  '\r' +
  'retry: 2500\n' +
  'event: resume.changed\n' +
  'data\n' +
  '\n' +
  'event: ignored-without-data\n' +
  '\n';

const EXPECTED: SseMessage[] = [
  { event: 'task.progress', data: '{"id":"t1","done":1,"total":3}', id: '7' },
  { event: 'message', data: 'first line\nsecond line', id: '7' },
  { event: 'resume.changed', data: '', id: '7' },
];

describe('the SSE parser', () => {
  it('reads typed events, multi-line data, ids and retry with LF, CRLF and CR line ends', () => {
    const { messages, retries } = parseAll([STREAM]);
    expect(messages).toEqual(EXPECTED);
    expect(retries).toEqual([2500]);
  });

  it('gives the same events however the stream is cut into chunks, even between CR and LF', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: STREAM.length - 1 }), { maxLength: 20 }), (cuts) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        const chunks: string[] = [];
        let start = 0;
        for (const cut of sorted) {
          chunks.push(STREAM.slice(start, cut));
          start = cut;
        }
        chunks.push(STREAM.slice(start));
        expect(parseAll(chunks).messages).toEqual(EXPECTED);
      }),
    );
  });

  it('does not dispatch an event until the blank line that ends it arrives', () => {
    const { messages } = parseAll(['event: a\ndata: 1\n']);
    expect(messages).toEqual([]);
  });
});

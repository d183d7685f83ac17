// A small Server-Sent-Events client over fetch(), as the renderer reads the stream (fetch with a
// bearer header, not EventSource). It parses the text/event-stream format per the HTML spec
// (event/data/id/retry fields, comment lines, CRLF or LF) and lets a test await the next message
// that matches, with no sleeps.

export interface SseMessage {
  event: string;
  data: string;
  id?: string;
  retry?: number;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** Messages received so far (all of them, in order). */
  readonly messages: readonly SseMessage[];
  /** Comment lines received so far, without the leading colon (e.g. " heartbeat 123"). */
  readonly comments: readonly string[];
  /** The next message (not yet consumed by an earlier `next`) that matches; rejects when the stream ends first. */
  next(match?: (message: SseMessage) => boolean): Promise<SseMessage>;
  /** The next comment line that matches. */
  nextComment(match?: (comment: string) => boolean): Promise<string>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  /** Aborts the request (a client disconnect). */
  close(): void;
  /** The response body when the server answered with something other than a stream (an error). */
  text(): Promise<string>;
}

interface Waiter<T> {
  match: (value: T) => boolean;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

/** Parses one block (the lines between blank lines) into a message, or undefined for a comment-only block. */
function parseBlock(lines: readonly string[], onComment: (comment: string) => void): SseMessage | undefined {
  let event = 'message';
  const data: string[] = [];
  let id: string | undefined;
  let retry: number | undefined;
  let hasField = false;
  for (const line of lines) {
    if (line.startsWith(':')) {
      onComment(line.slice(1));
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    hasField = true;
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  }
  // Per the spec a block without data dispatches nothing (a lone `retry:` hint, say); keep it visible anyway.
  if (!hasField) return undefined;
  return { event, data: data.join('\n'), ...(id === undefined ? {} : { id }), ...(retry === undefined ? {} : { retry }) };
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  let consumedMessages = 0;
  let consumedComments = 0;
  const messageWaiters: Waiter<SseMessage>[] = [];
  const commentWaiters: Waiter<string>[] = [];
  let finished: Error | undefined;

  const isStream = response.ok && (response.headers.get('content-type') ?? '').startsWith('text/event-stream');

  function settle<T>(items: readonly T[], waiters: Waiter<T>[], consumed: () => number, consume: (n: number) => void): void {
    for (const waiter of [...waiters]) {
      const index = items.findIndex((item, i) => i >= consumed() && waiter.match(item));
      if (index === -1) continue;
      consume(index + 1);
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(items[index] as T);
    }
  }
  const settleAll = () => {
    settle(messages, messageWaiters, () => consumedMessages, (n) => (consumedMessages = n));
    settle(comments, commentWaiters, () => consumedComments, (n) => (consumedComments = n));
    if (finished) {
      for (const waiter of [...messageWaiters, ...commentWaiters]) waiter.reject(finished);
      messageWaiters.length = 0;
      commentWaiters.length = 0;
    }
  };

  const read = async (): Promise<void> => {
    if (!isStream || !response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    let block: string[] = [];
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        const lines = buffer.split(/\r\n|\r|\n/);
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (line !== '') {
            block.push(line);
            continue;
          }
          const message = parseBlock(block, (c) => comments.push(c));
          block = [];
          if (message) messages.push(message);
        }
        settleAll();
      }
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    }
  };
  const ended = read().finally(() => {
    finished = new Error('the event stream ended');
    settleAll();
  });
  // A test that never awaits `ended` must not see an unhandled rejection from an aborted read.
  ended.catch(() => undefined);

  const waitFor = <T>(waiters: Waiter<T>[], match: (value: T) => boolean) =>
    new Promise<T>((resolve, reject) => {
      waiters.push({ match, resolve, reject });
      settleAll();
    });

  return {
    status: response.status,
    headers: response.headers,
    messages,
    comments,
    next: (match = () => true) => waitFor(messageWaiters, match),
    nextComment: (match = () => true) => waitFor(commentWaiters, match),
    ended,
    close: () => controller.abort(),
    text: () => response.text(),
  };
}

/** Parses a whole text/event-stream body (or a complete prefix of one) at once. */
export function parseSseText(text: string): { messages: SseMessage[]; comments: string[] } {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const blocks = text.split(/\r\n\r\n|\n\n|\r\r/);
  // The text after the last blank line is an unfinished block.
  blocks.pop();
  for (const block of blocks) {
    const message = parseBlock(block.split(/\r\n|\r|\n/).filter((line) => line !== ''), (c) => comments.push(c));
    if (message) messages.push(message);
  }
  return { messages, comments };
}

// Tells "the provider could not be reached at all" (offline, DNS failing, nothing listening, the
// connection reset before any reply) from every other failure, by walking the error's cause chain.
// All three SDKs sit on Node's fetch (undici), which rejects with TypeError('fetch failed') whose
// `cause` carries the socket or resolver error code; OpenAI wraps that once more in its
// APIConnectionError. A reply cut off after its headers rejects with TypeError('terminated')
// instead: the server was reached, so that stays an ordinary outage.

/** Socket and resolver codes that mean no byte of a reply ever arrived. */
const CONNECT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  // undici: the TCP/TLS connect itself timed out, and the peer closed before answering.
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** Deep enough for OpenAI's APIConnectionError → TypeError → AggregateError → Error. */
const MAX_DEPTH = 6;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

export function isConnectFailure(error: unknown): boolean {
  let sawCode = false;
  let sawTerminated = false;
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
    const node = value as ErrorLike;
    if (typeof node.code === 'string' && CONNECT_CODES.has(node.code)) sawCode = true;
    if (value instanceof TypeError && node.message === 'terminated') sawTerminated = true;
    // Happy-eyeballs connects fail with an AggregateError listing each address tried.
    if (Array.isArray(node.errors)) for (const inner of node.errors) visit(inner, depth + 1);
    visit(node.cause, depth + 1);
  };
  visit(error, 0);
  return sawCode && !sawTerminated;
}

// Each real SDK pointed where nothing can be reached (a closed loopback port, a name that does not
// resolve, a server that resets before sending a byte) fails with `unreachable`, and the retry
// policy gives it one immediate retry and no backoff; a reply cut off after its headers was a
// server reached, so it stays `unavailable` with the usual backoff.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ProviderError,
  createProvider,
  requestStructured,
  type LlmProviderName,
  type Sleep,
} from '../../../src/main/core/features/analysis/providers/index.js';
import { TEST_API_KEY, jobRequest } from '../../support/llm/provider-contract.js';
import {
  UNRESOLVABLE_URL,
  closedLoopbackUrl,
  startCutOffEndpoint,
  startResettingEndpoint,
  type CountingEndpoint,
} from '../../support/llm/unreachable-endpoints.js';

const PROVIDERS: readonly LlmProviderName[] = ['gemini', 'openai', 'ollama'];

/** The base URL each SDK takes for a server root (OpenAI's includes the API version). */
const baseUrlFor = (name: LlmProviderName, root: string) => (name === 'openai' ? `${root}/v1` : root);

const providerAt = (name: LlmProviderName, root: string) =>
  createProvider(name, { baseUrl: baseUrlFor(name, root), apiKey: TEST_API_KEY, timeoutMs: 5_000 });

let delays: number[];
const sleep: Sleep = (ms) => {
  delays.push(ms);
  return Promise.resolve();
};

async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

let closed: string;
let resetting: CountingEndpoint;
let cutOff: CountingEndpoint;

beforeAll(async () => {
  [closed, resetting, cutOff] = await Promise.all([closedLoopbackUrl(), startResettingEndpoint(), startCutOffEndpoint()]);
});
afterAll(async () => {
  await Promise.all([resetting.close(), cutOff.close()]);
});
beforeEach(() => {
  delays = [];
});

describe.each(PROVIDERS)('%s when the provider cannot be reached', (name) => {
  it('a closed loopback port fails with unreachable', async () => {
    const error = await failureOf(providerAt(name, closed).complete(jobRequest()));
    expect(error.kind).toBe('unreachable');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(`${name} could not be reached (offline, or nothing answers at its address)`);
  });

  it('a host name that does not resolve fails with unreachable', async () => {
    const error = await failureOf(providerAt(name, UNRESOLVABLE_URL).complete(jobRequest()));
    expect(error.kind).toBe('unreachable');
  });

  it('a connection reset before any byte is unreachable: one immediate retry, no backoff, whatever maxAttempts says', async () => {
    const before = resetting.connections;
    const error = await failureOf(requestStructured(providerAt(name, resetting.url), jobRequest(), { sleep, retry: { maxAttempts: 4 } }));
    expect(error.kind).toBe('unreachable');
    expect(resetting.connections - before).toBe(2);
    expect(delays).toEqual([]);
  });

  it('with maxAttempts 1 (the settings test) it tries exactly once', async () => {
    const before = resetting.connections;
    const error = await failureOf(requestStructured(providerAt(name, resetting.url), jobRequest(), { sleep, retry: { maxAttempts: 1 } }));
    expect(error.kind).toBe('unreachable');
    expect(resetting.connections - before).toBe(1);
  });

  it('a reply cut off after its headers is a server reached: unavailable, retried after a backoff', async () => {
    const before = cutOff.connections;
    const error = await failureOf(
      requestStructured(providerAt(name, cutOff.url), jobRequest(), { sleep, retry: { maxAttempts: 2, baseDelayMs: 1_000 }, random: () => 0 }),
    );
    expect(error.kind).toBe('unavailable');
    expect(cutOff.connections - before).toBe(2);
    expect(delays).toEqual([500]);
  });
});

// Offline with cloud keys set: the analysis runner with each real SDK pointed at a closed loopback
// port or a name that does not resolve falls back to the offline analyser at once, records the
// fallback as `unreachable`, and never waits out a backoff; and the reachability memory skips a
// provider found unreachable until its window (on an injected clock) ends.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/main/core/clock.js';
import {
  runAnalysis,
  type AnalysisRunOutcome,
  type ProviderRun,
} from '../../../src/main/core/features/analysis/analysis-run.js';
import type { OfflineAnalyser } from '../../../src/main/core/features/analysis/offline/offline-analyser.js';
import {
  UNREACHABLE_SKIP_MS,
  createProviderReachability,
  mergeSkipped,
} from '../../../src/main/core/features/analysis/provider-reachability.js';
import type { LlmProviderName, Sleep } from '../../../src/main/core/features/analysis/providers/index.js';
import { TEST_API_KEY } from '../../support/llm/provider-contract.js';
import { UNRESOLVABLE_URL, closedLoopbackUrl, startResettingEndpoint, type CountingEndpoint } from '../../support/llm/unreachable-endpoints.js';
import { NOW, loadAnalyser, makeResumeText, profileOf } from '../../unit/analysis/analysis-fixtures.js';

const RESUME = makeResumeText();
const PROVIDERS: readonly LlmProviderName[] = ['gemini', 'openai', 'ollama'];

let analyser: OfflineAnalyser;
let closed: string;
let resetting: CountingEndpoint;
let delays: number[];

const sleep: Sleep = (ms) => {
  delays.push(ms);
  return Promise.resolve();
};

/** A chain link as settings would build it, with a generous time-out and four attempts. */
function linkAt(name: LlmProviderName, root: string): ProviderRun {
  return { name, baseUrl: name === 'openai' ? `${root}/v1` : root, apiKey: TEST_API_KEY, timeoutMs: 30_000, maxAttempts: 4 };
}
const MOCK: ProviderRun = { name: 'mock', timeoutMs: 30_000 };

function run(chain: ProviderRun[]): Promise<AnalysisRunOutcome> {
  return runAnalysis(
    { resumeText: RESUME, profile: profileOf(analyser, RESUME), chain, blind: true, now: NOW.getTime() },
    { offline: analyser, sleep, random: () => 0 },
  );
}

beforeAll(async () => {
  [analyser, closed, resetting] = await Promise.all([loadAnalyser(), closedLoopbackUrl(), startResettingEndpoint()]);
});
afterAll(async () => {
  await resetting.close();
});
beforeEach(() => {
  delays = [];
});

describe.each(PROVIDERS)('offline with %s first in the chain', (name) => {
  it.each([
    ['a closed loopback port', () => closed],
    ['a host name that does not resolve', () => UNRESOLVABLE_URL],
  ])('at %s, the offline analyser answers and the fallback is recorded as unreachable, with no backoff', async (_where, root) => {
    const outcome = await run([linkAt(name, root()), MOCK]);
    expect(outcome.ok && outcome.provider).toBe('mock');
    expect(outcome.fallbacks).toEqual([{ provider: name, code: 'unreachable', message: `${name} could not be reached (offline, or nothing answers at its address)` }]);
    expect(delays).toEqual([]);
  });

  it('tries the network at most twice for the provider, however many attempts it is allowed', async () => {
    const before = resetting.connections;
    const outcome = await run([linkAt(name, resetting.url), MOCK]);
    expect(outcome.ok && outcome.provider).toBe('mock');
    expect(resetting.connections - before).toBe(2);
    expect(delays).toEqual([]);
  });
});

describe('the reachability memory', () => {
  const gemini = linkAt('gemini', 'http://gemini.test');
  const openai = linkAt('openai', 'http://openai.test');

  it('skips a provider found unreachable, and tries it again once the window has passed', async () => {
    const clock = new FakeClock(NOW.getTime());
    const reachability = createProviderReachability({ clock });
    const chain = [linkAt('gemini', closed), openai, MOCK];
    expect(reachability.split(chain).runnable).toEqual(chain);

    // A real run over the chain, recorded as the executor records it.
    const first = await run([chain[0] as ProviderRun, MOCK]);
    reachability.observe([chain[0] as ProviderRun, MOCK], first);

    const during = reachability.split(chain);
    expect(during.runnable.map((link) => link.name)).toEqual(['openai', 'mock']);
    expect(during.skipped).toEqual([{ provider: 'gemini', code: 'unreachable', message: expect.stringContaining('not tried again for 60 s') as string }]);

    clock.advance(UNREACHABLE_SKIP_MS - 1);
    expect(reachability.split(chain).skipped).toHaveLength(1);
    clock.advance(1);
    expect(reachability.split(chain).runnable).toEqual(chain);
  });

  it('keys the memory by address: the same provider at another URL is tried', () => {
    const clock = new FakeClock(NOW.getTime());
    const reachability = createProviderReachability({ clock });
    reachability.observe([gemini], { ok: false, provider: 'gemini', model: '', error: { code: 'unreachable', message: '' }, fallbacks: [{ provider: 'gemini', code: 'unreachable', message: '' }] });
    expect(reachability.split([gemini]).runnable).toEqual([]);
    const moved = { ...gemini, baseUrl: 'http://elsewhere.test' };
    expect(reachability.split([moved]).runnable).toEqual([moved]);
  });

  it('forgets a provider once it answers, and never skips the offline analyser', async () => {
    const clock = new FakeClock(NOW.getTime());
    const reachability = createProviderReachability({ clock, skipMs: 1_000 });
    const unreachable = { provider: 'mock' as const, code: 'unreachable', message: '' };
    reachability.observe([MOCK], { ok: false, provider: 'mock', model: '', error: { code: 'unreachable', message: '' }, fallbacks: [unreachable] });
    expect(reachability.split([MOCK]).runnable).toEqual([MOCK]);

    reachability.observe([gemini], { ok: false, provider: 'gemini', model: '', error: { code: 'unreachable', message: '' }, fallbacks: [{ ...unreachable, provider: 'gemini' }] });
    expect(reachability.split([gemini]).runnable).toEqual([]);
    // A run that Gemini answered ends its window at once.
    const answered = await run([MOCK]);
    if (!answered.ok) throw new Error('the offline analyser failed');
    reachability.observe([gemini], { ...answered, provider: 'gemini' });
    expect(reachability.split([gemini]).runnable).toEqual([gemini]);
  });

  it('puts skipped links back in chain order, and leaves out those after the provider that answered', async () => {
    const answered = await run([MOCK]);
    const skipped = [{ provider: 'gemini' as const, code: 'unreachable', message: 'skipped' }];
    const chain = [gemini, MOCK];
    expect(mergeSkipped(chain, skipped, answered).map((f) => f.provider)).toEqual(['gemini']);
    expect(mergeSkipped([MOCK, gemini], skipped, answered)).toEqual([]);
    const failedOpenAi: AnalysisRunOutcome = { ok: false, provider: 'openai', model: '', error: { code: 'timeout', message: '' }, fallbacks: [{ provider: 'openai', code: 'timeout', message: '' }] };
    expect(mergeSkipped([openai, gemini], skipped, failedOpenAi).map((f) => f.provider)).toEqual(['openai', 'gemini']);
  });
});

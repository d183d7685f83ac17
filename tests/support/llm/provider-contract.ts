// The behaviour every provider must show through its real SDK against its loopback server: validated
// success with usage, Retry-After honoured, backoff on 5xx, time-outs, one corrective request for
// invalid replies, and no secret or résumé text in any error. Each providers.<name>.test.ts runs it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/main/core/clock.js';
import { buildAnalysisPrompt, type AnalysisPrompt } from '../../../src/main/core/features/analysis/providers/prompt.js';
import {
  ProviderError,
  type LlmProvider,
  type LlmProviderName,
} from '../../../src/main/core/features/analysis/providers/provider.js';
import type { RetryPolicy, Sleep } from '../../../src/main/core/features/analysis/providers/retry-policy.js';
import {
  InvalidReplyError,
  requestStructured,
} from '../../../src/main/core/features/analysis/providers/structured-request.js';
import { RESUME_TEXT, makeAnalysis, makeJobMatch } from './analysis-fixtures.js';
import { llmStep, type ScriptedLlmServer } from './scripted-llm-server.js';

export const TEST_API_KEY = 'sk-loopback-SECRET-0123456789';

export interface ProviderHarness {
  name: LlmProviderName;
  /** Whether the provider sends a key (Ollama does not). */
  usesApiKey: boolean;
  start(apiKey: string): Promise<ScriptedLlmServer>;
  create(server: ScriptedLlmServer, options: { timeoutMs: number; apiKey: string; clock: FakeClock }): LlmProvider;
}

export const jobRequest = (): AnalysisPrompt =>
  buildAnalysisPrompt({
    resumeText: RESUME_TEXT,
    job: {
      title: 'Platform engineer',
      description: 'Run our Kubernetes platform.',
      requiredSkills: ['TypeScript', 'Kubernetes', 'Go'],
      niceToHaveSkills: ['Terraform'],
    },
  });

export const validReply = () => makeAnalysis({ jobMatch: makeJobMatch() });

/** Asserts that an error exposes neither the key nor any of the résumé. */
export function expectNothingSecretIn(error: unknown): void {
  const text = `${String(error)} ${JSON.stringify((error as { details?: unknown }).details ?? {})}`;
  expect(text).not.toContain(TEST_API_KEY);
  expect(text).not.toContain('Analytical Engines');
  expect(text).not.toContain('ada@example.com');
}

export function describeProviderContract(harness: ProviderHarness): void {
  describe(`${harness.name} provider contract`, () => {
    let server: ScriptedLlmServer;
    let clock: FakeClock;
    let delays: number[];
    const sleep: Sleep = (ms) => {
      delays.push(ms);
      return Promise.resolve();
    };
    const provider = (timeoutMs = 5_000, apiKey = TEST_API_KEY) => harness.create(server, { timeoutMs, apiKey, clock });
    const ask = (p: LlmProvider, retry: Partial<RetryPolicy> = {}, signal?: AbortSignal) =>
      requestStructured(p, jobRequest(), {
        sleep,
        random: () => 0,
        retry: { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAttempts: 4, ...retry },
        ...(signal ? { signal } : {}),
      });
    const failureOf = async (promise: Promise<unknown>): Promise<unknown> => {
      try {
        await promise;
      } catch (error) {
        return error;
      }
      throw new Error('expected the request to fail');
    };

    beforeEach(async () => {
      server = await harness.start(TEST_API_KEY);
      clock = new FakeClock();
      delays = [];
    });
    afterEach(async () => {
      await server.close();
    });

    it('returns the validated value with the token usage of a single request', async () => {
      server.script(llmStep.ok(validReply(), { inputTokens: 1_000, outputTokens: 250 }));
      const result = await ask(provider());
      expect(result.value).toEqual(validReply());
      expect(result.usage).toEqual({ inputTokens: 1_000, outputTokens: 250 });
      expect(result.reply.usage).toEqual({ inputTokens: 1_000, outputTokens: 250 });
      expect(result.attempts).toBe(1);
      expect(result.provider).toBe(harness.name);
      expect(result.model.length).toBeGreaterThan(0);
      expect(server.requests).toHaveLength(1);
      expect(delays).toEqual([]);
    });

    it('waits exactly the Retry-After seconds of a 429 before trying again', async () => {
      server.script(llmStep.rateLimited('7'), llmStep.ok(validReply()));
      const result = await ask(provider());
      expect(delays).toEqual([7_000]);
      expect(result.attempts).toBe(2);
      expect(server.requests).toHaveLength(2);
    });

    it('waits until the HTTP date a 429 gives as Retry-After', async () => {
      server.script(llmStep.rateLimited(new Date(clock.now() + 30_000).toUTCString()), llmStep.ok(validReply()));
      await ask(provider());
      expect(delays).toEqual([30_000]);
    });

    it('caps a Retry-After longer than the policy allows', async () => {
      server.script(llmStep.rateLimited('3600'), llmStep.ok(validReply()));
      await ask(provider(), { maxDelayMs: 60_000 });
      expect(delays).toEqual([60_000]);
    });

    it('backs off exponentially (with jitter) after 500s and then succeeds', async () => {
      server.script(llmStep.serverError(), llmStep.serverError(503), llmStep.ok(validReply()));
      const result = await ask(provider());
      // random() = 0 takes the low end of the jitter range [0.5, 1) × base·2^(n−1).
      expect(delays).toEqual([500, 1_000]);
      expect(result.attempts).toBe(3);
    });

    it('gives up after maxAttempts with an unavailable error, the SDK adding no retries of its own', async () => {
      server.script(llmStep.serverError(), llmStep.serverError());
      const error = await failureOf(ask(provider(), { maxAttempts: 2 }));
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).kind).toBe('unavailable');
      expect((error as ProviderError).status).toBe(500);
      expect(server.requests).toHaveLength(2);
      expectNothingSecretIn(error);
    });

    it('fails with a timeout error when the provider hangs past the time-out', async () => {
      server.script(llmStep.hang());
      const error = await failureOf(ask(provider(150), { maxAttempts: 1 }));
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).kind).toBe('timeout');
      expectNothingSecretIn(error);
    });

    it('retries a timed-out request and uses the next answer', async () => {
      server.script(llmStep.hang(), llmStep.ok(validReply()));
      // Generous enough that the answered request never times out on a loaded machine.
      const result = await ask(provider(1_000), { maxAttempts: 2 });
      expect(result.attempts).toBe(2);
      expect(delays).toEqual([500]);
    });

    it("rejects with the caller's abort reason, not a provider error, when the caller cancels", async () => {
      server.script(llmStep.hang());
      const controller = new AbortController();
      const pending = ask(provider(), {}, controller.signal);
      const reason = new Error('task cancelled');
      controller.abort(reason);
      await expect(pending).rejects.toBe(reason);
    });

    it('accepts JSON wrapped in a ```json fence', async () => {
      server.script(llmStep.text(`\`\`\`json\n${JSON.stringify(validReply())}\n\`\`\``));
      const result = await ask(provider());
      expect(result.value).toEqual(validReply());
    });

    it('sends one corrective request after malformed JSON, then fails carrying the raw reply', async () => {
      server.script(llmStep.text('{"scores": {"technical": 8'), llmStep.text('Sorry, here you go: {oops}'));
      const error = await failureOf(ask(provider()));
      expect(error).toBeInstanceOf(InvalidReplyError);
      const failure = error as InvalidReplyError;
      expect(failure.kind).toBe('invalid_reply');
      expect(failure.rawReply).toBe('Sorry, here you go: {oops}');
      expect(failure.problems).toEqual(['the reply is not valid JSON']);
      expect(failure.attempts).toBe(2);
      expect(server.requests).toHaveLength(2);
      expect(server.requests[1]?.rawBody).toContain('not valid JSON');
      expectNothingSecretIn(error);
    });

    it('corrects schema-violating JSON with the validation errors and accepts the second reply', async () => {
      server.script(llmStep.ok({ ...validReply(), scores: { ...validReply().scores, technical: 150 } }), llmStep.ok(validReply()));
      const result = await ask(provider());
      expect(result.value).toEqual(validReply());
      expect(result.attempts).toBe(2);
      expect(server.requests[1]?.rawBody).toContain('/scores/technical');
      expect(server.requests[0]?.rawBody).not.toContain('/scores/technical');
    });

    it('fails with the problems and the raw reply when the corrected reply still violates the schema', async () => {
      const bad = { ...validReply(), educationLevel: 'wizard' };
      server.script(llmStep.ok(bad), llmStep.ok(bad));
      const error = await failureOf(ask(provider()));
      expect(error).toBeInstanceOf(InvalidReplyError);
      const failure = error as InvalidReplyError;
      expect(JSON.parse(failure.rawReply)).toEqual(bad);
      expect(failure.problems.some((p) => p.startsWith('/educationLevel'))).toBe(true);
      expect(failure.usage.inputTokens).toBeGreaterThan(0);
      expectNothingSecretIn(error);
      // Kept for the record, but not where a log serialiser would copy it.
      expect(Object.keys(failure)).not.toContain('rawReply');
      expect(JSON.stringify(failure)).not.toContain('wizard');
    });

    if (harness.usesApiKey) {
      it('fails with auth on a wrong key, and the key appears in no error', async () => {
        server.script(llmStep.ok(validReply()));
        const error = await failureOf(ask(provider(5_000, `${TEST_API_KEY}-wrong`)));
        expect(error).toBeInstanceOf(ProviderError);
        expect((error as ProviderError).kind).toBe('auth');
        expect(server.requests).toHaveLength(1);
        expectNothingSecretIn(error);
      });
    }
  });
}

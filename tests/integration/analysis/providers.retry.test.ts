// The pieces of the retry policy on their own: Retry-After parsing, backoff, the clock-driven sleep,
// and reply checking (fences, strict-mode nulls).
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/main/core/clock.js';
import { dropNullOptionals, toStrictSchema } from '../../../src/main/core/features/analysis/providers/openai-strict-schema.js';
import { JobAnalysisSchema, ResumeOnlyAnalysisSchema } from '../../../src/main/core/features/analysis/providers/prompt.js';
import { parseGoogleRetryDelay, parseRetryAfter } from '../../../src/main/core/features/analysis/providers/retry-after.js';
import { retryDelayMs, sleepOn } from '../../../src/main/core/features/analysis/providers/retry-policy.js';
import { checkReply, withoutCodeFence } from '../../../src/main/core/features/analysis/providers/structured-request.js';
import { AnalysisResultSchema } from '../../../src/shared/schemas/analysis.js';
import { makeAnalysis } from '../../support/llm/analysis-fixtures.js';

const policy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 };

describe('Retry-After', () => {
  it('reads seconds, HTTP dates and Google retry delays, and ignores what it cannot read', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:42 GMT', now)).toBe(42_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseGoogleRetryDelay('17s')).toBe(17_000);
    expect(parseGoogleRetryDelay('0.25s')).toBe(250);
    expect(parseGoogleRetryDelay(17)).toBeUndefined();
  });
});

describe('backoff', () => {
  it('doubles from the base, stays within [½, 1) of it by jitter, and never exceeds the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(policy, n, undefined, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(retryDelayMs(policy, 3, undefined, () => 0.999_999)).toBe(4_000);
    expect(retryDelayMs(policy, 30, undefined, () => 0.999_999)).toBe(60_000);
  });

  it('uses the Retry-After wait when there is one, capped', () => {
    expect(retryDelayMs(policy, 1, 7_000, () => 0.3)).toBe(7_000);
    expect(retryDelayMs(policy, 1, 600_000, () => 0.3)).toBe(60_000);
  });

  it('sleeps on the clock: it resolves only when the fake clock reaches the time', async () => {
    const clock = new FakeClock();
    let woke = false;
    const slept = sleepOn(clock)(5_000).then(() => {
      woke = true;
    });
    clock.advance(4_999);
    await Promise.resolve();
    expect(woke).toBe(false);
    clock.advance(1);
    await slept;
    expect(woke).toBe(true);
  });

  it('stops sleeping with the abort reason as soon as the signal aborts, leaving no timer', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const slept = sleepOn(clock)(60_000, controller.signal);
    const reason = new Error('cancelled');
    controller.abort(reason);
    await expect(slept).rejects.toBe(reason);
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('reply checking', () => {
  it('strips a Markdown code fence around the JSON, with or without a language', () => {
    expect(withoutCodeFence('```json\n{"a":1}\n```')).toBe('{"a":1}');
    expect(withoutCodeFence('  ```\n{"a":1}```  ')).toBe('{"a":1}');
    expect(withoutCodeFence('{"a":1}')).toBe('{"a":1}');
  });

  it('lists each schema violation by its path', () => {
    const checked = checkReply(ResumeOnlyAnalysisSchema, JSON.stringify({ ...makeAnalysis(), yearsOfExperience: -3, extra: 1 }));
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/yearsOfExperience: /), expect.stringMatching(/additional properties/)]),
    );
  });

  it('applies extra checks after the schema', () => {
    const checked = checkReply(ResumeOnlyAnalysisSchema, JSON.stringify(makeAnalysis()), () => ['quote not in résumé']);
    expect(checked).toEqual({ ok: false, problems: ['quote not in résumé'] });
  });
});

describe('OpenAI strict schema', () => {
  it('requires every property, forbids extras, drops length limits, and makes optional fields nullable', () => {
    const strict = toStrictSchema(AnalysisResultSchema) as {
      required: string[];
      properties: Record<string, { anyOf?: unknown[] }>;
      additionalProperties: boolean;
    };
    expect(strict.required.sort()).toEqual(Object.keys(AnalysisResultSchema.properties).sort());
    expect(strict.additionalProperties).toBe(false);
    expect(strict.properties.jobMatch?.anyOf?.[1]).toEqual({ type: 'null' });
    expect(JSON.stringify(strict)).not.toMatch(/"(min|max)Length"/);
    expect(JSON.stringify(toStrictSchema(JobAnalysisSchema))).not.toContain('"type":"null"');
  });

  it('removes only the nulls that stand for absent optional fields', () => {
    const reply = { ...makeAnalysis(), jobMatch: null, summary: null };
    expect(dropNullOptionals(AnalysisResultSchema, reply)).toEqual({ ...makeAnalysis(), summary: null });
  });
});

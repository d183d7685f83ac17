// Estimated cost from token counts, per provider and model.
import { describe, expect, it } from 'vitest';
import { PRICES_CHECKED, estimateCost } from '../../../src/main/core/features/analysis/providers/pricing.js';

describe('estimated cost', () => {
  it('prices a million input and a million output tokens at the published per-million rates', () => {
    expect(estimateCost('openai', 'gpt-4o-mini', { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toEqual({
      costUsd: 0.75,
      priced: true,
    });
    expect(estimateCost('gemini', 'gemini-2.5-flash', { inputTokens: 1_000_000, outputTokens: 0 })).toEqual({
      costUsd: 0.3,
      priced: true,
    });
  });

  it('prices a typical analysis in fractions of a cent, rounded to a millionth of a dollar', () => {
    expect(estimateCost('openai', 'gpt-4o-mini', { inputTokens: 2_345, outputTokens: 678 }).costUsd).toBe(0.000759);
  });

  it('uses the longest matching model prefix, so dated snapshots and -lite variants get their own price', () => {
    const usage = { inputTokens: 1_000_000, outputTokens: 0 };
    expect(estimateCost('openai', 'gpt-4o-mini-2024-07-18', usage).costUsd).toBe(0.15);
    expect(estimateCost('openai', 'gpt-4o-2024-08-06', usage).costUsd).toBe(2.5);
    expect(estimateCost('gemini', 'gemini-2.5-flash-lite', usage).costUsd).toBe(0.1);
    expect(estimateCost('gemini', 'models/gemini-2.5-pro', usage).costUsd).toBe(1.25);
  });

  it('costs nothing on Ollama, which runs on the laptop', () => {
    expect(estimateCost('ollama', 'llama3.1', { inputTokens: 9_999_999, outputTokens: 9_999_999 })).toEqual({
      costUsd: 0,
      priced: true,
    });
  });

  it('reports an unknown model as 0 and flags it as not priced rather than guessing', () => {
    expect(estimateCost('openai', 'gpt-9-ultra', { inputTokens: 1_000, outputTokens: 1_000 })).toEqual({
      costUsd: 0,
      priced: false,
    });
    expect(estimateCost('gemini', 'gemini-2.5-flashy', { inputTokens: 1, outputTokens: 1 }).priced).toBe(false);
  });

  it('says when its prices were last checked', () => {
    expect(PRICES_CHECKED).toMatch(/^\d{4}-\d{2}$/);
  });
});

// The analysis service's pure parts: what makes two analyses "the same question" (the cache key),
// the ranking order, and the usage sums.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysisCacheKey, corpusFingerprint, type CacheKeyInput } from '../../../src/main/core/features/analysis/cache-key.js';
import { compareRankingEntries, rankAnalyses } from '../../../src/main/core/features/analysis/ranking.js';
import { summariseUsage } from '../../../src/main/core/features/analysis/usage.js';
import type { Analysis } from '../../../src/shared/schemas/analysis.js';
import { makeAnalysis, makeJobMatch } from '../../support/llm/analysis-fixtures.js';

const base: CacheKeyInput = {
  resumeSha256: 'a'.repeat(64),
  job: { title: 'SRE', description: 'Kubernetes', requiredSkills: ['Kubernetes'], niceToHaveSkills: [] },
  chain: [{ provider: 'gemini', model: 'gemini-2.5-flash' }, { provider: 'mock', model: 'offline-v1' }],
  promptVersion: 'analysis-v1',
  blind: true,
};

describe('the analysis cache key', () => {
  it('changes with every part of the question: résumé, job content, chain, model, prompt version and blind mode', () => {
    const key = analysisCacheKey(base);
    const variants: CacheKeyInput[] = [
      { ...base, resumeSha256: 'b'.repeat(64) },
      { ...base, job: { ...base.job, description: 'Kubernetes and Go' } as CacheKeyInput['job'] },
      { ...base, job: undefined },
      { ...base, job: { description: 'Kubernetes' } },
      { ...base, chain: [{ provider: 'openai', model: 'gpt-4o-mini' }] },
      { ...base, chain: [{ provider: 'gemini', model: 'gemini-2.5-pro' }, { provider: 'mock', model: 'offline-v1' }] },
      { ...base, promptVersion: 'analysis-v2' },
      { ...base, blind: false },
    ];
    for (const variant of variants) expect(analysisCacheKey(variant)).not.toBe(key);
  });

  it('counts the ranked résumés only when the offline analyser, whose BM25 reads them, is in the chain', () => {
    const cloudOnly: CacheKeyInput = { ...base, chain: [{ provider: 'openai', model: 'gpt-4o-mini' }] };
    expect(analysisCacheKey({ ...cloudOnly, corpusFingerprint: 'x' })).toBe(analysisCacheKey(cloudOnly));
    expect(analysisCacheKey({ ...base, corpusFingerprint: 'x' })).not.toBe(analysisCacheKey(base));
  });

  it('fingerprints a set of résumés whatever their order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 20 }), (hashes) => {
        expect(corpusFingerprint([...hashes].reverse())).toBe(corpusFingerprint(hashes));
      }),
    );
  });
});

let serial = 0;
function analysis(overrides: Partial<Analysis> & { compatibility?: number; overall?: number } = {}): Analysis {
  serial++;
  const { compatibility = 50, overall = 50, ...rest } = overrides;
  return {
    id: `an-${serial}`,
    createdAt: serial,
    updatedAt: serial,
    deviceId: 'd',
    resumeId: `r-${serial}`,
    jobId: 'job',
    provider: 'mock',
    model: 'offline-v1',
    promptVersion: 'analysis-v1',
    blind: false,
    status: 'completed',
    cacheKey: `k-${serial}`,
    result: makeAnalysis({ scores: { technical: 50, soft: 50, experience: 50, education: 50, overall }, jobMatch: makeJobMatch({ compatibility }) }),
    ...rest,
  };
}

describe('the ranking', () => {
  it('orders by compatibility, then overall, then résumé id, one entry per résumé (the newest)', () => {
    const newest = analysis({ resumeId: 'r-b', compatibility: 70, overall: 40 });
    const older = analysis({ resumeId: 'r-b', compatibility: 99 });
    const entries = rankAnalyses(
      [newest, older, analysis({ resumeId: 'r-c', compatibility: 70, overall: 60 }), analysis({ resumeId: 'r-a', compatibility: 70, overall: 40 }), analysis({ resumeId: 'r-d', status: 'failed' })],
      (resumeId) => ({ candidateId: `c-${resumeId}`, name: resumeId.toUpperCase() }),
    );
    expect(entries.map((e) => [e.resume_id, e.analysis_id])).toEqual([
      ['r-c', expect.any(String)],
      ['r-a', expect.any(String)],
      ['r-b', newest.id],
    ]);
    expect(entries[0]?.candidate_name).toBe('R-C');
  });

  it('is a total order: any list sorts the same way from any starting order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ c: fc.integer({ min: 0, max: 3 }), o: fc.integer({ min: 0, max: 3 }) }), { maxLength: 15 }), (scores) => {
        const entries = rankAnalyses(
          scores.map((s, i) => analysis({ resumeId: `r-${String(i).padStart(2, '0')}`, compatibility: s.c, overall: s.o })),
          () => undefined,
        );
        expect([...entries].reverse().sort(compareRankingEntries)).toEqual(entries);
      }),
    );
  });
});

describe('the usage summary', () => {
  it('sums tokens and cost per provider and per model, counting only analyses with usage', () => {
    const summary = summariseUsage([
      analysis({ provider: 'gemini', model: 'g1', usage: { inputTokens: 100, outputTokens: 10, costUsd: 0.001 } }),
      analysis({ provider: 'gemini', model: 'g2', usage: { inputTokens: 50, outputTokens: 5, costUsd: 0.002 } }),
      analysis({ provider: 'openai', model: 'o1', usage: { inputTokens: 10, outputTokens: 1, costUsd: 0.0005 } }),
      analysis({ provider: 'mock' }),
    ]);
    expect(summary.providers).toEqual([
      { provider: 'gemini', analyses: 2, input_tokens: 150, output_tokens: 15, cost_usd: 0.003 },
      { provider: 'openai', analyses: 1, input_tokens: 10, output_tokens: 1, cost_usd: 0.0005 },
    ]);
    expect(summary.models.map((row) => row.model)).toEqual(['g2', 'g1', 'o1']);
    expect(summary.total).toEqual({ analyses: 3, input_tokens: 160, output_tokens: 16, cost_usd: 0.0035 });
  });
});

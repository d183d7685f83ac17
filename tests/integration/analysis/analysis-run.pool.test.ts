// The analysis runner through the real worker pool: the worker reaches a loopback provider, runs the
// offline analyser with the taxonomy it loaded at start, and a cancelled analysis stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../src/main/core/log.js';
import { resolve } from 'node:path';
import { createWorkerPool, resolveAnalysisWorkerFile, type WorkerPool } from '../../../src/main/core/pool/worker-pool.js';
import type { AnalysisRunInput } from '../../../src/main/core/features/analysis/analysis-run.js';
import { TEST_API_KEY } from '../../support/llm/provider-contract.js';
import { startGeminiServer } from '../../support/llm/gemini-server.js';
import { llmStep, type ScriptedLlmServer } from '../../support/llm/scripted-llm-server.js';
import { NOW, loadAnalyser, makeResumeText, profileOf } from '../../unit/analysis/analysis-fixtures.js';

const RESUME = makeResumeText();
let pool: WorkerPool;
let gemini: ScriptedLlmServer;
let input: (chain: AnalysisRunInput['chain']) => AnalysisRunInput;

beforeAll(async () => {
  pool = createWorkerPool({ size: 1, log: silentLog });
  gemini = await startGeminiServer({ apiKey: TEST_API_KEY });
  const profile = profileOf(await loadAnalyser(), RESUME);
  input = (chain) => ({
    resumeText: RESUME,
    profile,
    job: { description: 'Platform engineer: Kubernetes, Terraform and AWS required.' },
    chain,
    blind: true,
    now: NOW.getTime(),
  });
});

afterAll(async () => {
  await Promise.all([pool.close(), gemini.close()]);
});

describe('analysing in the worker pool', () => {
  it('finds the analysis worker module beside the PDF worker in the source tree', () => {
    expect(resolveAnalysisWorkerFile()).toBe(resolve('src/main/workers/analysis-worker.ts'));
  });

  it('runs a cloud provider from a worker and returns its checked result and usage', async () => {
    gemini.script(
      llmStep.ok({
        scores: { technical: 80, soft: 60, experience: 75, education: 70, overall: 74 },
        skills: ['Terraform'],
        yearsOfExperience: 9,
        educationLevel: 'bachelor',
        strengths: [{ point: 'Migration', evidence: 'Migrated 40 services to k8s clusters' }],
        concerns: [],
        summary: 'Strong.',
        jobMatch: {
          compatibility: 80,
          matchedRequiredSkills: ['Kubernetes', 'Terraform', 'AWS'],
          missingRequiredSkills: [],
          matchedNiceToHaveSkills: [],
          verdict: 'strong',
          summary: 'Fits.',
        },
      }),
    );
    const outcome = await pool.analyze(
      input([{ name: 'gemini', baseUrl: gemini.url, apiKey: TEST_API_KEY, model: 'gemini-2.5-flash', timeoutMs: 5_000, maxAttempts: 1 }]),
    );
    if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}`);
    expect(outcome.provider).toBe('gemini');
    expect(outcome.blind).toBe(true);
    expect(outcome.result.jobMatch?.matchedRequiredSkills).toEqual(['Kubernetes', 'Terraform', 'AWS']);
    expect(outcome.usage.costUsd).toBeGreaterThan(0);
    expect(gemini.requests.at(-1)?.rawBody).not.toContain('Kowalska');
  });

  it('runs the offline analyser in a worker, against the job', async () => {
    const outcome = await pool.analyze(input([{ name: 'mock', timeoutMs: 1_000 }]));
    if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}`);
    expect(outcome.provider).toBe('mock');
    expect(outcome.result.jobMatch?.matchedRequiredSkills).toEqual(expect.arrayContaining(['Kubernetes', 'Terraform']));
  });

  it('rejects with the caller’s reason when the analysis is cancelled, and the pool keeps working', async () => {
    gemini.script(llmStep.hang());
    const before = gemini.requests.length;
    const controller = new AbortController();
    const pending = pool.analyze(
      input([{ name: 'gemini', baseUrl: gemini.url, apiKey: TEST_API_KEY, timeoutMs: 30_000, maxAttempts: 1 }]),
      { signal: controller.signal },
    );
    await expect.poll(() => gemini.requests.length, { timeout: 20_000 }).toBe(before + 1);
    controller.abort(new Error('task cancelled'));
    await expect(pending).rejects.toThrow('task cancelled');
    const after = await pool.analyze(input([{ name: 'mock', timeoutMs: 1_000 }]));
    expect(after.ok).toBe(true);
  });
});

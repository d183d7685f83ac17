// The analysis runner called directly, each real SDK against its loopback server: the first provider
// that answers wins, failures move down the fallback chain and are recorded, blind mode strips what
// leaves the machine for cloud providers only, and the offline analyser needs no network.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  runAnalysis,
  type AnalysisRunInput,
  type AnalysisRunOutcome,
  type ProviderRun,
} from '../../../src/main/core/features/analysis/analysis-run.js';
import type { OfflineAnalyser } from '../../../src/main/core/features/analysis/offline/offline-analyser.js';
import type { Sleep } from '../../../src/main/core/features/analysis/providers/index.js';
import type { AnalysisResult } from '../../../src/shared/schemas/analysis.js';
import { TEST_API_KEY } from '../../support/llm/provider-contract.js';
import { startGeminiServer } from '../../support/llm/gemini-server.js';
import { startOllamaServer } from '../../support/llm/ollama-server.js';
import { startOpenAiServer } from '../../support/llm/openai-server.js';
import { llmStep, type ScriptedLlmServer } from '../../support/llm/scripted-llm-server.js';
import { NOW, loadAnalyser, makeResumeText, profileOf } from '../../unit/analysis/analysis-fixtures.js';

const RESUME = makeResumeText();
const PERSONAL = ['Marta', 'Kowalska', 'marta.kowalska@example.com', '601 234 567'];
const QUOTE = 'Migrated 40 services to k8s clusters provisioned with Terraform on AWS';

function reply(overrides: Partial<AnalysisResult> = {}): AnalysisResult {
  return {
    scores: { technical: 80, soft: 60, experience: 75, education: 70, overall: 74 },
    skills: ['Terraform', 'AWS'],
    yearsOfExperience: 9,
    educationLevel: 'bachelor',
    strengths: [{ point: 'Infrastructure migration at scale', evidence: QUOTE }],
    concerns: [],
    summary: 'Seasoned platform engineer.',
    ...overrides,
  };
}

let analyser: OfflineAnalyser;
let gemini: ScriptedLlmServer;
let openai: ScriptedLlmServer;
let ollama: ScriptedLlmServer;
let delays: number[];

const sleep: Sleep = (ms) => {
  delays.push(ms);
  return Promise.resolve();
};

const links = {
  gemini: (overrides: Partial<ProviderRun> = {}): ProviderRun => ({
    name: 'gemini',
    baseUrl: gemini.url,
    apiKey: TEST_API_KEY,
    model: 'gemini-2.5-flash',
    timeoutMs: 5_000,
    maxAttempts: 2,
    ...overrides,
  }),
  openai: (overrides: Partial<ProviderRun> = {}): ProviderRun => ({
    name: 'openai',
    baseUrl: `${openai.url}/v1`,
    apiKey: TEST_API_KEY,
    model: 'gpt-4o-mini',
    timeoutMs: 5_000,
    maxAttempts: 2,
    ...overrides,
  }),
  ollama: (): ProviderRun => ({ name: 'ollama', baseUrl: ollama.url, model: 'llama3.1', timeoutMs: 5_000, maxAttempts: 2 }),
  mock: (): ProviderRun => ({ name: 'mock', timeoutMs: 5_000 }),
};

function run(chain: ProviderRun[], overrides: Partial<AnalysisRunInput> = {}, signal?: AbortSignal): Promise<AnalysisRunOutcome> {
  return runAnalysis(
    { resumeText: RESUME, profile: profileOf(analyser, RESUME), chain, blind: true, now: NOW.getTime(), ...overrides },
    { offline: analyser, sleep, random: () => 0, ...(signal ? { signal } : {}) },
  );
}

function succeeded(outcome: AnalysisRunOutcome): Extract<AnalysisRunOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome;
}

function failed(outcome: AnalysisRunOutcome): Extract<AnalysisRunOutcome, { ok: false }> {
  if (outcome.ok) throw new Error(`expected failure, ${outcome.provider} answered`);
  return outcome;
}

beforeAll(async () => {
  analyser = await loadAnalyser();
});

beforeEach(async () => {
  [gemini, openai, ollama] = await Promise.all([
    startGeminiServer({ apiKey: TEST_API_KEY }),
    startOpenAiServer({ apiKey: TEST_API_KEY }),
    startOllamaServer(),
  ]);
  delays = [];
});

afterEach(async () => {
  await Promise.all([gemini.close(), openai.close(), ollama.close()]);
});

describe('each provider answering', () => {
  it('gemini answers with the checked result, its token usage and an estimated cost', async () => {
    gemini.script(llmStep.ok(reply(), { inputTokens: 1_000_000, outputTokens: 100_000 }));
    const outcome = succeeded(await run([links.gemini(), links.mock()]));
    expect(outcome.provider).toBe('gemini');
    expect(outcome.model).toBe('gemini-2.5-flash');
    expect(outcome.result.strengths).toEqual([{ point: 'Infrastructure migration at scale', evidence: QUOTE }]);
    expect(outcome.usage).toEqual({ inputTokens: 1_000_000, outputTokens: 100_000, costUsd: 0.55 });
    expect(outcome.attempts).toBe(1);
    expect(outcome.promptVersion).toMatch(/^analysis-v\d+$/);
    expect(outcome.fallbacks).toEqual([]);
  });

  it('openai answers with its usage priced at its model', async () => {
    openai.script(llmStep.ok(reply(), { inputTokens: 1_000_000, outputTokens: 1_000_000 }));
    const outcome = succeeded(await run([links.openai()]));
    expect(outcome.provider).toBe('openai');
    expect(outcome.usage).toEqual({ inputTokens: 1_000_000, outputTokens: 1_000_000, costUsd: 0.75 });
  });

  it('ollama answers with its usage at no cost', async () => {
    ollama.script(llmStep.ok(reply(), { inputTokens: 500, outputTokens: 200 }));
    const outcome = succeeded(await run([links.ollama()]));
    expect(outcome.provider).toBe('ollama');
    expect(outcome.usage).toEqual({ inputTokens: 500, outputTokens: 200, costUsd: 0 });
  });

  it('the offline analyser answers with no servers at all and the same result every time', async () => {
    const first = succeeded(await run([links.mock()]));
    const second = succeeded(await run([links.mock()]));
    expect(first.provider).toBe('mock');
    expect(first.usage).toEqual({ inputTokens: 0, outputTokens: 0, costUsd: 0 });
    expect(first.result.skills).toEqual(expect.arrayContaining(['Kubernetes', 'Terraform']));
    expect(second.result).toEqual(first.result);
    expect(gemini.requests.length + openai.requests.length + ollama.requests.length).toBe(0);
  });

  it('extracts the profile from the text when none is given', async () => {
    gemini.script(llmStep.ok(reply()));
    succeeded(await run([links.gemini()], { profile: null }));
    for (const detail of PERSONAL) expect(gemini.requests[0]?.rawBody).not.toContain(detail);
  });
});

describe('the fallback chain', () => {
  it('falls back to openai when gemini keeps failing with 500, and records why', async () => {
    gemini.script(llmStep.serverError(500), llmStep.serverError(500));
    openai.script(llmStep.ok(reply()));
    const outcome = succeeded(await run([links.gemini(), links.openai(), links.mock()]));
    expect(outcome.provider).toBe('openai');
    expect(gemini.requests).toHaveLength(2);
    expect(outcome.fallbacks).toEqual([{ provider: 'gemini', code: 'unavailable', message: 'gemini is unavailable (HTTP 500)' }]);
  });

  it('falls back when a reply is still invalid after the corrective request, counting the tokens spent', async () => {
    gemini.script(llmStep.text('not json'), llmStep.ok({ scores: 'high' }));
    openai.script(llmStep.ok(reply()));
    const outcome = succeeded(await run([links.gemini(), links.openai()]));
    expect(outcome.provider).toBe('openai');
    expect(outcome.fallbacks).toHaveLength(1);
    expect(outcome.fallbacks[0]).toMatchObject({ provider: 'gemini', code: 'invalid_reply' });
    expect(outcome.fallbacks[0]?.usage?.inputTokens).toBeGreaterThan(0);
  });

  it('keeps the raw reply when the last provider in the chain replies invalidly twice', async () => {
    gemini.script(llmStep.serverError(503), llmStep.serverError(503));
    openai.script(llmStep.text('{"oops": true'), llmStep.text('still {not json'));
    const outcome = failed(await run([links.gemini(), links.openai()]));
    expect(outcome.provider).toBe('openai');
    expect(outcome.error.code).toBe('invalid_reply');
    expect(outcome.rawReply).toBe('still {not json');
    expect(outcome.usage?.inputTokens).toBeGreaterThan(0);
    expect(outcome.fallbacks.map((fallback) => `${fallback.provider}:${fallback.code}`)).toEqual(['gemini:unavailable', 'openai:invalid_reply']);
  });

  it('moves on from refused credentials without any key or résumé text in what it records', async () => {
    gemini.script(llmStep.ok(reply()));
    const outcome = succeeded(await run([links.openai({ apiKey: 'sk-wrong-SECRET-key-987' }), links.mock()]));
    expect(outcome.provider).toBe('mock');
    expect(outcome.fallbacks).toEqual([{ provider: 'openai', code: 'auth', message: 'openai refused the credentials (HTTP 401)' }]);
    const recorded = JSON.stringify(outcome.fallbacks);
    expect(recorded).not.toContain('SECRET');
    for (const detail of PERSONAL) expect(recorded).not.toContain(detail);
  });

  it('gives up on a provider whose Retry-After would outlast its time budget, without waiting', async () => {
    gemini.script(llmStep.rateLimited('3600'));
    openai.script(llmStep.ok(reply()));
    const outcome = succeeded(await run([links.gemini({ timeoutMs: 1_000 }), links.openai()]));
    expect(outcome.provider).toBe('openai');
    expect(delays).toEqual([]);
    expect(outcome.fallbacks[0]).toMatchObject({ provider: 'gemini', code: 'timeout' });
  });

  it('waits out a short Retry-After within the budget and then succeeds', async () => {
    gemini.script(llmStep.rateLimited('2'), llmStep.ok(reply()));
    const outcome = succeeded(await run([links.gemini()]));
    expect(delays).toEqual([2_000]);
    expect(outcome.attempts).toBe(2);
  });

  it('moves on from a provider that hangs past its time-out', async () => {
    ollama.script(llmStep.hang());
    const outcome = succeeded(await run([{ ...links.ollama(), timeoutMs: 200, maxAttempts: 1 }, links.mock()]));
    expect(outcome.provider).toBe('mock');
    expect(outcome.fallbacks[0]).toMatchObject({ provider: 'ollama', code: 'timeout' });
  });

  it('passes over a cloud provider that has no key without sending it anything', async () => {
    const outcome = succeeded(await run([links.gemini({ apiKey: undefined }), links.mock()]));
    expect(outcome.provider).toBe('mock');
    expect(outcome.fallbacks).toEqual([{ provider: 'gemini', code: 'no_key', message: 'gemini needs GOOGLE_API_KEY, which is not set' }]);
    expect(gemini.requests).toHaveLength(0);
  });

  it('says no provider is configured when the chain is empty', async () => {
    expect(failed(await run([])).error.code).toBe('no_provider');
  });

  it('rejects with the caller’s reason when the caller cancels', async () => {
    ollama.script(llmStep.hang());
    const controller = new AbortController();
    const pending = run([links.ollama(), links.mock()], {}, controller.signal);
    await expect.poll(() => ollama.requests.length).toBe(1);
    controller.abort(new Error('task cancelled'));
    await expect(pending).rejects.toThrow('task cancelled');
  });
});

describe('blind mode', () => {
  it('sends a cloud provider no name, e-mail or phone from the résumé', async () => {
    gemini.script(llmStep.ok(reply()));
    const outcome = succeeded(await run([links.gemini()]));
    expect(outcome.blind).toBe(true);
    const sent = gemini.requests[0]?.rawBody ?? '';
    expect(sent).toContain('Terraform');
    for (const detail of PERSONAL) expect(sent).not.toContain(detail);
  });

  it('sends openai the redacted text too', async () => {
    openai.script(llmStep.ok(reply()));
    succeeded(await run([links.openai()]));
    for (const detail of PERSONAL) expect(openai.requests[0]?.rawBody).not.toContain(detail);
  });

  it('leaves the text whole for ollama, which runs on this machine', async () => {
    ollama.script(llmStep.ok(reply()));
    const outcome = succeeded(await run([links.ollama()]));
    expect(outcome.blind).toBe(false);
    expect(ollama.requests[0]?.rawBody).toContain('Marta Kowalska-Reyes');
  });

  it('does not mark the offline analyser’s result as blind', async () => {
    expect(succeeded(await run([links.mock()])).blind).toBe(false);
  });

  it('sends the whole text to a cloud provider when blind mode is off', async () => {
    gemini.script(llmStep.ok(reply()));
    const outcome = succeeded(await run([links.gemini()], { blind: false }));
    expect(outcome.blind).toBe(false);
    expect(gemini.requests[0]?.rawBody).toContain('marta.kowalska@example.com');
  });

  it('accepts a quote from the redacted text but drops one made only of placeholders', async () => {
    gemini.script(
      llmStep.ok(
        reply({
          strengths: [
            { point: 'Reachable', evidence: '[email] | [phone]' },
            { point: 'Migration', evidence: QUOTE },
          ],
          concerns: [{ point: 'Identity', evidence: '[name]' }],
        }),
      ),
    );
    const outcome = succeeded(await run([links.gemini()]));
    expect(outcome.result.strengths.map((point) => point.point)).toEqual(['Migration']);
    expect(outcome.result.concerns).toEqual([]);
    expect(outcome.checks.droppedEvidence).toBe(2);
  });
});

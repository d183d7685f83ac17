// "Test connection" for one provider, from the AI settings screen: a tiny real request through the
// provider's SDK with the saved model, address, time-out and key (no résumé involved), or for `mock`
// a real offline analysis of a sample text in the worker pool. Answers ok with the latency, or the
// stable error code and a message that carries neither the key nor the provider's own text.
import { Type } from 'typebox';
import type { ProviderTestOut } from '../../../../shared/api/analysis-settings.js';
import type { Clock } from '../../clock.js';
import { OFFLINE_MODEL, type AnalysisRunInput, type AnalysisRunOutcome, type ProviderRun } from './analysis-run.js';
import { ProviderError, createProvider, requestStructured, sleepOn } from './providers/index.js';

export interface ProviderTestDeps {
  clock: Clock;
  pool: { analyze(input: AnalysisRunInput): Promise<AnalysisRunOutcome> };
}

const PingSchema = Type.Object({ ok: Type.Boolean() }, { additionalProperties: false });

const SAMPLE_RESUME = ['Software engineer, 2019–2024 at Example Ltd.', 'Built TypeScript services on PostgreSQL and Docker.'].join('\n');

export async function testProvider(run: ProviderRun, deps: ProviderTestDeps): Promise<ProviderTestOut> {
  const started = deps.clock.now();
  const elapsed = () => Math.max(0, Math.round(deps.clock.now() - started));
  const failed = (model: string, code: string, message: string): ProviderTestOut => ({
    ok: false,
    provider: run.name,
    model,
    latencyMs: elapsed(),
    error: { code, message },
  });

  if (run.name === 'mock') {
    const outcome = await deps.pool.analyze({ resumeText: SAMPLE_RESUME, profile: null, chain: [run], blind: false, now: deps.clock.now() });
    return outcome.ok
      ? { ok: true, provider: 'mock', model: OFFLINE_MODEL, latencyMs: elapsed() }
      : failed(OFFLINE_MODEL, outcome.error.code, outcome.error.message);
  }

  const name = run.name;
  const model = run.model ?? '';
  if ((name === 'gemini' || name === 'openai') && !run.apiKey) {
    return failed(model, 'no_key', `${name} needs ${name === 'gemini' ? 'GOOGLE_API_KEY' : 'OPENAI_API_KEY'}, which is not set`);
  }
  const provider = createProvider(name, {
    timeoutMs: run.timeoutMs,
    ...(run.model ? { model: run.model } : {}),
    ...(run.baseUrl ? { baseUrl: run.baseUrl } : {}),
    ...(run.apiKey ? { apiKey: run.apiKey } : {}),
  });
  try {
    const answer = await requestStructured(
      provider,
      {
        system: 'You are a connection test. Answer with the JSON object asked for and nothing else.',
        prompt: 'Reply with {"ok": true}.',
        schemaName: 'connection_test',
        schema: PingSchema,
      },
      // One request: a test should say at once whether the provider answers, not wait out backoff.
      { sleep: sleepOn(deps.clock), retry: { maxAttempts: 1 } },
    );
    return { ok: true, provider: name, model: answer.model, latencyMs: elapsed() };
  } catch (error) {
    if (error instanceof ProviderError) return failed(provider.model, error.kind, error.message);
    return failed(provider.model, 'provider_failed', `${name} failed unexpectedly`);
  }
}

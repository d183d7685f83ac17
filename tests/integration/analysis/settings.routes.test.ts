// The AI settings API through app.inject: defaults from config, validated partial updates, write-only
// secrets that reach the credential store and nothing else, the role checks, the fallback chain the
// runner gets, and the connection test against the offline analyser and a loopback provider.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisSettingsOut, ProviderTestOut } from '../../../src/shared/api/analysis-settings.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { capturingLog } from '../api/auth.fixtures.js';
import { startGeminiServer } from '../../support/llm/gemini-server.js';
import { llmStep, type ScriptedLlmServer } from '../../support/llm/scripted-llm-server.js';

const KEY = 'AIza-loopback-SECRET-4242424242';

describe('AI settings', () => {
  let api: TestApi;
  let admin: { auth: { authorization: string }; token: string };
  let recruiter: { token: string };
  let candidate: { token: string };
  let logLines: string[];

  beforeEach(async () => {
    const capture = capturingLog();
    logLines = capture.lines;
    api = await createTestApi({ GEMINI_MODEL: 'gemini-2.5-pro', ANALYSIS_TIMEOUT_MS: '20000' }, { log: capture.log });
    admin = await api.signIn('admin');
    recruiter = await api.signIn('recruiter');
    candidate = await api.signIn('candidate');
  });
  afterEach(async () => {
    await api.close();
  });

  const getSettings = async (token: string) => api.as(token, { method: 'GET', url: '/api/v1/settings/analysis' });
  const putSettings = (token: string, payload: Record<string, unknown>) => api.as(token, { method: 'PUT', url: '/api/v1/settings/analysis', payload });
  const putSecret = (token: string, name: string, value: unknown) =>
    api.as(token, { method: 'PUT', url: `/api/v1/settings/secrets/${name}`, payload: { value } });

  it('starts with mock active, blind mode on, and the providers’ defaults from config', async () => {
    const response = await getSettings(recruiter.token);
    expect(response.statusCode).toBe(200);
    const settings = response.json<AnalysisSettingsOut>();
    expect(settings.defaultProvider).toBe('auto');
    expect(settings.activeProvider).toBe('mock');
    expect(settings.blindMode).toBe(true);
    expect(settings.fallbackChain).toEqual(['gemini', 'openai', 'mock']);
    expect(settings.providers.gemini).toEqual({ model: 'gemini-2.5-pro', baseUrl: 'https://generativelanguage.googleapis.com', timeoutMs: 20_000, maxAttempts: 4 });
    expect(settings.providers.ollama.baseUrl).toBe('http://127.0.0.1:11434');
    expect(Object.values(settings.secrets).every((set) => !set)).toBe(true);
  });

  it('changes only the fields given, and keeps earlier changes', async () => {
    expect((await putSettings(admin.token, { blindMode: false, providers: { openai: { model: 'gpt-4.1-mini' } } })).statusCode).toBe(200);
    const second = await putSettings(admin.token, { fallbackChain: ['ollama', 'mock'], providers: { openai: { timeoutMs: 5_000 } } });
    expect(second.statusCode).toBe(200);
    const settings = (await getSettings(admin.token)).json<AnalysisSettingsOut>();
    expect(settings.blindMode).toBe(false);
    expect(settings.fallbackChain).toEqual(['ollama', 'mock']);
    expect(settings.providers.openai).toMatchObject({ model: 'gpt-4.1-mini', timeoutMs: 5_000, baseUrl: 'https://api.openai.com/v1' });
  });

  it('refuses a duplicate in the chain, an unknown provider, a bad address or an unknown field, changing nothing', async () => {
    const bad = [
      { fallbackChain: ['gemini', 'gemini'] },
      { fallbackChain: ['claude'] },
      { defaultProvider: 'claude' },
      { providers: { ollama: { baseUrl: 'ftp://example.com' } } },
      { providers: { ollama: { timeoutMs: 10 } } },
      { colour: 'blue' },
    ];
    for (const payload of bad) {
      const response = await putSettings(admin.token, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('VALIDATION');
    }
    expect(await api.db.settings.find().exec()).toHaveLength(0);
  });

  it('lets staff read the settings but only an admin change them or their secrets', async () => {
    expect((await getSettings(candidate.token)).statusCode).toBe(403);
    expect((await getSettings('')).statusCode).toBe(401);
    expect((await putSettings(recruiter.token, { blindMode: false })).statusCode).toBe(403);
    expect((await putSecret(recruiter.token, 'OPENAI_API_KEY', KEY)).statusCode).toBe(403);
    expect((await api.as(recruiter.token, { method: 'DELETE', url: '/api/v1/settings/secrets/OPENAI_API_KEY' })).statusCode).toBe(403);
    expect((await api.as(recruiter.token, { method: 'POST', url: '/api/v1/settings/analysis/test', payload: { provider: 'mock' } })).statusCode).toBe(403);
  });

  it('keeps a secret write-only: stored in the credential store, shown only as set, never in the database or logs', async () => {
    const put = await putSecret(admin.token, 'GOOGLE_API_KEY', KEY);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ name: 'GOOGLE_API_KEY', set: true });
    expect(put.body).not.toContain(KEY);

    const read = await getSettings(admin.token);
    expect(read.body).not.toContain(KEY);
    const settings = read.json<AnalysisSettingsOut>();
    expect(settings.secrets.GOOGLE_API_KEY).toBe(true);
    expect(settings.activeProvider).toBe('gemini');

    const chain = await api.features.services.analysisSettings.resolveChain();
    expect(chain.find((run) => run.name === 'gemini')?.apiKey).toBe(KEY);

    const everything = [
      ...(await api.db.settings.find().exec()),
      ...(await api.db.activities.find().exec()),
    ].map((doc) => JSON.stringify(doc.toJSON()));
    expect(everything.join('\n')).not.toContain(KEY);
    expect(logLines.join('\n')).not.toContain(KEY);

    const deleted = await api.as(admin.token, { method: 'DELETE', url: '/api/v1/settings/secrets/GOOGLE_API_KEY' });
    expect(deleted.json()).toEqual({ name: 'GOOGLE_API_KEY', set: false });
    expect((await getSettings(admin.token)).json<AnalysisSettingsOut>().secrets.GOOGLE_API_KEY).toBe(false);
  });

  it('refuses secrets that are not the provider, mail or Zoom ones, and empty values', async () => {
    expect((await putSecret(admin.token, 'SECRET_KEY', 'x'.repeat(40))).statusCode).toBe(400);
    expect((await putSecret(admin.token, 'SYNC_TOKEN', 'abc')).statusCode).toBe(400);
    expect((await putSecret(admin.token, 'OPENAI_API_KEY', '')).statusCode).toBe(400);
  });

  describe('the chain handed to the runner', () => {
    const names = async (requested?: 'gemini' | 'openai' | 'ollama' | 'mock') =>
      (await api.features.services.analysisSettings.resolveChain(requested)).map((run) => run.name);

    it('is just mock while no cloud provider has a key', async () => {
      expect(await names()).toEqual(['mock']);
    });

    it('puts the requested provider first, skips cloud providers without keys, and ends with mock', async () => {
      await putSecret(admin.token, 'OPENAI_API_KEY', KEY);
      await putSettings(admin.token, { fallbackChain: ['mock', 'gemini', 'openai'] });
      expect(await names()).toEqual(['openai', 'mock']);
      expect(await names('ollama')).toEqual(['ollama', 'openai', 'mock']);
      expect(await names('openai')).toEqual(['openai', 'mock']);
    });

    it('keeps a requested cloud provider without a key, so the runner records why it was passed over', async () => {
      expect(await names('gemini')).toEqual(['gemini', 'mock']);
    });

    it('runs only mock when mock is asked for', async () => {
      await putSecret(admin.token, 'GOOGLE_API_KEY', KEY);
      expect(await names('mock')).toEqual(['mock']);
    });

    it('starts with the chosen default provider, with its saved model and time-out', async () => {
      await putSettings(admin.token, { defaultProvider: 'ollama', providers: { ollama: { model: 'qwen2.5', timeoutMs: 9_000, maxAttempts: 2 } } });
      const chain = await api.features.services.analysisSettings.resolveChain();
      expect(chain[0]).toEqual({ name: 'ollama', model: 'qwen2.5', baseUrl: 'http://127.0.0.1:11434', timeoutMs: 9_000, maxAttempts: 2 });
    });
  });
});

describe('testing a provider', () => {
  let api: TestApi;
  let admin: { token: string };
  let gemini: ScriptedLlmServer;

  beforeAll(async () => {
    api = await createTestApi({}, { poolSize: 1 });
    admin = await api.signIn('admin');
    gemini = await startGeminiServer({ apiKey: KEY });
  });
  afterAll(async () => {
    await Promise.all([api.close(), gemini.close()]);
  });

  const test = async (provider: string) => {
    const response = await api.as(admin.token, { method: 'POST', url: '/api/v1/settings/analysis/test', payload: { provider } });
    expect(response.statusCode).toBe(200);
    return response.json<ProviderTestOut>();
  };

  it('runs the offline analyser for mock', async () => {
    expect(await test('mock')).toMatchObject({ ok: true, provider: 'mock' });
  });

  it('says a cloud provider without a key cannot be reached, without sending anything', async () => {
    expect(await test('gemini')).toMatchObject({ ok: false, provider: 'gemini', error: { code: 'no_key' } });
    expect(gemini.requests).toHaveLength(0);
  });

  it('sends one small request to the configured provider and answers ok', async () => {
    await api.as(admin.token, { method: 'PUT', url: '/api/v1/settings/analysis', payload: { providers: { gemini: { baseUrl: gemini.url } } } });
    await api.as(admin.token, { method: 'PUT', url: '/api/v1/settings/secrets/GOOGLE_API_KEY', payload: { value: KEY } });
    gemini.script(llmStep.ok({ ok: true }));
    const result = await test('gemini');
    expect(result).toMatchObject({ ok: true, provider: 'gemini', model: 'gemini-2.5-flash' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(gemini.requests).toHaveLength(1);
  });

  it('answers the provider’s error code when it fails, with no key in it', async () => {
    gemini.script(llmStep.serverError(503));
    const result = await test('gemini');
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', message: 'gemini is unavailable (HTTP 503)' } });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });
});

// The AI settings store (admin) against the real core and a loopback Gemini server: an API key is
// written and never read back (the store only ever knows whether it is set), and "Test
// connection" shows each provider's own outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisSettingsOut } from '../../../src/shared/api/analysis-settings.js';
import type { UsageSummary } from '../../../src/shared/api/analysis.js';
import type { Stores } from '../../../src/renderer/src/stores/index.js';
import { startGeminiServer } from '../../support/llm/gemini-server.js';
import { llmStep, type ScriptedLlmServer } from '../../support/llm/scripted-llm-server.js';
import { signedIn, startCore, type Core } from './support.js';

const KEY = 'AIza-store-test-SECRET-7373737373';

let core: Core;
let gemini: ScriptedLlmServer;
let admin: Stores;

beforeAll(async () => {
  core = await startCore({ poolSize: 1 });
  gemini = await startGeminiServer({ apiKey: KEY });
  admin = await signedIn(core, 'admin');
});
afterAll(async () => {
  await Promise.all([core?.close(), gemini?.close()]);
});

const settingsFromApi = async () =>
  (await core.api.as(admin.session.getState().token ?? '', { method: 'GET', url: '/api/v1/settings/analysis' })).json<AnalysisSettingsOut>();

describe('API keys', () => {
  it('a key that is set shows as set, and its value is nowhere in the store', async () => {
    const { aiSettings } = admin;
    await aiSettings.getState().load();
    expect(aiSettings.getState()).toMatchObject({ status: 'ready', settings: { secrets: { GOOGLE_API_KEY: false } } });

    await aiSettings.getState().setSecret('GOOGLE_API_KEY', KEY);
    expect(aiSettings.getState().settings?.secrets.GOOGLE_API_KEY).toBe(true);
    expect(aiSettings.getState().settings).toEqual(await settingsFromApi());
    expect(JSON.stringify(aiSettings.getState())).not.toContain(KEY);

    await aiSettings.getState().removeSecret('GOOGLE_API_KEY');
    expect(aiSettings.getState().settings?.secrets.GOOGLE_API_KEY).toBe(false);
  });
});

describe('testing a provider', () => {
  it('shows testing while it runs and then the offline analyser’s success', async () => {
    const { aiSettings } = admin;
    const running = aiSettings.getState().test('mock');
    expect(aiSettings.getState().tests.mock).toEqual({ status: 'testing' });
    await running;
    expect(aiSettings.getState().tests.mock).toMatchObject({ status: 'done', result: { ok: true, provider: 'mock' } });
  });

  it('says a cloud provider without a key is not set up, then succeeds once the key and address are saved', async () => {
    const { aiSettings } = admin;
    await aiSettings.getState().test('gemini');
    expect(aiSettings.getState().tests.gemini).toMatchObject({ status: 'done', result: { ok: false, error: { code: 'no_key' } } });
    expect(gemini.requests).toHaveLength(0);

    await aiSettings.getState().save({ providers: { gemini: { baseUrl: gemini.url } } });
    expect(aiSettings.getState().settings?.providers.gemini.baseUrl).toBe(gemini.url);
    await aiSettings.getState().setSecret('GOOGLE_API_KEY', KEY);
    gemini.script(llmStep.ok({ ok: true }));
    await aiSettings.getState().test('gemini');

    expect(aiSettings.getState().tests.gemini).toMatchObject({ status: 'done', result: { ok: true, provider: 'gemini' } });
    expect(gemini.requests).toHaveLength(1);
    // The other provider's result is untouched.
    expect(aiSettings.getState().tests.mock).toMatchObject({ status: 'done', result: { ok: true } });
    expect(JSON.stringify(aiSettings.getState())).not.toContain(KEY);
  });

  it('shows the usage the core reports', async () => {
    const { aiSettings } = admin;
    await aiSettings.getState().loadUsage();
    const usage = (await core.api.as(admin.session.getState().token ?? '', { method: 'GET', url: '/api/v1/analysis/usage' })).json<UsageSummary>();
    expect(aiSettings.getState()).toMatchObject({ usageStatus: 'ready', usageError: null, usage });
  });
});

describe('who may change the settings', () => {
  it('a recruiter sees the settings but a key they try to set is refused and stays unset', async () => {
    const { aiSettings } = await signedIn(core, 'recruiter');
    await aiSettings.getState().load();
    expect(aiSettings.getState()).toMatchObject({ status: 'ready', settings: { secrets: { OPENAI_API_KEY: false } } });
    const refused = aiSettings.getState().setSecret('OPENAI_API_KEY', 'sk-not-allowed');
    await expect(refused).rejects.toMatchObject({ status: 403 });
    expect(aiSettings.getState().settings?.secrets.OPENAI_API_KEY).toBe(false);
    expect((await settingsFromApi()).secrets.OPENAI_API_KEY).toBe(false);
  });
});

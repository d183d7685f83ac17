// The AI settings: which provider analyses by default, the fallback chain, blind mode, and each
// provider's model, address, time-out and attempts. Only what an admin changed is stored (the
// `settings` document with key 'analysis'); everything else comes from config, so a new default in
// the environment reaches every field nobody set. API keys live in the credential store: this module
// writes them there, reads them at the moment a chain is resolved, and only ever reports whether
// one is set.
import { Value } from 'typebox/value';
import {
  AnalysisSettingsUpdate,
  LLM_PROVIDERS,
  SETTABLE_SECRET_NAMES,
  type AnalysisSettings,
  type AnalysisSettingsOut,
  type ProviderSettings,
  type ProviderTestOut,
  type SecretStateOut,
  type SettableSecretName,
} from '../../../../shared/api/analysis-settings.js';
import type { AnalysisProvider } from '../../../../shared/schemas/analysis.js';
import type { Setting } from '../../../../shared/schemas/setting.js';
import type { Clock } from '../../clock.js';
import type { AppConfig } from '../../config.js';
import type { CredentialStore } from '../../credentials/credential-store.js';
import type { AppDatabase } from '../../db/database.js';
import { unstamped } from '../../db/write-stamp.js';
import { ValidationError } from '../../errors.js';
import type { Log } from '../../log.js';
import type { ActivityLog } from '../activities/service.js';
import type { AnalysisRunInput, AnalysisRunOutcome, ProviderRun } from './analysis-run.js';
import { testProvider } from './provider-test.js';
import { DEFAULT_BASE_URLS, DEFAULT_MODELS, DEFAULT_RETRY_POLICY, type LlmProviderName } from './providers/index.js';

export const ANALYSIS_SETTINGS_KEY = 'analysis';
// One id on every device, so two devices' edits meet in one document and sync merges them.
const SETTINGS_DOC_ID = 'setting-analysis';

/** The key each cloud provider needs; ollama and mock run without one. */
export const PROVIDER_SECRET: Readonly<Partial<Record<AnalysisProvider, SettableSecretName>>> = {
  gemini: 'GOOGLE_API_KEY',
  openai: 'OPENAI_API_KEY',
};

export interface AnalysisSettingsService {
  /** The settings in effect: stored changes over config defaults. */
  get(): Promise<AnalysisSettings>;
  /** The settings, the provider `auto` resolves to, and which secrets are set (never their values). */
  describe(): Promise<AnalysisSettingsOut>;
  update(actorId: string, patch: AnalysisSettingsUpdate): Promise<AnalysisSettingsOut>;
  setSecret(actorId: string, name: SettableSecretName, value: string): Promise<SecretStateOut>;
  deleteSecret(actorId: string, name: SettableSecretName): Promise<SecretStateOut>;
  /**
   * The fallback chain for one analysis: the requested (or default) provider first, then the
   * configured chain. Cloud providers without a key are left out, except a requested one, which
   * stays so that its missing key is recorded as the reason it was passed over. `mock` never fails,
   * so it goes last: anything after it would never run.
   */
  resolveChain(requested?: AnalysisProvider): Promise<ProviderRun[]>;
  /** One small real request through the provider (for mock, a real offline analysis in the pool). */
  test(provider: AnalysisProvider): Promise<ProviderTestOut>;
}

export interface AnalysisSettingsDeps {
  db: AppDatabase;
  clock: Clock;
  config: Pick<AppConfig, 'analysis'>;
  credentials: CredentialStore;
  activities: ActivityLog;
  /** Runs the mock provider's test in a worker. */
  pool: { analyze(input: AnalysisRunInput): Promise<AnalysisRunOutcome> };
  log: Log;
}

/** Defaults with no configuration: every cloud provider tried when it has a key, then the offline analyser. */
export const DEFAULT_FALLBACK_CHAIN: readonly AnalysisProvider[] = ['gemini', 'openai', 'mock'];

export function createAnalysisSettings(deps: AnalysisSettingsDeps): AnalysisSettingsService {
  const { db, clock, config, credentials, activities } = deps;
  const log = deps.log.child({ module: 'analysis-settings' });

  const defaults = (): AnalysisSettings => ({
    defaultProvider: 'auto',
    fallbackChain: [...DEFAULT_FALLBACK_CHAIN],
    blindMode: true,
    // Off until a user turns it on: with a cloud provider configured, every attached résumé costs money.
    autoAnalyzeDefault: false,
    providers: {
      gemini: providerDefaults('gemini'),
      openai: providerDefaults('openai'),
      ollama: providerDefaults('ollama'),
    },
  });

  function providerDefaults(name: LlmProviderName): ProviderSettings {
    const configured = config.analysis.providers[name];
    return {
      model: configured.model ?? DEFAULT_MODELS[name],
      baseUrl: configured.baseUrl ?? DEFAULT_BASE_URLS[name],
      timeoutMs: config.analysis.timeoutMs,
      maxAttempts: DEFAULT_RETRY_POLICY.maxAttempts,
    };
  }

  async function storedChanges(): Promise<AnalysisSettingsUpdate> {
    const doc = await db.settings.findOne(SETTINGS_DOC_ID).exec();
    if (!doc) return {};
    const value: unknown = doc.toMutableJSON().value;
    if (Value.Check(AnalysisSettingsUpdate, value)) return value;
    // Written by a newer version of the app, perhaps, and arrived through sync: the defaults serve
    // until someone saves the settings here again.
    log.warn('the stored analysis settings are not in a shape this version reads; using the defaults');
    return {};
  }

  async function get(): Promise<AnalysisSettings> {
    return applyChanges(defaults(), await storedChanges());
  }

  async function secretStates(): Promise<AnalysisSettingsOut['secrets']> {
    const states = await Promise.all(SETTABLE_SECRET_NAMES.map(async (name) => [name, await credentials.has(name)] as const));
    return Object.fromEntries(states) as AnalysisSettingsOut['secrets'];
  }

  async function activeProvider(settings: AnalysisSettings, secrets: AnalysisSettingsOut['secrets']): Promise<AnalysisProvider> {
    if (settings.defaultProvider !== 'auto') return settings.defaultProvider;
    for (const name of settings.fallbackChain) {
      const secret = PROVIDER_SECRET[name];
      if (secret && secrets[secret]) return name;
    }
    return 'mock';
  }

  async function describe(): Promise<AnalysisSettingsOut> {
    const [settings, secrets] = await Promise.all([get(), secretStates()]);
    return { ...settings, activeProvider: await activeProvider(settings, secrets), secrets };
  }

  async function update(actorId: string, patch: AnalysisSettingsUpdate): Promise<AnalysisSettingsOut> {
    checkPatch(patch);
    const existing = await db.settings.findOne(SETTINGS_DOC_ID).exec();
    if (existing) {
      await existing.incrementalModify((doc) => ({ ...doc, value: mergeChanges(readable(doc.value), patch) }));
    } else {
      await db.settings.insert(unstamped<Setting>({ id: SETTINGS_DOC_ID, key: ANALYSIS_SETTINGS_KEY, value: mergeChanges({}, patch) }));
    }
    await activities.record({
      actorId,
      action: 'settings.updated',
      subjectType: 'settings',
      subjectId: ANALYSIS_SETTINGS_KEY,
      summary: `Changed the AI settings: ${Object.keys(patch).join(', ') || 'nothing'}`,
      details: { fields: Object.keys(patch) },
    });
    return describe();
  }

  async function setSecret(actorId: string, name: SettableSecretName, value: string): Promise<SecretStateOut> {
    await credentials.set(name, value);
    await activities.record({ actorId, action: 'secret.set', subjectType: 'secret', subjectId: name, summary: `Set ${name}` });
    return { name, set: true };
  }

  async function deleteSecret(actorId: string, name: SettableSecretName): Promise<SecretStateOut> {
    await credentials.delete(name);
    await activities.record({ actorId, action: 'secret.deleted', subjectType: 'secret', subjectId: name, summary: `Deleted ${name}` });
    // An environment variable still provides the secret after the stored copy is gone.
    return { name, set: await credentials.has(name) };
  }

  async function runFor(name: AnalysisProvider, settings: AnalysisSettings): Promise<ProviderRun> {
    if (name === 'mock') return { name, timeoutMs: config.analysis.timeoutMs };
    const provider = settings.providers[name];
    const secret = PROVIDER_SECRET[name];
    const apiKey = secret ? await credentials.get(secret) : undefined;
    return { name, model: provider.model, baseUrl: provider.baseUrl, timeoutMs: provider.timeoutMs, maxAttempts: provider.maxAttempts, ...(apiKey ? { apiKey } : {}) };
  }

  async function resolveChain(requested?: AnalysisProvider): Promise<ProviderRun[]> {
    const settings = await get();
    const first = requested ?? (settings.defaultProvider === 'auto' ? undefined : settings.defaultProvider);
    if (first === 'mock') return [await runFor('mock', settings)];
    const rest = settings.fallbackChain.filter((name) => name !== first && name !== 'mock');
    const order = [...(first ? [first] : []), ...rest, ...(settings.fallbackChain.includes('mock') ? (['mock'] as const) : [])];
    const chain: ProviderRun[] = [];
    for (const name of order) {
      const run = await runFor(name, settings);
      const needsKey = PROVIDER_SECRET[name] !== undefined;
      if (needsKey && run.apiKey === undefined && name !== first) continue;
      chain.push(run);
    }
    return chain;
  }

  async function test(provider: AnalysisProvider): Promise<ProviderTestOut> {
    return testProvider(await runFor(provider, await get()), { clock, pool: deps.pool });
  }

  return { get, describe, update, setSecret, deleteSecret, resolveChain, test };
}

/** Rules the schema cannot say: a chain names each provider once, and addresses parse. */
function checkPatch(patch: AnalysisSettingsUpdate): void {
  const chain = patch.fallbackChain;
  if (chain && new Set(chain).size !== chain.length) {
    throw new ValidationError('fallbackChain names a provider more than once', { fallbackChain: chain });
  }
  for (const name of LLM_PROVIDERS) {
    const baseUrl = patch.providers?.[name]?.baseUrl;
    if (baseUrl === undefined) continue;
    let url: URL | undefined;
    try {
      url = new URL(baseUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new ValidationError(`providers.${name}.baseUrl must be an http(s) address`, { provider: name });
    }
  }
}

function readable(value: unknown): AnalysisSettingsUpdate {
  return Value.Check(AnalysisSettingsUpdate, value) ? value : {};
}

/** The stored changes with a patch laid over them, provider by provider. */
function mergeChanges(stored: AnalysisSettingsUpdate, patch: AnalysisSettingsUpdate): AnalysisSettingsUpdate {
  const { providers: patchProviders, ...patchTop } = patch;
  const merged: AnalysisSettingsUpdate = { ...stored, ...patchTop };
  if (patchProviders) {
    const providers = { ...stored.providers };
    for (const name of LLM_PROVIDERS) {
      const change = patchProviders[name];
      if (change) providers[name] = { ...providers[name], ...change };
    }
    merged.providers = providers;
  }
  return merged;
}

function applyChanges(defaults: AnalysisSettings, changes: AnalysisSettingsUpdate): AnalysisSettings {
  const { providers, ...top } = changes;
  return {
    ...defaults,
    ...top,
    providers: {
      gemini: { ...defaults.providers.gemini, ...providers?.gemini },
      openai: { ...defaults.providers.openai, ...providers?.openai },
      ollama: { ...defaults.providers.ollama, ...providers?.ollama },
    },
  };
}

// AI provider settings (admin): the saved settings, which API keys are set (never their values),
// each provider's last test, and the analysis usage per provider.
import { createStore } from 'zustand/vanilla';
import type { UsageSummary } from '../../../shared/api/analysis';
import type { AnalysisSettingsOut, AnalysisSettingsUpdate, ProviderTestOut, SettableSecretName } from '../../../shared/api/analysis-settings';
import type { ApiClient } from '../../../shared/api/client';
import type { AnalysisProvider } from '../../../shared/schemas/analysis';
import { messageOf, type LoadStatus } from './load-status';

export type ProviderTest = { status: 'testing' } | { status: 'done'; result: ProviderTestOut } | { status: 'error'; error: string };

export interface AiSettingsState {
  settings: AnalysisSettingsOut | null;
  status: LoadStatus;
  error: string | null;
  tests: Partial<Record<AnalysisProvider, ProviderTest>>;
  usage: UsageSummary | null;
  usageStatus: LoadStatus;
  usageError: string | null;
  load(): Promise<void>;
  save(change: AnalysisSettingsUpdate): Promise<void>;
  setSecret(name: SettableSecretName, value: string): Promise<void>;
  removeSecret(name: SettableSecretName): Promise<void>;
  test(provider: AnalysisProvider): Promise<void>;
  loadUsage(): Promise<void>;
}

export function createAiSettingsStore({ api }: { api: ApiClient }) {
  return createStore<AiSettingsState>()((set, get) => {
    const secretState = (name: SettableSecretName, isSet: boolean) =>
      set((state) => (state.settings ? { settings: { ...state.settings, secrets: { ...state.settings.secrets, [name]: isSet } } } : {}));

    return {
      settings: null,
      status: 'idle',
      error: null,
      tests: {},
      usage: null,
      usageStatus: 'idle',
      usageError: null,

      async load() {
        set({ status: 'loading', error: null });
        try {
          set({ settings: await api.settings.analysis(), status: 'ready' });
        } catch (error) {
          set({ status: 'error', error: messageOf(error) });
        }
      },

      async save(change) {
        set({ settings: await api.settings.updateAnalysis(change) });
      },

      async setSecret(name, value) {
        const state = await api.settings.setSecret(name, value);
        secretState(name, state.set);
        // A new key can change what the default `auto` resolves to.
        await get().load();
      },

      async removeSecret(name) {
        const state = await api.settings.deleteSecret(name);
        secretState(name, state.set);
        await get().load();
      },

      async test(provider) {
        set((state) => ({ tests: { ...state.tests, [provider]: { status: 'testing' } } }));
        let outcome: ProviderTest;
        try {
          outcome = { status: 'done', result: await api.settings.testProvider(provider) };
        } catch (error) {
          outcome = { status: 'error', error: messageOf(error) };
        }
        set((state) => ({ tests: { ...state.tests, [provider]: outcome } }));
      },

      async loadUsage() {
        set({ usageStatus: 'loading', usageError: null });
        try {
          set({ usage: await api.analysis.usage(), usageStatus: 'ready' });
        } catch (error) {
          set({ usageStatus: 'error', usageError: messageOf(error) });
        }
      },
    };
  });
}

export type AiSettingsStore = ReturnType<typeof createAiSettingsStore>;

// One provider's settings (model, address, time-out, attempts), its API key, and a "Test" button
// that sends one small real request with the saved settings.
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { AnalysisSettingsOut, ProviderSettings, SettableSecretName } from '../../../../shared/api/analysis-settings';
import { ApiError } from '../../../../shared/api/client';
import type { AnalysisProvider } from '../../../../shared/schemas/analysis';
import { useFormSubmit } from '../../app/form-errors';
import { useStores } from '../../app/stores-context';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ApiKeyField } from './ApiKeyField';

const NAMES: Record<AnalysisProvider, string> = { gemini: 'Google Gemini', openai: 'OpenAI', ollama: 'Ollama (local)', mock: 'Offline analyser (mock)' };
const KEYS: Partial<Record<AnalysisProvider, { name: SettableSecretName; label: string }>> = {
  gemini: { name: 'GOOGLE_API_KEY', label: 'Google API key' },
  openai: { name: 'OPENAI_API_KEY', label: 'OpenAI API key' },
};
const FIELDS = ['model', 'baseUrl', 'timeoutMs', 'maxAttempts'] as const;

function TestButton({ provider }: { provider: AnalysisProvider }) {
  const { aiSettings } = useStores();
  const test = useStore(aiSettings, (s) => s.tests[provider]);
  return (
    <div className="provider-test">
      <Button onClick={() => void aiSettings.getState().test(provider)} busy={test?.status === 'testing'} aria-label={`Test ${NAMES[provider]}`}>
        Test
      </Button>
      <span role="status" aria-live="polite" className="provider-test-result">
        {test?.status === 'done' &&
          (test.result.ok ? (
            <span className="test-ok">OK · {test.result.model} · {test.result.latencyMs} ms</span>
          ) : (
            <span className="test-failed">Failed: {test.result.error?.message ?? 'no answer'}{test.result.error ? ` (${test.result.error.code})` : ''}</span>
          ))}
        {test?.status === 'error' && <span className="test-failed">Could not test: {test.error}</span>}
      </span>
    </div>
  );
}

function ProviderForm({ provider, current }: { provider: 'gemini' | 'openai' | 'ollama'; current: ProviderSettings }) {
  const { aiSettings, toasts } = useStores();
  const [model, setModel] = useState(current.model);
  const [baseUrl, setBaseUrl] = useState(current.baseUrl);
  const [timeout, setTimeoutSeconds] = useState(String(current.timeoutMs / 1000));
  const [attempts, setAttempts] = useState(String(current.maxAttempts));
  const { errors, setErrors, busy, run } = useFormSubmit(FIELDS);

  async function save(event: FormEvent) {
    event.preventDefault();
    const seconds = Number(timeout);
    // The API counts milliseconds; its limits in those units would puzzle a field that asks for seconds.
    if (!(seconds >= 1 && seconds <= 600)) {
      setErrors({ byField: { timeoutMs: 'Enter between 1 and 600 seconds.' }, general: null });
      return;
    }
    const done = await run(async () => {
      try {
        await aiSettings.getState().save({
          providers: { [provider]: { model: model.trim(), baseUrl: baseUrl.trim(), timeoutMs: Math.round(seconds * 1000), maxAttempts: Number(attempts) } },
        });
      } catch (error) {
        // The API names the field by its full path ("providers.openai.baseUrl"); this form knows it by its last part.
        const prefix = `providers.${provider}.`;
        if (error instanceof ApiError && error.field?.startsWith(prefix)) {
          throw new ApiError(error.status, error.code, error.message, { field: error.field.slice(prefix.length) });
        }
        throw error;
      }
    });
    if (done) toasts.getState().show('success', `${NAMES[provider]} settings saved.`);
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      {errors.general && <p className="form-error" role="alert">{errors.general}</p>}
      <div className="form-grid">
        <TextField label="Model" value={model} onChange={(e) => setModel(e.target.value)} error={errors.byField.model} required />
        <TextField label="Base URL" type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} error={errors.byField.baseUrl} hint="An http:// or https:// address." required />
        <TextField label="Time-out (seconds)" type="number" min={1} max={600} value={timeout} onChange={(e) => setTimeoutSeconds(e.target.value)} error={errors.byField.timeoutMs} />
        <TextField label="Attempts" type="number" min={1} max={10} value={attempts} onChange={(e) => setAttempts(e.target.value)} error={errors.byField.maxAttempts} hint="For rate limits, outages and time-outs." />
      </div>
      <Button type="submit" busy={busy} aria-label={`Save ${NAMES[provider]} settings`}>Save</Button>
    </form>
  );
}

export function ProviderCard({ provider, settings }: { provider: AnalysisProvider; settings: AnalysisSettingsOut }) {
  const key = KEYS[provider];
  const headingId = `provider-${provider}`;
  return (
    <section className="provider-card" aria-labelledby={headingId} data-provider={provider}>
      <h3 id={headingId}>
        {NAMES[provider]}
        {settings.activeProvider === provider && <span className="badge badge-open">default</span>}
      </h3>
      {provider === 'mock' ? (
        <p className="muted">Built in and offline: skills taxonomy and text similarity, no data leaves the machine. Always the last fallback.</p>
      ) : (
        <ProviderForm key={JSON.stringify(settings.providers[provider])} provider={provider} current={settings.providers[provider]} />
      )}
      {key && <ApiKeyField name={key.name} label={key.label} isSet={settings.secrets[key.name]} />}
      <TestButton provider={provider} />
    </section>
  );
}

// The AI providers section of Settings. Admins change the default provider, the fallback chain,
// blind mode and each provider's settings and key, test each provider and see the usage; others
// see which provider analyses.
import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { AnalysisSettingsOut, DefaultProvider } from '../../../../shared/api/analysis-settings';
import type { AnalysisProvider } from '../../../../shared/schemas/analysis';
import { ANALYSIS_PROVIDERS } from '../../app/contract';
import { useFormSubmit } from '../../app/form-errors';
import { useStores } from '../../app/stores-context';
import { Button } from '../../components/Button';
import { CheckboxField, SelectField } from '../../components/Field';
import { ErrorState, Loading } from '../../components/States';
import { ProviderCard } from './ProviderCard';
import { UsagePanel } from './UsagePanel';

const FIELDS = ['defaultProvider', 'fallbackChain', 'blindMode', 'autoAnalyzeDefault'] as const;

function GeneralForm({ settings }: { settings: AnalysisSettingsOut }) {
  const { aiSettings, toasts } = useStores();
  const [defaultProvider, setDefaultProvider] = useState<DefaultProvider>(settings.defaultProvider);
  const [chain, setChain] = useState<AnalysisProvider[]>([...settings.fallbackChain]);
  const [blind, setBlind] = useState(settings.blindMode);
  const [auto, setAuto] = useState(settings.autoAnalyzeDefault);
  const { errors, busy, run } = useFormSubmit(FIELDS);
  const notInChain = ANALYSIS_PROVIDERS.filter((p) => !chain.includes(p));

  const move = (index: number, by: -1 | 1) =>
    setChain((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  async function save(event: FormEvent) {
    event.preventDefault();
    const done = await run(() => aiSettings.getState().save({ defaultProvider, fallbackChain: chain, blindMode: blind, autoAnalyzeDefault: auto }));
    if (done) toasts.getState().show('success', 'AI settings saved.');
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate className="narrow-form ai-general">
      {errors.general && <p className="form-error" role="alert">{errors.general}</p>}
      <SelectField
        label="Default provider"
        value={defaultProvider}
        onChange={(e) => setDefaultProvider(e.target.value as DefaultProvider)}
        error={errors.byField.defaultProvider}
        hint={`Automatic picks the first provider of the chain with a key, else the offline analyser. Now analysing with: ${settings.activeProvider}.`}
        options={[{ value: 'auto', label: 'Automatic' }, ...ANALYSIS_PROVIDERS.map((p) => ({ value: p, label: p }))]}
      />
      <fieldset className="chain">
        <legend>Fallback chain</legend>
        <p className="field-hint">Tried in this order when the chosen provider does not answer; the offline analyser always comes last.</p>
        {chain.length === 0 ? (
          <p className="muted">Empty: no fallback before the offline analyser.</p>
        ) : (
          <ol className="chain-list">
            {chain.map((p, i) => (
              <li key={p}>
                <span className="chain-name">{p}</span>
                <Button variant="ghost" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${p} up`}>↑</Button>
                <Button variant="ghost" disabled={i === chain.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${p} down`}>↓</Button>
                <Button variant="ghost" onClick={() => setChain((list) => list.filter((x) => x !== p))} aria-label={`Remove ${p} from the chain`}>Remove</Button>
              </li>
            ))}
          </ol>
        )}
        {notInChain.length > 0 && (
          <div className="button-row">
            {notInChain.map((p) => (
              <Button key={p} onClick={() => setChain((list) => [...list, p])} aria-label={`Add ${p} to the chain`}>Add {p}</Button>
            ))}
          </div>
        )}
        {errors.byField.fallbackChain && <p className="field-error">{errors.byField.fallbackChain}</p>}
      </fieldset>
      <CheckboxField label="Blind mode: remove name, contact details, photo and age or gender cues before text goes to a cloud provider" checked={blind} onChange={(e) => setBlind(e.target.checked)} />
      <CheckboxField label="Analyse résumés automatically when they are attached to a new job’s applications" checked={auto} onChange={(e) => setAuto(e.target.checked)} />
      <Button type="submit" variant="primary" busy={busy}>Save AI settings</Button>
    </form>
  );
}

export function AiProvidersPanel({ isAdmin }: { isAdmin: boolean }) {
  const { aiSettings } = useStores();
  const settings = useStore(aiSettings, (s) => s.settings);
  const status = useStore(aiSettings, (s) => s.status);
  const error = useStore(aiSettings, (s) => s.error);

  useEffect(() => {
    void aiSettings.getState().load();
  }, [aiSettings]);

  let body;
  if (status === 'error' && !settings) body = <ErrorState message={error ?? ''} onRetry={() => void aiSettings.getState().load()} />;
  else if (!settings) body = <Loading label="Loading the AI settings…" />;
  else if (!isAdmin)
    body = (
      <p>
        Analyses use <strong>{settings.activeProvider}</strong>{settings.blindMode ? ', with blind mode on' : ''}. An administrator changes the AI settings.
      </p>
    );
  else
    body = (
      <>
        <GeneralForm key={`${settings.defaultProvider}|${settings.fallbackChain.join(',')}|${settings.blindMode}|${settings.autoAnalyzeDefault}`} settings={settings} />
        <div className="provider-cards">
          {ANALYSIS_PROVIDERS.map((p) => <ProviderCard key={p} provider={p} settings={settings} />)}
        </div>
      </>
    );

  return (
    <>
      <section className="panel" aria-labelledby="ai-title" data-testid="ai-providers">
        <h2 id="ai-title">AI providers</h2>
        {body}
      </section>
      {isAdmin && <UsagePanel />}
    </>
  );
}

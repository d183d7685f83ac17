// A write-only API key: typed once, sent to the credential store, and never shown again. Once set it
// reads "set" with Replace and Remove.
import { useState, type FormEvent } from 'react';
import type { SettableSecretName } from '../../../../shared/api/analysis-settings';
import { useStores } from '../../app/stores-context';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';

export function ApiKeyField({ name, label, isSet }: { name: SettableSecretName; label: string; isSet: boolean }) {
  const { aiSettings, toasts } = useStores();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function act(action: () => Promise<void>, done: string) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      setValue('');
      setEditing(false);
      toasts.getState().show('success', done);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (value.trim() === '') {
      setError('Enter the key.');
      return;
    }
    void act(() => aiSettings.getState().setSecret(name, value.trim()), `${label} saved.`);
  }

  if (isSet && !editing) {
    return (
      <div className="api-key" data-secret={name}>
        <p><strong>{label}:</strong> <span className="badge badge-open">set</span> <span className="muted">(kept in the credential store; never shown)</span></p>
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="button-row">
          <Button onClick={() => setEditing(true)} aria-label={`Replace ${label}`}>Replace</Button>
          <Button variant="danger" busy={busy} onClick={() => void act(() => aiSettings.getState().removeSecret(name), `${label} removed.`)} aria-label={`Remove ${label}`}>
            Remove
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form className="api-key" data-secret={name} onSubmit={save} noValidate>
      <TextField
        label={label}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={error}
        hint={isSet ? 'The new key replaces the saved one.' : 'Not set. Saved to the credential store, never to the database.'}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={busy} aria-label={`Save key (${label})`}>Save key</Button>
        {editing && <Button onClick={() => { setEditing(false); setValue(''); setError(undefined); }}>Cancel</Button>}
      </div>
    </form>
  );
}

// Settings: about (version, core status), the user's own password, and the AI providers.
import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { PASSWORD_MIN_LENGTH } from '../../app/contract';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useFormSubmit } from '../../app/form-errors';
import { Screen } from '../../app/Screen';
import { useStores } from '../../app/stores-context';
import { AiProvidersPanel } from './AiProvidersPanel';

const FIELDS = ['current_password', 'new_password'] as const;

export function SettingsScreen() {
  const { connectivity, session, api, toasts } = useStores();
  const version = useStore(connectivity, (s) => s.version);
  const core = useStore(connectivity, (s) => s.coreReachable);
  const user = useStore(session, (s) => s.user);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const { errors, busy, run } = useFormSubmit(FIELDS);

  useEffect(() => {
    void connectivity.getState().checkCore();
  }, [connectivity]);

  async function changePassword(event: FormEvent) {
    event.preventDefault();
    const done = await run(async () => {
      await api.auth.changePassword({ current_password: current, new_password: next });
    });
    if (done) {
      setCurrent('');
      setNext('');
      toasts.getState().show('success', 'Password changed. Please sign in again with the new password.');
      await session.getState().signOut();
    }
  }

  return (
    <Screen name="settings" title="Settings">
      <section className="panel" aria-labelledby="about-title">
        <h2 id="about-title">About</h2>
        <dl className="facts">
          <div><dt>App</dt><dd>Recruiting Desk</dd></div>
          <div><dt>Version</dt><dd data-testid="app-version">{version ?? 'unknown'}</dd></div>
          <div><dt>App core</dt><dd>{core ? 'running' : 'not reachable'}</dd></div>
          <div><dt>Signed in as</dt><dd>{user?.username} ({user?.role})</dd></div>
        </dl>
      </section>
      <section className="panel" aria-labelledby="password-title">
        <h2 id="password-title">Change your password</h2>
        <form onSubmit={(e) => void changePassword(e)} noValidate className="narrow-form">
          {errors.general && <p className="form-error" role="alert">{errors.general}</p>}
          <TextField label="Current password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={errors.byField.current_password} />
          <TextField label="New password" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} error={errors.byField.new_password} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} />
          <Button type="submit" busy={busy}>Change password</Button>
        </form>
      </section>
      {user?.role !== 'candidate' && <AiProvidersPanel isAdmin={user?.role === 'admin'} />}
    </Screen>
  );
}

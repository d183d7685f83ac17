// Sign-in with username and password; says so when an earlier session expired.
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { ApiError } from '../../../../shared/api/client';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useStores } from '../../app/stores-context';
import { APP_NAME } from '../../app/Screen';
import { useDocumentTitle } from '../../app/use-document-title';
import { RegisterForm } from './RegisterForm';

export function SignInScreen() {
  const { session } = useStores();
  const notice = useStore(session, (s) => s.notice);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [registering, setRegistering] = useState(false);
  useDocumentTitle(`${registering ? 'Create an account' : 'Sign in'} · ${APP_NAME}`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('Enter your username and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await session.getState().signIn(username.trim(), password);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError('That username and password do not match an account.');
      else if (e instanceof ApiError && e.status === 429) setError(`Too many attempts. Try again in ${e.retryAfterSeconds ?? 60} seconds.`);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="auth-page" data-screen="sign-in">
      <div className="auth-card">
        <h1>{registering ? 'Create a candidate account' : `Sign in to ${APP_NAME}`}</h1>
        {notice && !registering && <p className="notice">{notice}</p>}
        {registering ? <RegisterForm /> : <form onSubmit={(e) => void submit(e)} noValidate aria-label="Sign in">
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <TextField label="Username" name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
          <TextField label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          <Button type="submit" variant="primary" busy={busy}>
            Sign in
          </Button>
        </form>}
        <p className="auth-switch">
          <button type="button" className="btn btn-ghost" onClick={() => setRegistering((r) => !r)}>
            {registering ? 'I have an account: sign in' : 'New candidate? Create an account'}
          </button>
        </p>
      </div>
    </main>
  );
}

// First run: no admin exists yet, so the first account is created here (then signed in).
import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useFormSubmit } from '../../app/form-errors';
import { useStores } from '../../app/stores-context';
import { APP_NAME } from '../../app/Screen';
import { PASSWORD_MIN_LENGTH } from '../../app/contract';
import { useDocumentTitle } from '../../app/use-document-title';

const FIELDS = ['username', 'email', 'password', 'displayName'] as const;

export function SetupScreen() {
  const { session } = useStores();
  const [form, setForm] = useState({ username: '', email: '', password: '', confirm: '', displayName: '' });
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const { errors, busy, run } = useFormSubmit(FIELDS);
  useDocumentTitle(`Welcome · ${APP_NAME}`);

  const change = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.password !== form.confirm) {
      setConfirmError('The two passwords are not the same.');
      return;
    }
    setConfirmError(undefined);
    await run(() =>
      session.getState().setupAdmin({
        username: form.username.trim(),
        email: form.email.trim(),
        password: form.password,
        ...(form.displayName.trim() ? { displayName: form.displayName.trim() } : {}),
      }),
    );
  }

  return (
    <main className="auth-page" data-screen="setup">
      <div className="auth-card">
        <h1>Welcome to {APP_NAME}</h1>
        <p>Create the administrator account to start. It works offline: nothing leaves this computer until you set up sync.</p>
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="Create the administrator account">
          {errors.general && (
            <p className="form-error" role="alert">
              {errors.general}
            </p>
          )}
          <TextField label="Username" name="username" autoComplete="username" required value={form.username} onChange={change('username')} error={errors.byField.username} hint="3–64 letters, digits, dots, underscores or hyphens." />
          <TextField label="Your name" name="displayName" autoComplete="name" value={form.displayName} onChange={change('displayName')} error={errors.byField.displayName} />
          <TextField label="E-mail" name="email" type="email" autoComplete="email" required value={form.email} onChange={change('email')} error={errors.byField.email} />
          <TextField label="Password" name="password" type="password" autoComplete="new-password" required value={form.password} onChange={change('password')} error={errors.byField.password} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} />
          <TextField label="Repeat the password" name="confirm" type="password" autoComplete="new-password" required value={form.confirm} onChange={change('confirm')} error={confirmError} />
          <Button type="submit" variant="primary" busy={busy}>
            Create administrator account
          </Button>
        </form>
      </div>
    </main>
  );
}

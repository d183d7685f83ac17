// Public sign-up: always a candidate account (staff accounts are created by an admin).
import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { PASSWORD_MIN_LENGTH } from '../../app/contract';
import { useFormSubmit } from '../../app/form-errors';
import { useStores } from '../../app/stores-context';

const FIELDS = ['username', 'email', 'password', 'displayName'] as const;

export function RegisterForm() {
  const { session } = useStores();
  const [form, setForm] = useState({ username: '', email: '', password: '', displayName: '' });
  const { errors, busy, run } = useFormSubmit(FIELDS);
  const change = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() =>
      session.getState().register({
        username: form.username.trim(),
        email: form.email.trim(),
        password: form.password,
        ...(form.displayName.trim() ? { displayName: form.displayName.trim() } : {}),
      }),
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Create a candidate account">
      {errors.general && <p className="form-error" role="alert">{errors.general}</p>}
      <TextField label="Username" autoComplete="username" value={form.username} onChange={change('username')} error={errors.byField.username} />
      <TextField label="Your name" autoComplete="name" value={form.displayName} onChange={change('displayName')} error={errors.byField.displayName} />
      <TextField label="E-mail" type="email" autoComplete="email" value={form.email} onChange={change('email')} error={errors.byField.email} />
      <TextField label="Password" type="password" autoComplete="new-password" value={form.password} onChange={change('password')} error={errors.byField.password} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} />
      <Button type="submit" variant="primary" busy={busy}>Create account</Button>
    </form>
  );
}

// Users (admin): the accounts, creating one, changing a role, disabling and enabling.
import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { UserOut } from '../../../../shared/api/users';
import { PASSWORD_MIN_LENGTH, USER_ROLES } from '../../app/contract';
import type { UserRole } from '../../../../shared/schemas/user';
import { Button } from '../../components/Button';
import { DataTable, Pager } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { useFormSubmit } from '../../app/form-errors';
import { Screen } from '../../app/Screen';
import { useStores } from '../../app/stores-context';

const ROLE_OPTIONS = USER_ROLES.map((r) => ({ value: r, label: r[0]?.toUpperCase() + r.slice(1) }));

export function UsersScreen() {
  const { users, session, toasts } = useStores();
  const page = useStore(users, (s) => s.page);
  const status = useStore(users, (s) => s.status);
  const error = useStore(users, (s) => s.error);
  const query = useStore(users, (s) => s.query);
  const me = useStore(session, (s) => s.user);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState('');

  useEffect(() => {
    void users.getState().load();
  }, [users]);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const value = search.trim() || undefined;
      if (value !== users.getState().query.search) users.getState().setQuery({ search: value, skip: 0 });
    }, 250);
    return () => window.clearTimeout(timer);
  }, [search, users]);

  async function change(user: UserOut, body: { role?: UserRole; disabled?: boolean }, done: string) {
    try {
      await users.getState().update(user.id, body);
      toasts.getState().show('success', done);
    } catch (e) {
      toasts.getState().show('error', e instanceof Error ? e.message : String(e));
    }
  }

  let body;
  if (status === 'error' && !page) body = <ErrorState message={error ?? ''} onRetry={() => void users.getState().load()} />;
  else if (!page) body = <Loading label="Loading users…" />;
  else if (page.items.length === 0) body = <EmptyState title="No user matches" />;
  else
    body = (
      <>
        <DataTable
          caption="Users"
          rows={page.items}
          rowKey={(u) => u.id}
          columns={[
            { key: 'u', header: 'Username', render: (u) => <>{u.username}{u.displayName ? <span className="muted"> ({u.displayName})</span> : null}</> },
            { key: 'e', header: 'E-mail', render: (u) => u.email },
            {
              key: 'r',
              header: 'Role',
              render: (u) => (
                <select
                  aria-label={`Role of ${u.username}`}
                  value={u.role}
                  disabled={u.id === me?.id}
                  onChange={(e) => void change(u, { role: e.target.value as UserRole }, `${u.username} is now ${e.target.value}.`)}
                >
                  {ROLE_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              ),
            },
            { key: 's', header: 'State', render: (u) => (u.disabled ? <span className="badge badge-closed">disabled</span> : <span className="badge badge-open">active</span>) },
            { key: 'l', header: 'Last sign-in', render: (u) => (u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : 'never') },
            {
              key: 'a',
              header: 'Actions',
              render: (u) =>
                u.id === me?.id ? <span className="muted">You</span> : (
                  <Button variant="ghost" aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.username}`} onClick={() => void change(u, { disabled: !u.disabled }, `${u.username} ${u.disabled ? 'enabled' : 'disabled'}.`)}>
                    {u.disabled ? 'Enable' : 'Disable'}
                  </Button>
                ),
            },
          ]}
        />
        <Pager label="Users pages" total={page.total} skip={query.skip ?? 0} limit={query.limit ?? 50} onPage={(skip) => users.getState().setQuery({ skip })} />
      </>
    );

  return (
    <Screen name="users" title="Users" actions={<Button variant="primary" onClick={() => setCreating(true)}>New user</Button>}>
      <form className="filters" role="search" aria-label="Filter users" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Search users" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <SelectField label="Filter by role" value={query.role ?? ''} onChange={(e) => users.getState().setQuery({ role: (e.target.value || undefined) as UserRole | undefined, skip: 0 })} options={[{ value: '', label: 'Any' }, ...ROLE_OPTIONS]} />
      </form>
      {body}
      {creating && <NewUserDialog onClose={() => setCreating(false)} />}
    </Screen>
  );
}

const FIELDS = ['username', 'email', 'password', 'role', 'displayName'] as const;

function NewUserDialog({ onClose }: { onClose: () => void }) {
  const { users, toasts } = useStores();
  const [form, setForm] = useState({ username: '', email: '', password: '', displayName: '', role: 'recruiter' as UserRole });
  const { errors, busy, run } = useFormSubmit(FIELDS);
  const change = (key: 'username' | 'email' | 'password' | 'displayName') => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await run(async () => {
      const user = await users.getState().create({
        username: form.username.trim(),
        email: form.email.trim(),
        password: form.password,
        role: form.role,
        ...(form.displayName.trim() ? { displayName: form.displayName.trim() } : {}),
      });
      toasts.getState().show('success', `Account ${user.username} created.`);
    });
    if (done) onClose();
  }

  return (
    <Dialog
      title="New user"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="user-form" variant="primary" busy={busy}>Create user</Button>
        </>
      }
    >
      <form id="user-form" onSubmit={(e) => void submit(e)} noValidate>
        {errors.general && <p className="form-error" role="alert">{errors.general}</p>}
        <TextField label="Username" data-autofocus autoComplete="off" value={form.username} onChange={change('username')} error={errors.byField.username} />
        <TextField label="Name" value={form.displayName} onChange={change('displayName')} error={errors.byField.displayName} />
        <TextField label="E-mail" type="email" value={form.email} onChange={change('email')} error={errors.byField.email} />
        <TextField label="Password" type="password" autoComplete="new-password" value={form.password} onChange={change('password')} error={errors.byField.password} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} />
        <SelectField label="Role" value={form.role} onChange={(e) => setForm((f) => ({ ...f, role: e.target.value as UserRole }))} options={ROLE_OPTIONS} error={errors.byField.role} />
      </form>
    </Dialog>
  );
}

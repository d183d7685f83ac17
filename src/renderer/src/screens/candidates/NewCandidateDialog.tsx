// Adding a candidate by hand; the API's duplicate check (same primary e-mail) answers 409.
import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { useFormSubmit } from '../../app/form-errors';
import { navigate } from '../../app/router';
import { useStores } from '../../app/stores-context';

const FIELDS = ['name', 'emails', 'phones', 'location', 'skills', 'source', 'tags'] as const;
const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

export function NewCandidateDialog({ onClose }: { onClose: () => void }) {
  const { api, candidates, toasts } = useStores();
  const [form, setForm] = useState({ name: '', email: '', phone: '', location: '', skills: '', source: '', tags: '' });
  const { errors, setErrors, busy, run } = useFormSubmit(FIELDS);
  const change = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.name.trim()) {
      setErrors({ byField: { name: 'A candidate needs a name.' }, general: null });
      return;
    }
    let createdId = '';
    const done = await run(async () => {
      const created = await api.candidates.create({
        name: form.name.trim(),
        ...(form.email.trim() ? { emails: [form.email.trim()] } : {}),
        ...(form.phone.trim() ? { phones: [form.phone.trim()] } : {}),
        ...(form.location.trim() ? { location: form.location.trim() } : {}),
        ...(form.source.trim() ? { source: form.source.trim() } : {}),
        skills: list(form.skills),
        tags: list(form.tags),
      });
      createdId = created.id;
      toasts.getState().show('success', `${created.name} added.`);
      void candidates.getState().reload();
    });
    if (done) {
      onClose();
      navigate({ name: 'candidate', id: createdId });
    }
  }

  return (
    <Dialog
      title="New candidate"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="candidate-form" variant="primary" busy={busy}>Add candidate</Button>
        </>
      }
    >
      <form id="candidate-form" onSubmit={(e) => void submit(e)} noValidate>
        {errors.general && <p className="form-error" role="alert">{errors.general}</p>}
        <TextField label="Name" required data-autofocus value={form.name} onChange={change('name')} error={errors.byField.name} />
        <TextField label="E-mail" type="email" value={form.email} onChange={change('email')} error={errors.byField.emails} />
        <TextField label="Phone" type="tel" value={form.phone} onChange={change('phone')} error={errors.byField.phones} />
        <TextField label="Location" value={form.location} onChange={change('location')} error={errors.byField.location} />
        <TextField label="Skills" hint="Separated by commas." value={form.skills} onChange={change('skills')} error={errors.byField.skills} />
        <TextField label="Source" hint="Referral, LinkedIn, job fair…" value={form.source} onChange={change('source')} error={errors.byField.source} />
        <TextField label="Tags" hint="Separated by commas." value={form.tags} onChange={change('tags')} error={errors.byField.tags} />
      </form>
    </Dialog>
  );
}

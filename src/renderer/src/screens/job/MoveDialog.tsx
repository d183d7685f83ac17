// Moving an application to another pipeline status with an optional note. The API decides which
// moves are allowed; a refused move (409) shows its reason here and nothing changes.
import { useState, type FormEvent } from 'react';
import type { ApplicationOut } from '../../../../shared/api/applications';
import type { ApplicationStatus } from '../../../../shared/schemas/application';
import { APPLICATION_STATUSES } from '../../app/contract';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextAreaField } from '../../components/Field';
import { useFormSubmit } from '../../app/form-errors';
import { STATUS_LABELS } from './status-labels';

const FIELDS = ['status', 'note'] as const;

export function MoveDialog({
  application,
  initialStatus,
  onMove,
  onClose,
}: {
  application: ApplicationOut;
  initialStatus?: ApplicationStatus;
  onMove: (to: ApplicationStatus, note: string | undefined) => Promise<void>;
  onClose: () => void;
}) {
  const others = APPLICATION_STATUSES.filter((s) => s !== application.status);
  const [to, setTo] = useState<ApplicationStatus>(initialStatus ?? others[0] ?? 'screening');
  const [note, setNote] = useState('');
  const { errors, busy, run } = useFormSubmit(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await run(() => onMove(to, note.trim() || undefined));
    if (done) onClose();
  }

  const name = application.candidateName || 'this application';
  return (
    <Dialog
      title={`Move ${name}`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="move-form" variant="primary" busy={busy}>Move application</Button>
        </>
      }
    >
      <form id="move-form" onSubmit={(e) => void submit(e)} noValidate>
        <p>Now: <strong>{STATUS_LABELS[application.status]}</strong></p>
        {errors.general && <p className="form-error" role="alert">{errors.general}</p>}
        <SelectField
          label="New status"
          value={to}
          data-autofocus
          onChange={(e) => setTo(e.target.value as ApplicationStatus)}
          options={others.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          error={errors.byField.status}
        />
        <TextAreaField label="Note (optional)" rows={3} value={note} onChange={(e) => setNote(e.target.value)} error={errors.byField.note} maxLength={2000} />
      </form>
      {application.history.length > 0 && (
        <details>
          <summary>History</summary>
          <ol className="history">
            {application.history.map((h, i) => (
              <li key={i}>
                {new Date(h.at).toLocaleString()}: {h.from ? `${STATUS_LABELS[h.from]} → ` : ''}{STATUS_LABELS[h.to]}{h.note ? ` — “${h.note}”` : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
    </Dialog>
  );
}

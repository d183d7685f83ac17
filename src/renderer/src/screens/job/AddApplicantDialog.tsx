// Adding an existing candidate to a job: search by name or e-mail, pick one, add with a note.
import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextAreaField, TextField } from '../../components/Field';
import { useFormSubmit } from '../../app/form-errors';
import { useStores } from '../../app/stores-context';
import type { Candidate } from '../../stores/candidates';

const FIELDS = ['candidate_id', 'note'] as const;

export function AddApplicantDialog({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const { api, jobs, toasts } = useStores();
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Candidate[]>([]);
  const [picked, setPicked] = useState<Candidate | null>(null);
  const [note, setNote] = useState('');
  const { errors, busy, run } = useFormSubmit(FIELDS);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.candidates
        .list({ ...(search.trim() ? { q: search.trim() } : {}), limit: 10, sort: 'name', order: 'asc' }, controller.signal)
        .then((page) => setResults(page.items))
        .catch(() => setResults([]));
    }, 200);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [api, search]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!picked) return;
    const done = await run(async () => {
      await api.applications.create({ job_id: jobId, candidate_id: picked.id, ...(note.trim() ? { note: note.trim() } : {}) });
      await jobs.getState().openJob(jobId);
      toasts.getState().show('success', `${picked.name} added to the job.`);
    });
    if (done) onClose();
  }

  return (
    <Dialog
      title="Add an applicant"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="add-applicant" variant="primary" busy={busy} disabled={!picked}>Add to job</Button>
        </>
      }
    >
      <form id="add-applicant" onSubmit={(e) => void submit(e)} noValidate>
        {errors.general && <p className="form-error" role="alert">{errors.general}</p>}
        <TextField label="Find a candidate" type="search" value={search} data-autofocus onChange={(e) => setSearch(e.target.value)} hint="Name or e-mail." />
        <fieldset className="choice-list">
          <legend>Candidates</legend>
          {results.length === 0 && <p className="muted">No candidate matches.</p>}
          {results.map((c) => (
            <label key={c.id} className="choice">
              <input type="radio" name="candidate" checked={picked?.id === c.id} onChange={() => setPicked(c)} />
              {c.name} {c.primaryEmail && <span className="muted">{c.primaryEmail}</span>}
            </label>
          ))}
        </fieldset>
        <TextAreaField label="Note (optional)" rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={errors.byField.note} />
      </form>
    </Dialog>
  );
}

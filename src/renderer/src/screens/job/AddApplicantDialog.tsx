// Adding an existing candidate to a job: search by name or e-mail, pick one, choose which of their
// parsed résumés goes with the application (the newest by default, or none), add with a note. An
// application that brings a résumé is what starts the automatic analysis on a job that has it on.
import { useEffect, useState, type FormEvent } from 'react';
import type { ResumeSummary } from '../../../../shared/api/resumes';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextAreaField, TextField } from '../../components/Field';
import { useFormSubmit } from '../../app/form-errors';
import { MAX_PAGE_SIZE } from '../../app/contract';
import { useStores } from '../../app/stores-context';
import type { Candidate } from '../../stores/candidates';
import { sendableResumes } from './resume-choices';

const FIELDS = ['candidate_id', 'resume_id', 'note'] as const;

type ResumeChoices =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; resumes: ResumeSummary[] };

/** The picked candidate's parsed résumés, newest first; `onLoaded` gets the newest one's id ('' for none). */
function useParsedResumes(candidateId: string | undefined, onLoaded: (newestId: string) => void): ResumeChoices {
  const { api } = useStores();
  const [choices, setChoices] = useState<ResumeChoices>({ state: 'none' });
  useEffect(() => {
    if (!candidateId) {
      setChoices({ state: 'none' });
      return;
    }
    // A later pick supersedes this one; its answer must not land on the newer candidate.
    let current = true;
    setChoices({ state: 'loading' });
    api.resumes
      .list({ candidate_id: candidateId, limit: MAX_PAGE_SIZE })
      .then((page) => {
        if (!current) return;
        const resumes = sendableResumes(page.items);
        setChoices({ state: 'ready', resumes });
        onLoaded(resumes[0]?.id ?? '');
      })
      .catch((error: unknown) => {
        if (current) setChoices({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      current = false;
    };
    // onLoaded must be stable (a state setter), or every render would load the résumés again.
  }, [api, candidateId, onLoaded]);
  return choices;
}

function ResumeChoice({ choices, value, onChange, error }: { choices: ResumeChoices; value: string; onChange: (id: string) => void; error?: string | undefined }) {
  if (choices.state === 'none') return null;
  return (
    <fieldset className="choice-list" aria-busy={choices.state === 'loading'} aria-describedby={error ? 'add-applicant-resume-error' : undefined}>
      <legend>Résumé to send</legend>
      {choices.state === 'loading' && (
        <p className="muted" role="status">
          Loading their résumés…
        </p>
      )}
      {choices.state === 'failed' && (
        <p className="form-error" role="alert">
          Their résumés could not be loaded ({choices.message}); the application can still be added without one.
        </p>
      )}
      {choices.state === 'ready' && choices.resumes.length === 0 && <p className="muted">No parsed résumé yet.</p>}
      {choices.state === 'ready' &&
        choices.resumes.map((resume, index) => (
          <label key={resume.id} className="choice">
            <input type="radio" name="resume" value={resume.id} checked={value === resume.id} onChange={() => onChange(resume.id)} />
            {resume.fileName}{' '}
            <span className="muted">
              uploaded {new Date(resume.createdAt).toLocaleDateString()}
              {index === 0 ? ' (newest)' : ''}
            </span>
          </label>
        ))}
      <label className="choice">
        <input type="radio" name="resume" value="" checked={value === ''} onChange={() => onChange('')} />
        No résumé
      </label>
      {error && (
        <p id="add-applicant-resume-error" className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function AddApplicantDialog({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const { api, jobs, toasts } = useStores();
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Candidate[]>([]);
  const [picked, setPicked] = useState<Candidate | null>(null);
  const [resumeId, setResumeId] = useState('');
  const [note, setNote] = useState('');
  const { errors, busy, run } = useFormSubmit(FIELDS);
  const resumeChoices = useParsedResumes(picked?.id, setResumeId);

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

  function pick(candidate: Candidate) {
    setPicked(candidate);
    // The previous candidate's résumé must not go with this one while theirs load.
    setResumeId('');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!picked || resumeChoices.state === 'loading') return;
    const done = await run(async () => {
      await api.applications.create({
        job_id: jobId,
        candidate_id: picked.id,
        ...(resumeId ? { resume_id: resumeId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
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
          <Button type="submit" form="add-applicant" variant="primary" busy={busy} disabled={!picked || resumeChoices.state === 'loading'}>
            Add to job
          </Button>
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
              <input type="radio" name="candidate" checked={picked?.id === c.id} onChange={() => pick(c)} />
              {c.name} {c.primaryEmail && <span className="muted">{c.primaryEmail}</span>}
            </label>
          ))}
        </fieldset>
        <ResumeChoice choices={resumeChoices} value={resumeId} onChange={setResumeId} error={errors.byField.resume_id} />
        <TextAreaField label="Note (optional)" rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={errors.byField.note} />
      </form>
    </Dialog>
  );
}

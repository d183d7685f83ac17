// One candidate: the profile, their applications with each one's history, and the recruiters' notes.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { Screen } from '../../app/Screen';
import { hrefOf } from '../../app/router';
import { useStores } from '../../app/stores-context';
import { STATUS_LABELS } from '../job/status-labels';
import { AnalysesPanel } from './AnalysesPanel';
import { ResumePanel } from './ResumePanel';

export function CandidateScreen({ id }: { id: string }) {
  const { candidates, toasts } = useStores();
  const candidate = useStore(candidates, (s) => s.candidate);
  const status = useStore(candidates, (s) => s.candidateStatus);
  const error = useStore(candidates, (s) => s.candidateError);
  const applications = useStore(candidates, (s) => s.applications);
  const resumes = useStore(candidates, (s) => s.resumes);
  const [notes, setNotes] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void candidates.getState().openCandidate(id);
  }, [candidates, id]);
  useEffect(() => {
    if (candidate?.id === id) setNotes(candidate.notes ?? '');
  }, [candidate, id]);

  if (status === 'error' && candidate?.id !== id) {
    return (
      <Screen name="candidate" title="Candidate">
        <ErrorState message={error ?? ''} onRetry={() => void candidates.getState().openCandidate(id)} />
        <p><a href={hrefOf({ name: 'candidates' })}>Back to the candidates</a></p>
      </Screen>
    );
  }
  if (!candidate || candidate.id !== id) {
    return (
      <Screen name="candidate" title="Candidate">
        <Loading label="Loading the candidate…" />
      </Screen>
    );
  }

  async function saveNotes() {
    setSaving(true);
    try {
      await candidates.getState().update(id, { notes });
      toasts.getState().show('success', 'Notes saved.');
    } catch (e) {
      toasts.getState().show('error', `Could not save the notes: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSaving(false);
    }
  }

  async function exportJsonResume() {
    try {
      const blob = await candidates.getState().exportJsonResume(id);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${(candidate?.name ?? 'candidate').replace(/[^\p{L}\p{N}]+/gu, '-')}.resume.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (e) {
      toasts.getState().show('error', `Could not export: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const c = candidate;
  return (
    <Screen name="candidate" title={c.name} actions={<Button onClick={() => void exportJsonResume()}>Export JSON Resume</Button>}>
      <p className="breadcrumb"><a href={hrefOf({ name: 'candidates' })}>Candidates</a> › {c.name}</p>
      <div className="two-columns">
        <section className="panel" aria-labelledby="profile-title">
          <h2 id="profile-title">Profile</h2>
          <dl className="facts">
            <div><dt>E-mail</dt><dd>{c.emails.join(', ') || '—'}</dd></div>
            <div><dt>Phone</dt><dd>{c.phones.join(', ') || '—'}</dd></div>
            <div><dt>Location</dt><dd>{c.location || '—'}</dd></div>
            <div><dt>Experience</dt><dd>{c.yearsOfExperience !== undefined ? `${c.yearsOfExperience} years` : '—'}</dd></div>
            <div><dt>Source</dt><dd>{c.source || '—'}</dd></div>
            <div><dt>Tags</dt><dd>{c.tags.join(', ') || '—'}</dd></div>
          </dl>
          <h3>Skills</h3>
          {c.skills.length > 0 ? (
            <ul className="chips" aria-label="Skills">
              {c.skills.map((s) => <li key={s} className="chip">{s}</li>)}
            </ul>
          ) : (
            <p className="muted">No skills recorded yet.</p>
          )}
          {c.links.length > 0 && (
            <>
              <h3>Links</h3>
              <ul>
                {c.links.map((l) => <li key={l.url}>{l.kind || 'link'}: {l.url}</li>)}
              </ul>
            </>
          )}
        </section>
        <section className="panel" aria-labelledby="notes-title">
          <h2 id="notes-title">Notes</h2>
          <TextAreaField label="Notes about this candidate" rows={8} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={20_000} />
          <Button variant="primary" onClick={() => void saveNotes()} busy={saving} disabled={notes === (c.notes ?? '')}>Save notes</Button>
        </section>
      </div>
      <section className="panel" aria-labelledby="resume-title">
        <h2 id="resume-title">Résumé</h2>
        <ResumePanel />
      </section>
      <section className="panel" aria-labelledby="analyses-title">
        <h2 id="analyses-title">Analyses</h2>
        <AnalysesPanel resumes={resumes} />
      </section>
      <section className="panel" aria-labelledby="applications-title">
        <h2 id="applications-title">Applications</h2>
        {applications.length === 0 ? (
          <EmptyState title="No applications yet"><p>Add this candidate to a job from the job’s page.</p></EmptyState>
        ) : (
          <ul className="application-list">
            {applications.map((a) => (
              <li key={a.id}>
                <a href={hrefOf({ name: 'job', id: a.jobId })}>{a.jobTitle || 'Deleted job'}</a> — <span className={`badge badge-${a.status}`}>{STATUS_LABELS[a.status]}</span>
                <ol className="history" aria-label={`History of the application to ${a.jobTitle || 'the job'}`}>
                  {a.history.map((h, i) => (
                    <li key={i}>
                      <time dateTime={new Date(h.at).toISOString()}>{new Date(h.at).toLocaleString()}</time>: {h.from ? `${STATUS_LABELS[h.from]} → ` : ''}{STATUS_LABELS[h.to]}{h.note ? ` — “${h.note}”` : ''}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Screen>
  );
}

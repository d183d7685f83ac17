// The candidate's résumés: the PDF as pdf.js draws it, next to the profile extracted from it.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ResumeProfile } from '../../../../shared/schemas/resume';
import { PdfViewer } from '../../components/PdfViewer';
import { SelectField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { useStores } from '../../app/stores-context';

type Entry = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

function entryLine(entry: Entry, keys: readonly string[]): string {
  return keys.map((k) => text(entry[k])).filter(Boolean).join(' · ');
}

function ProfileView({ profile }: { profile: ResumeProfile }) {
  const basics = profile.basics;
  const work = (profile.work ?? []) as Entry[];
  const education = (profile.education ?? []) as Entry[];
  const skills = ((profile.skills ?? []) as Entry[]).map((s) => text(s.name)).filter(Boolean);
  return (
    <div className="profile">
      {basics && (
        <p>
          <strong>{basics.name}</strong>
          {basics.label ? ` — ${basics.label}` : ''}
          {basics.email ? <><br />{basics.email}</> : null}
          {basics.phone ? <><br />{basics.phone}</> : null}
        </p>
      )}
      {basics?.summary && <p className="pre-wrap">{basics.summary}</p>}
      <h3>Experience</h3>
      {work.length === 0 ? <p className="muted">None found.</p> : (
        <ul>{work.map((w, i) => <li key={i}>{entryLine(w, ['position', 'name', 'startDate', 'endDate'])}</li>)}</ul>
      )}
      <h3>Education</h3>
      {education.length === 0 ? <p className="muted">None found.</p> : (
        <ul>{education.map((e, i) => <li key={i}>{entryLine(e, ['studyType', 'area', 'institution', 'endDate'])}</li>)}</ul>
      )}
      <h3>Skills found</h3>
      {skills.length === 0 ? <p className="muted">None found.</p> : (
        <ul className="chips">{skills.map((s) => <li key={s} className="chip">{s}</li>)}</ul>
      )}
    </div>
  );
}

export function ResumePanel() {
  const { candidates } = useStores();
  const resumes = useStore(candidates, (s) => s.resumes);
  const resume = useStore(candidates, (s) => s.resume);
  const pdf = useStore(candidates, (s) => s.resumePdf);
  const error = useStore(candidates, (s) => s.resumeError);
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? resumes[0]?.id ?? null;

  useEffect(() => {
    if (current) void candidates.getState().openResume(current);
  }, [current, candidates]);

  if (resumes.length === 0) return <EmptyState title="No résumé yet"><p>Import a PDF résumé on the Candidates screen.</p></EmptyState>;
  return (
    <div>
      {resumes.length > 1 && (
        <SelectField label="Résumé" value={current ?? ''} onChange={(e) => setSelected(e.target.value)}
          options={resumes.map((r) => ({ value: r.id, label: `${r.fileName} (${new Date(r.createdAt).toLocaleDateString()})` }))} />
      )}
      {error && <ErrorState message={error} onRetry={() => current && void candidates.getState().openResume(current)} />}
      {!error && (!resume || resume.id !== current) && <Loading label="Loading the résumé…" />}
      {resume && resume.id === current && (
        <div className="two-columns">
          <div>
            <h3>Extracted profile</h3>
            {resume.status === 'failed' && <p className="form-error">This résumé could not be read: {resume.parseError?.message}</p>}
            {resume.profile ? <ProfileView profile={resume.profile} /> : resume.status !== 'failed' && <p className="muted">Not read yet ({resume.status}).</p>}
          </div>
          {pdf && <PdfViewer data={pdf} label={`Résumé ${resume.fileName}`} />}
        </div>
      )}
    </div>
  );
}

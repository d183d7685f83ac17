// Every analysis of each of the candidate's résumés, newest first, with "Analyse" per résumé. The
// analysis store keeps them live from the event stream.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ResumeSummary } from '../../../../shared/api/resumes';
import { useStores } from '../../app/stores-context';
import { Button } from '../../components/Button';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { AnalyseDialog } from './AnalyseDialog';
import { AnalysisCard } from './AnalysisCard';

export function AnalysesPanel({ resumes }: { resumes: readonly ResumeSummary[] }) {
  const { analysis, candidates, toasts } = useStores();
  const applications = useStore(candidates, (s) => s.applications);
  const byResume = useStore(analysis, (s) => s.byResume);
  const status = useStore(analysis, (s) => s.status);
  const error = useStore(analysis, (s) => s.error);
  const jobs = useStore(analysis, (s) => s.jobs);
  const [analysing, setAnalysing] = useState<ResumeSummary | null>(null);
  const [cachedIds, setCachedIds] = useState<ReadonlySet<string>>(new Set());
  const resumeKey = resumes.map((r) => r.id).join(',');

  useEffect(() => {
    void analysis.getState().open(resumeKey ? resumeKey.split(',') : []);
    void analysis.getState().loadJobs();
  }, [analysis, resumeKey]);

  if (resumes.length === 0) return <EmptyState title="Nothing to analyse yet"><p>Import a PDF résumé for this candidate first.</p></EmptyState>;
  if (status === 'error') return <ErrorState message={error ?? ''} onRetry={() => void analysis.getState().open(resumes.map((r) => r.id))} />;
  if (status !== 'ready') return <Loading label="Loading the analyses…" />;

  const titleOf = (jobId: string | undefined, adHoc: boolean) => {
    if (jobId) return jobs.find((j) => j.id === jobId)?.title ?? applications.find((a) => a.jobId === jobId)?.jobTitle ?? 'a job';
    return adHoc ? 'a pasted job description' : 'no job (general)';
  };

  return (
    <div className="analyses">
      {resumes.map((resume) => {
        const analyses = byResume.get(resume.id) ?? [];
        return (
          <div key={resume.id} className="analyses-of-resume">
            <div className="analyses-toolbar">
              <p><strong>{resume.fileName}</strong> <span className="muted">({analyses.length} {analyses.length === 1 ? 'analysis' : 'analyses'})</span></p>
              <Button variant="primary" onClick={() => setAnalysing(resume)} aria-label={`Analyse ${resume.fileName}`}>Analyse</Button>
            </div>
            {analyses.length === 0 ? (
              <p className="muted">Not analysed yet. “Analyse” scores the résumé, optionally against a job; the offline analyser needs no set-up.</p>
            ) : (
              analyses.map((a) => <AnalysisCard key={a.id} analysis={a} against={titleOf(a.jobId, Boolean(a.jobDescription))} cached={cachedIds.has(a.id)} />)
            )}
          </div>
        );
      })}
      {analysing && (
        <AnalyseDialog
          resumeId={analysing.id}
          fileName={analysing.fileName}
          onClose={() => setAnalysing(null)}
          onQueued={(accepted) => {
            if (accepted.cached) {
              setCachedIds((ids) => new Set(ids).add(accepted.analysis_id));
              toasts.getState().show('info', 'An identical analysis already exists: it is shown, and nothing new ran or was billed.');
            } else {
              toasts.getState().show('success', 'Analysis queued.');
            }
          }}
        />
      )}
    </div>
  );
}

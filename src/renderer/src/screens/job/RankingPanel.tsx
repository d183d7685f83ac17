// "Rank applicants": queues the analysis of every applicant against the job, shows the task's
// progress, then the ranking (best first) with links to each candidate.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { RankingEntry } from '../../../../shared/api/analysis';
import type { AnalysisProvider } from '../../../../shared/schemas/analysis';
import { ANALYSIS_PROVIDERS } from '../../app/contract';
import { hrefOf } from '../../app/router';
import { VERDICT_LABELS } from '../../app/verdict-labels';
import { useStores } from '../../app/stores-context';
import { Button } from '../../components/Button';
import { DataTable, type Column } from '../../components/DataTable';
import { SelectField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/States';

const DEFAULT = '';

const skillList = (skills: readonly string[]) => (skills.length === 0 ? <span className="muted">—</span> : skills.join(', '));

const COLUMNS: readonly Column<RankingEntry & { rank: number }>[] = [
  { key: 'rank', header: 'Rank', render: (r) => r.rank, className: 'num' },
  {
    key: 'candidate',
    header: 'Candidate',
    render: (r) => (r.candidate_id ? <a href={hrefOf({ name: 'candidate', id: r.candidate_id })}>{r.candidate_name || 'Unnamed candidate'}</a> : <span className="muted">No candidate</span>),
  },
  { key: 'compatibility', header: 'Compatibility', render: (r) => Math.round(r.compatibility), className: 'num' },
  { key: 'overall', header: 'Overall', render: (r) => Math.round(r.overall), className: 'num' },
  { key: 'verdict', header: 'Verdict', render: (r) => <span className={`badge badge-verdict-${r.verdict}`}>{VERDICT_LABELS[r.verdict]}</span> },
  { key: 'matched', header: 'Matched skills', render: (r) => skillList(r.matched_required_skills) },
  { key: 'missing', header: 'Missing skills', render: (r) => skillList(r.missing_required_skills) },
  { key: 'provider', header: 'Provider', render: (r) => `${r.provider}${r.model ? ` · ${r.model}` : ''}` },
];

export function RankingPanel({ jobId, applicants }: { jobId: string; applicants: number }) {
  const { ranking: store, toasts } = useStores();
  const ranking = useStore(store, (s) => (s.jobId === jobId ? s.ranking : null));
  const status = useStore(store, (s) => s.status);
  const error = useStore(store, (s) => s.error);
  const run = useStore(store, (s) => (s.run?.jobId === jobId ? s.run : null));
  const [provider, setProvider] = useState<AnalysisProvider | typeof DEFAULT>(DEFAULT);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    void store.getState().open(jobId);
  }, [store, jobId]);

  const running = run !== null && (run.status === 'queued' || run.status === 'running');
  // Said once, when a run seen running on this screen ends well (not again on coming back).
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && run?.status === 'succeeded') toasts.getState().show('success', 'Ranking finished.');
    wasRunning.current = running;
  }, [running, run?.status, toasts]);

  async function rank() {
    setStarting(true);
    try {
      await store.getState().rank(jobId, provider === DEFAULT ? undefined : provider);
    } catch (e) {
      toasts.getState().show('error', `Could not start the ranking: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setStarting(false);
    }
  }

  const rows = (ranking?.items ?? []).map((entry, i) => ({ ...entry, rank: i + 1 }));
  return (
    <section className="panel" aria-labelledby="ranking-title" data-testid="ranking">
      <div className="analyses-toolbar">
        <h2 id="ranking-title">Ranking</h2>
        <div className="button-row">
          <SelectField
            label="Provider"
            className="inline-field"
            value={provider}
            onChange={(e) => setProvider(e.target.value as AnalysisProvider | typeof DEFAULT)}
            options={[{ value: DEFAULT, label: 'Default' }, ...ANALYSIS_PROVIDERS.map((p) => ({ value: p, label: p === 'mock' ? 'mock (offline)' : p }))]}
          />
          <Button variant="primary" onClick={() => void rank()} busy={starting} disabled={running || applicants === 0} title={applicants === 0 ? 'Add applicants first' : undefined}>
            Rank applicants
          </Button>
        </div>
      </div>
      {run && running && (
        <div className="rank-progress" role="status" aria-live="polite">
          <label htmlFor={`rank-progress-${jobId}`}>
            {run.total > 0 ? `Analysing applicants: ${run.done} of ${run.total}` : run.status === 'queued' ? 'Waiting to start…' : 'Analysing applicants…'}
          </label>
          <progress id={`rank-progress-${jobId}`} max={run.total || 1} value={run.total > 0 ? run.done : undefined} />
        </div>
      )}
      {run?.error && <p className="form-error" role="alert">The ranking did not finish: {run.error}</p>}
      {status === 'error' && !ranking ? (
        <ErrorState message={error ?? ''} onRetry={() => void store.getState().load()} />
      ) : !ranking ? (
        <Loading label="Loading the ranking…" />
      ) : rows.length === 0 ? (
        <EmptyState title="Not ranked yet">
          <p>{applicants === 0 ? 'Add applicants, then rank them against this job.' : '“Rank applicants” analyses every applicant’s résumé against this job and orders them by fit.'}</p>
        </EmptyState>
      ) : (
        <DataTable caption="Applicants ranked by compatibility with the job" columns={COLUMNS} rows={rows} rowKey={(r) => r.resume_id} />
      )}
    </section>
  );
}

// The dashboard of a candidate account: their applications (with withdraw) and the open jobs to apply to.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { useStores } from '../../app/stores-context';
import { STATUS_LABELS } from '../job/status-labels';

const FINAL = new Set(['hired', 'rejected', 'withdrawn']);

export function CandidateHome() {
  const { selfService, toasts } = useStores();
  const { jobs, applications, status, error } = useStore(selfService);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    void selfService.getState().load();
  }, [selfService]);

  async function act(key: string, action: () => Promise<void>, done: string) {
    setBusy(key);
    try {
      await action();
      toasts.getState().show('success', done);
    } catch (e) {
      toasts.getState().show('error', e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  if (status === 'error') return <ErrorState message={error ?? ''} onRetry={() => void selfService.getState().load()} />;
  if (status !== 'ready') return <Loading label="Loading your applications…" />;
  const applied = new Set(applications.map((a) => a.jobId));

  return (
    <>
      <section className="panel" aria-labelledby="my-applications">
        <h2 id="my-applications">My applications</h2>
        {applications.length === 0 ? (
          <EmptyState title="You have not applied yet"><p>Choose an open job below and apply.</p></EmptyState>
        ) : (
          <DataTable caption="My applications" rows={applications} rowKey={(a) => a.id} columns={[
            { key: 'j', header: 'Job', render: (a) => a.jobTitle || 'A job that was removed' },
            { key: 's', header: 'Status', render: (a) => <span className={`badge badge-${a.status}`}>{STATUS_LABELS[a.status]}</span> },
            { key: 'u', header: 'Updated', render: (a) => new Date(a.updatedAt).toLocaleDateString() },
            {
              key: 'w', header: 'Actions', render: (a) => FINAL.has(a.status) ? null : (
                <Button variant="ghost" busy={busy === a.id} aria-label={`Withdraw application to ${a.jobTitle}`}
                  onClick={() => void act(a.id, () => selfService.getState().withdraw(a.id), 'Application withdrawn.')}>Withdraw</Button>
              ),
            },
          ]} />
        )}
      </section>
      <section className="panel" aria-labelledby="open-jobs">
        <h2 id="open-jobs">Open jobs</h2>
        {jobs.length === 0 ? (
          <EmptyState title="No open jobs right now" />
        ) : (
          <DataTable caption="Open jobs" rows={jobs} rowKey={(j) => j.id} columns={[
            { key: 't', header: 'Job', render: (j) => j.title },
            { key: 'c', header: 'Company', render: (j) => j.company || '—' },
            { key: 'l', header: 'Location', render: (j) => `${j.location || '—'}${j.remote ? ' (remote)' : ''}` },
            {
              key: 'a', header: 'Actions', render: (j) => applied.has(j.id) ? <span className="muted">Applied</span> : (
                <Button variant="primary" busy={busy === j.id} aria-label={`Apply to ${j.title}`}
                  onClick={() => void act(j.id, () => selfService.getState().apply(j.id), `You applied to ${j.title}.`)}>Apply</Button>
              ),
            },
          ]} />
        )}
      </section>
    </>
  );
}

// One job: its details and its pipeline as a board of applications by status. Applications move by
// dragging a card to a column or, from the keyboard, with the card's "Move" button; both ask for
// an optional note before the move is sent.
import { useEffect, useState, type DragEvent } from 'react';
import { useStore } from 'zustand';
import type { ApplicationOut } from '../../../../shared/api/applications';
import type { ApplicationStatus } from '../../../../shared/schemas/application';
import { APPLICATION_STATUSES } from '../../app/contract';
import { Button } from '../../components/Button';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { Screen } from '../../app/Screen';
import { hrefOf } from '../../app/router';
import { useStores } from '../../app/stores-context';
import { DeleteJobDialog } from '../jobs/DeleteJobDialog';
import { JobForm } from '../jobs/JobForm';
import { AddApplicantDialog } from './AddApplicantDialog';
import { MoveDialog } from './MoveDialog';
import { RankingPanel } from './RankingPanel';
import { STATUS_LABELS } from './status-labels';


const DRAG_TYPE = 'application/x-recruiting-desk-application';

export function JobScreen({ id }: { id: string }) {
  const { jobs, toasts } = useStores();
  const job = useStore(jobs, (s) => s.job);
  const jobStatus = useStore(jobs, (s) => s.jobStatus);
  const jobError = useStore(jobs, (s) => s.jobError);
  const applications = useStore(jobs, (s) => s.applications);
  const [moving, setMoving] = useState<{ application: ApplicationOut; to?: ApplicationStatus } | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [adding, setAdding] = useState(false);
  const [dropTarget, setDropTarget] = useState<ApplicationStatus | null>(null);

  useEffect(() => {
    void jobs.getState().openJob(id);
    return () => jobs.getState().closeJob();
  }, [jobs, id]);

  if (jobStatus === 'error' && (!job || job.id !== id)) {
    return (
      <Screen name="job" title="Job">
        <ErrorState message={jobError ?? ''} onRetry={() => void jobs.getState().openJob(id)} />
        <p><a href={hrefOf({ name: 'jobs' })}>Back to the jobs</a></p>
      </Screen>
    );
  }
  if (!job || job.id !== id) {
    return (
      <Screen name="job" title="Job">
        <Loading label="Loading the job…" />
      </Screen>
    );
  }

  const byStatus = new Map<ApplicationStatus, ApplicationOut[]>(APPLICATION_STATUSES.map((s) => [s, []]));
  for (const application of applications) byStatus.get(application.status)?.push(application);

  function onDrop(status: ApplicationStatus, event: DragEvent) {
    event.preventDefault();
    setDropTarget(null);
    const applicationId = event.dataTransfer.getData(DRAG_TYPE);
    const application = applications.find((a) => a.id === applicationId);
    if (application && application.status !== status) setMoving({ application, to: status });
  }

  const current = job;
  return (
    <Screen
      name="job"
      title={current.title}
      actions={
        <>
          <Button variant="primary" onClick={() => setAdding(true)} disabled={current.status !== 'open'} title={current.status !== 'open' ? 'Reopen the job to add applicants' : undefined}>
            Add applicant
          </Button>
          <Button onClick={() => setEditing(true)}>Edit job</Button>
          <Button
            onClick={() =>
              void jobs
                .getState()
                .update(current.id, { status: current.status === 'open' ? 'closed' : 'open' })
                .catch((e: unknown) => toasts.getState().show('error', e instanceof Error ? e.message : String(e)))
            }
          >
            {current.status === 'open' ? 'Close job' : 'Reopen job'}
          </Button>
          <Button variant="danger" onClick={() => setDeleting(true)}>Delete job</Button>
        </>
      }
    >
      <p className="breadcrumb"><a href={hrefOf({ name: 'jobs' })}>Jobs</a> › {current.title}</p>
      <dl className="facts">
        <div><dt>Company</dt><dd>{current.company || '—'}</dd></div>
        <div><dt>Location</dt><dd>{current.location || '—'}{current.remote ? ' (remote)' : ''}</dd></div>
        <div><dt>Status</dt><dd><span className={`badge badge-${current.status}`}>{current.status}</span></dd></div>
        <div><dt>Salary</dt><dd>{salaryText(current.salaryMin, current.salaryMax, current.salaryCurrency)}</dd></div>
        <div><dt>Required skills</dt><dd>{current.requiredSkills.join(', ') || '—'}</dd></div>
        <div><dt>Nice to have</dt><dd>{current.niceToHaveSkills.join(', ') || '—'}</dd></div>
      </dl>
      {current.description && <details className="panel"><summary>Description</summary><p className="pre-wrap">{current.description}</p></details>}

      <h2 id="pipeline-title">Pipeline</h2>
      {applications.length === 0 ? (
        <EmptyState title="No applicants yet" action={current.status === 'open' ? <Button onClick={() => setAdding(true)}>Add an applicant</Button> : undefined}>
          <p>Add candidates to this job, or import résumés and apply them here.</p>
        </EmptyState>
      ) : (
        <div className="board" role="list" aria-labelledby="pipeline-title">
          {APPLICATION_STATUSES.map((status) => {
            const cards = byStatus.get(status) ?? [];
            return (
              <div
                key={status}
                role="listitem"
                className={`board-column${dropTarget === status ? ' board-drop' : ''}`}
                aria-label={`${STATUS_LABELS[status]}: ${cards.length}`}
                data-status={status}
                onDragOver={(e) => {
                  if (e.dataTransfer.types.includes(DRAG_TYPE)) {
                    e.preventDefault();
                    setDropTarget(status);
                  }
                }}
                onDragLeave={() => setDropTarget((t) => (t === status ? null : t))}
                onDrop={(e) => onDrop(status, e)}
              >
                <h3>{STATUS_LABELS[status]} <span className="count">{cards.length}</span></h3>
                <ul>
                  {cards.map((application) => (
                    <li
                      key={application.id}
                      className="board-card"
                      draggable
                      onDragStart={(e) => {
                        e.dataTransfer.setData(DRAG_TYPE, application.id);
                        e.dataTransfer.effectAllowed = 'move';
                      }}
                    >
                      <a href={hrefOf({ name: 'candidate', id: application.candidateId })}>{application.candidateName || 'Unknown candidate'}</a>
                      {application.candidateEmail && <span className="muted">{application.candidateEmail}</span>}
                      <span className="muted">Updated {new Date(application.updatedAt).toLocaleDateString()}</span>
                      <Button variant="ghost" aria-label={`Move ${application.candidateName || 'application'}`} onClick={() => setMoving({ application })}>
                        Move…
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      )}

      <RankingPanel jobId={current.id} applicants={applications.length} />

      {moving && (
        <MoveDialog
          application={moving.application}
          {...(moving.to ? { initialStatus: moving.to } : {})}
          onClose={() => setMoving(null)}
          onMove={async (to, note) => {
            await jobs.getState().move(moving.application.id, to, note);
            toasts.getState().show('success', `${moving.application.candidateName || 'Application'} moved to ${STATUS_LABELS[to]}.`);
          }}
        />
      )}
      {editing && (
        <JobForm
          job={current}
          onClose={() => setEditing(false)}
          onSave={async (body) => {
            await jobs.getState().replace(current.id, body);
            toasts.getState().show('success', 'Job saved.');
          }}
        />
      )}
      {deleting && <DeleteJobDialog job={current} leaveAfter onClose={() => setDeleting(false)} />}
      {adding && <AddApplicantDialog jobId={current.id} onClose={() => setAdding(false)} />}
    </Screen>
  );
}

function salaryText(min: number | undefined, max: number | undefined, currency: string | undefined): string {
  if (min === undefined && max === undefined) return '—';
  const format = (n: number) => n.toLocaleString();
  const range = min !== undefined && max !== undefined ? `${format(min)}–${format(max)}` : min !== undefined ? `from ${format(min)}` : `up to ${format(max ?? 0)}`;
  return currency ? `${range} ${currency}` : range;
}

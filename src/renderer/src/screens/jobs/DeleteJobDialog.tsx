// Deleting a job: asks first; when the job has applications the API refuses (409) and the dialog
// offers to close the job instead or to delete it with its applications.
import { useState } from 'react';
import { ApiError } from '../../../../shared/api/client';
import type { JobOut } from '../../../../shared/api/jobs';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { navigate } from '../../app/router';
import { useStores } from '../../app/stores-context';

export function DeleteJobDialog({ job, onClose, leaveAfter = false }: { job: JobOut; onClose: () => void; leaveAfter?: boolean }) {
  const { jobs, toasts } = useStores();
  const [hasApplications, setHasApplications] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove(force: boolean) {
    setBusy(true);
    setError(null);
    try {
      await jobs.getState().remove(job.id, force);
      toasts.getState().show('success', `“${job.title}” deleted.`);
      onClose();
      if (leaveAfter) navigate({ name: 'jobs' });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setHasApplications(e.message);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function closeInstead() {
    setBusy(true);
    try {
      await jobs.getState().update(job.id, { status: 'closed' });
      toasts.getState().show('success', `“${job.title}” closed.`);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={`Delete “${job.title}”?`}
      onClose={onClose}
      actions={
        hasApplications ? (
          <>
            <Button onClick={onClose}>Keep it</Button>
            <Button onClick={() => void closeInstead()} busy={busy}>Close the job instead</Button>
            <Button variant="danger" onClick={() => void remove(true)} busy={busy}>Delete with its applications</Button>
          </>
        ) : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="danger" onClick={() => void remove(false)} busy={busy}>Delete job</Button>
          </>
        )
      }
    >
      {hasApplications ? <p>{hasApplications}</p> : <p>The job posting is removed for everyone. This cannot be undone.</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
    </Dialog>
  );
}

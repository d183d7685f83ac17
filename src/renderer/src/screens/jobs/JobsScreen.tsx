// Jobs: search, filters, sortable columns, paging; create, edit, close and delete.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { ApiError } from '../../../../shared/api/client';
import type { JobOut, JobSort } from '../../../../shared/api/jobs';
import { Button } from '../../components/Button';
import { DataTable, Pager, type Column } from '../../components/DataTable';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { Screen } from '../../app/Screen';
import { hrefOf, useHashParams } from '../../app/router';
import { useStores } from '../../app/stores-context';
import { DeleteJobDialog } from './DeleteJobDialog';
import { JobForm } from './JobForm';

const SEARCH_DEBOUNCE_MS = 250;

type Editing = { job: JobOut | null } | null;

export function JobsScreen() {
  const { jobs, toasts } = useStores();
  const { query, items, total, status, error } = useStore(jobs);
  const params = useHashParams();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<JobOut | null>(null);
  const [keyword, setKeyword] = useState(query.keyword ?? '');
  const [location, setLocation] = useState(query.location ?? '');

  useEffect(() => {
    void jobs.getState().load();
  }, [jobs]);

  // "#/jobs?new=1" (the dashboard's first step) opens the new-job form.
  const wantsNew = params.get('new') === '1';
  useEffect(() => {
    if (wantsNew) {
      setEditing({ job: null });
      window.history.replaceState(null, '', hrefOf({ name: 'jobs' }));
    }
  }, [wantsNew]);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const state = jobs.getState();
      const next = { keyword: keyword.trim() || undefined, location: location.trim() || undefined };
      if (next.keyword !== state.query.keyword || next.location !== state.query.location) state.setQuery(next);
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [keyword, location, jobs]);

  const sort = query.sort ?? '-createdAt';
  const sortState = { key: sort.replace(/^-/, ''), descending: sort.startsWith('-') };
  const onSort = (key: string) => {
    const next = (sortState.key === key && !sortState.descending ? `-${key}` : key) as JobSort;
    jobs.getState().setQuery({ sort: next });
  };

  async function setStatus(job: JobOut, next: 'open' | 'closed') {
    try {
      await jobs.getState().update(job.id, { status: next });
      toasts.getState().show('success', next === 'closed' ? `“${job.title}” closed.` : `“${job.title}” reopened.`);
    } catch (e) {
      toasts.getState().show('error', e instanceof ApiError ? e.message : String(e));
    }
  }

  const columns: Column<JobOut>[] = [
    { key: 'title', header: 'Title', sortKey: 'title', render: (j) => <a href={hrefOf({ name: 'job', id: j.id })}>{j.title}</a> },
    { key: 'company', header: 'Company', sortKey: 'company', render: (j) => j.company || '—' },
    { key: 'location', header: 'Location', sortKey: 'location', render: (j) => `${j.location || '—'}${j.remote ? ' (remote)' : ''}` },
    { key: 'status', header: 'Status', render: (j) => <span className={`badge badge-${j.status}`}>{j.status}</span> },
    { key: 'created', header: 'Posted', sortKey: 'createdAt', render: (j) => new Date(j.createdAt).toLocaleDateString() },
    {
      key: 'actions',
      header: 'Actions',
      className: 'cell-actions',
      render: (j) => (
        <div className="button-row">
          <Button variant="ghost" aria-label={`Edit ${j.title}`} onClick={() => setEditing({ job: j })}>Edit</Button>
          {j.status === 'open' ? (
            <Button variant="ghost" aria-label={`Close ${j.title}`} onClick={() => void setStatus(j, 'closed')}>Close</Button>
          ) : (
            <Button variant="ghost" aria-label={`Reopen ${j.title}`} onClick={() => void setStatus(j, 'open')}>Reopen</Button>
          )}
          <Button variant="ghost" aria-label={`Delete ${j.title}`} onClick={() => setDeleting(j)}>Delete</Button>
        </div>
      ),
    },
  ];

  const filtered = Boolean(query.keyword || query.location || query.status || query.remote !== undefined);
  let body;
  if (status === 'error') body = <ErrorState message={error ?? ''} onRetry={() => void jobs.getState().load()} />;
  else if (status !== 'ready' && items.length === 0) body = <Loading label="Loading jobs…" />;
  else if (items.length === 0 && filtered) body = <EmptyState title="No job matches these filters">
    <p>Try fewer words, or clear the filters.</p>
  </EmptyState>;
  else if (items.length === 0) body = <EmptyState title="No jobs yet" action={<Button variant="primary" onClick={() => setEditing({ job: null })}>Create a job</Button>}>
    <p>Post the first job, then add or import candidates to it.</p>
  </EmptyState>;
  else
    body = (
      <>
        <DataTable caption="Jobs" columns={columns} rows={items} rowKey={(j) => j.id} sort={sortState} onSort={onSort} />
        <Pager label="Jobs pages" total={total} skip={query.skip ?? 0} limit={query.limit ?? 20} onPage={(skip) => jobs.getState().setQuery({ skip })} />
      </>
    );

  return (
    <Screen name="jobs" title="Jobs" actions={<Button variant="primary" onClick={() => setEditing({ job: null })}>New job</Button>}>
      <form className="filters" role="search" aria-label="Filter jobs" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Search jobs" type="search" value={keyword} onChange={(e) => setKeyword(e.target.value)} placeholder="Title, skills, description" />
        <TextField label="Filter by location" value={location} onChange={(e) => setLocation(e.target.value)} />
        <SelectField
          label="Filter by status"
          value={query.status ?? ''}
          onChange={(e) => jobs.getState().setQuery({ status: e.target.value === 'open' || e.target.value === 'closed' ? e.target.value : undefined })}
          options={[{ value: '', label: 'Any' }, { value: 'open', label: 'Open' }, { value: 'closed', label: 'Closed' }]}
        />
        <SelectField
          label="Filter by remote"
          value={query.remote === undefined ? '' : String(query.remote)}
          onChange={(e) => jobs.getState().setQuery({ remote: e.target.value === '' ? undefined : e.target.value === 'true' })}
          options={[{ value: '', label: 'Any' }, { value: 'true', label: 'Remote only' }, { value: 'false', label: 'On-site only' }]}
        />
        <SelectField
          label="Sort by"
          value={sort}
          onChange={(e) => jobs.getState().setQuery({ sort: e.target.value as JobSort })}
          options={[
            { value: '-createdAt', label: 'Newest first' },
            { value: 'createdAt', label: 'Oldest first' },
            { value: 'title', label: 'Title A–Z' },
            { value: '-title', label: 'Title Z–A' },
            { value: '-salaryMax', label: 'Highest salary' },
            { value: 'location', label: 'Location' },
          ]}
        />
      </form>
      <div aria-live="polite" className="visually-hidden">
        {status === 'ready' ? `${total} jobs found` : ''}
      </div>
      {body}
      {editing && (
        <JobForm
          job={editing.job}
          onClose={() => setEditing(null)}
          onSave={async (body) => {
            if (editing.job) await jobs.getState().replace(editing.job.id, body);
            else await jobs.getState().create(body);
            toasts.getState().show('success', editing.job ? 'Job saved.' : `Job “${body.title}” created.`);
          }}
        />
      )}
      {deleting && <DeleteJobDialog job={deleting} onClose={() => setDeleting(null)} />}
    </Screen>
  );
}

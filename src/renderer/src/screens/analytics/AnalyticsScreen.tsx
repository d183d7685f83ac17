// Analytics (admin): the eight dashboard statistics as charts with the same figures in tables,
// refreshed when the event stream reports changes.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { Button } from '../../components/Button';
import { ChartView, palette } from '../../components/Chart';
import { DataTable } from '../../components/DataTable';
import { TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { Screen } from '../../app/Screen';
import { hrefOf } from '../../app/router';
import { useStores } from '../../app/stores-context';
import type { DashboardData } from '../../stores/dashboard';
import { STATUS_LABELS } from '../job/status-labels';
import { OverviewCards } from './OverviewCards';

/** Changes arrive in bursts (an import of 50 files): refresh once the burst settles. */
const LIVE_REFRESH_MS = 1500;
/** Without the event stream (offline core, proxy), the figures are read again this often. */
const POLL_MS = 30_000;

export function AnalyticsScreen() {
  const { dashboard, stream, connectivity } = useStores();
  const streamState = useStore(connectivity, (s) => s.stream);
  const data = useStore(dashboard, (s) => s.data);
  const status = useStore(dashboard, (s) => s.status);
  const error = useStore(dashboard, (s) => s.error);
  const lastLoadedAt = useStore(dashboard, (s) => s.lastLoadedAt);

  useEffect(() => {
    void dashboard.getState().load();
    let timer: number | undefined;
    const off = stream.subscribe('*', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void dashboard.getState().load(), LIVE_REFRESH_MS);
    });
    return () => {
      off();
      window.clearTimeout(timer);
    };
  }, [dashboard, stream]);

  useEffect(() => {
    if (streamState === 'open') return;
    const timer = window.setInterval(() => void dashboard.getState().load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [streamState, dashboard]);

  return (
    <Screen name="analytics" title="Analytics" actions={<Button onClick={() => void dashboard.getState().load()}>Refresh</Button>}>
      {lastLoadedAt && <p className="muted" aria-live="polite">Updated {new Date(lastLoadedAt).toLocaleTimeString()}</p>}
      {status === 'error' && data && <p className="form-error" role="alert">Could not refresh: {error}</p>}
      {status === 'error' && !data && <ErrorState message={error ?? ''} onRetry={() => void dashboard.getState().load()} />}
      {status !== 'error' && !data && <Loading label="Loading the statistics…" />}
      {data && <Statistics data={data} />}
    </Screen>
  );
}

function Statistics({ data }: { data: DashboardData }) {
  const colours = useMemo(() => palette(), []);
  const locations = data.jobsPerLocation.items;
  const perJob = data.applicationsPerJob.items;
  const days = data.daily.days;
  const breakdown = data.statusBreakdown.items;

  const charts = useMemo(
    () => ({
      location: { labels: locations.map((l) => l.location || 'Unspecified'), datasets: [
        { label: 'Jobs', data: locations.map((l) => l.jobs), backgroundColor: colours[0] },
        { label: 'Open jobs', data: locations.map((l) => l.openJobs), backgroundColor: colours[1] },
      ] },
      perJob: { labels: perJob.map((j) => j.title || 'Deleted job'), datasets: [{ label: 'Applications', data: perJob.map((j) => j.applications), backgroundColor: colours[2] }] },
      daily: { labels: days.map((d) => d.date), datasets: [{ label: 'Applications', data: days.map((d) => d.applications), borderColor: colours[0], backgroundColor: colours[0], tension: 0.2 }] },
      status: { labels: breakdown.map((s) => STATUS_LABELS[s.status]), datasets: [{ label: 'Applications', data: breakdown.map((s) => s.count), backgroundColor: colours }] },
    }),
    [locations, perJob, days, breakdown, colours],
  );

  return (
    <div className="analytics">
      <section aria-labelledby="stat-overview" className="panel span-all">
        <h2 id="stat-overview">Overview</h2>
        <OverviewCards overview={data.overview} />
      </section>

      <section aria-labelledby="stat-daily" className="panel span-all">
        <h2 id="stat-daily">Daily applications</h2>
        <RangeForm />
        <p className="muted">{data.daily.total} applications from {data.daily.from} to {data.daily.to} ({data.daily.tz})</p>
        <ChartView type="line" label={`Applications per day from ${data.daily.from} to ${data.daily.to}`} labels={charts.daily.labels} datasets={charts.daily.datasets} />
      </section>

      <section aria-labelledby="stat-location" className="panel">
        <h2 id="stat-location">Jobs per location</h2>
        {locations.length === 0 ? <EmptyState title="No jobs yet" /> : (
          <>
            <ChartView type="bar" label="Jobs and open jobs per location" labels={charts.location.labels} datasets={charts.location.datasets} />
            <DataTable caption="Jobs per location" rows={locations} rowKey={(l) => l.location} columns={[
              { key: 'l', header: 'Location', render: (l) => l.location || 'Unspecified' },
              { key: 'j', header: 'Jobs', render: (l) => l.jobs },
              { key: 'o', header: 'Open', render: (l) => l.openJobs },
            ]} />
          </>
        )}
      </section>

      <section aria-labelledby="stat-status" className="panel">
        <h2 id="stat-status">Application status breakdown</h2>
        {data.statusBreakdown.total === 0 ? <EmptyState title="No applications yet" /> : (
          <>
            <ChartView type="doughnut" label="Applications per status" labels={charts.status.labels} datasets={charts.status.datasets} />
            <DataTable caption="Applications per status" rows={breakdown} rowKey={(s) => s.status} columns={[
              { key: 's', header: 'Status', render: (s) => STATUS_LABELS[s.status] },
              { key: 'c', header: 'Applications', render: (s) => s.count },
            ]} />
          </>
        )}
      </section>

      <section aria-labelledby="stat-per-job" className="panel">
        <h2 id="stat-per-job">Applications per job</h2>
        {perJob.length === 0 ? <EmptyState title="No jobs yet" /> : (
          <>
            <ChartView type="bar" horizontal label="Applications per job" labels={charts.perJob.labels} datasets={charts.perJob.datasets} height={Math.max(200, perJob.length * 24)} />
            <p className="muted">Showing {perJob.length} of {data.applicationsPerJob.total} jobs.</p>
          </>
        )}
      </section>

      <section aria-labelledby="stat-most-applied" className="panel">
        <h2 id="stat-most-applied">Most applied jobs</h2>
        {data.mostAppliedJobs.items.length === 0 ? <EmptyState title="No applications yet" /> : (
          <DataTable caption="Most applied jobs" rows={data.mostAppliedJobs.items} rowKey={(j) => j.jobId} columns={[
            { key: 't', header: 'Job', render: (j) => <a href={hrefOf({ name: 'job', id: j.jobId })}>{j.title || 'Deleted job'}</a> },
            { key: 'l', header: 'Location', render: (j) => j.location || '—' },
            { key: 's', header: 'Status', render: (j) => j.status },
            { key: 'a', header: 'Applications', render: (j) => j.applications },
          ]} />
        )}
      </section>

      <section aria-labelledby="stat-active" className="panel">
        <h2 id="stat-active">Most active candidates</h2>
        {data.mostActiveCandidates.items.length === 0 ? <EmptyState title="No applications yet" /> : (
          <DataTable caption="Most active candidates" rows={data.mostActiveCandidates.items} rowKey={(c) => c.candidateId} columns={[
            { key: 'n', header: 'Candidate', render: (c) => <a href={hrefOf({ name: 'candidate', id: c.candidateId })}>{c.name || 'Deleted candidate'}</a> },
            { key: 'a', header: 'Applications', render: (c) => c.applications },
            { key: 'l', header: 'Last activity', render: (c) => new Date(c.lastActivityAt).toLocaleString() },
          ]} />
        )}
      </section>

      <section aria-labelledby="stat-recent" className="panel">
        <h2 id="stat-recent">Recent activity</h2>
        {data.recentActivity.items.length === 0 ? <EmptyState title="Nothing has happened yet" /> : (
          <ul className="activity-list">
            {data.recentActivity.items.map((a) => (
              <li key={a.id}>
                <time dateTime={new Date(a.at).toISOString()}>{new Date(a.at).toLocaleString()}</time> {a.summary || a.action}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function RangeForm() {
  const { dashboard } = useStores();
  const range = useStore(dashboard, (s) => s.range);
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [problem, setProblem] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (from && to && from > to) {
      setProblem('The first day is after the last day.');
      return;
    }
    setProblem(undefined);
    dashboard.getState().setRange({ from, to });
  }

  return (
    <form className="filters" onSubmit={submit} aria-label="Date range">
      <TextField label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} error={problem} />
      <TextField label="To" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      <Button type="submit">Show range</Button>
    </form>
  );
}

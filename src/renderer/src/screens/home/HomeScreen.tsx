// The dashboard a user lands on: the headline figures, and on a fresh install the first steps.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { Button } from '../../components/Button';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { Screen } from '../../app/Screen';
import { hrefOf } from '../../app/router';
import { useStores } from '../../app/stores-context';
import { OverviewCards } from '../analytics/OverviewCards';
import { CandidateHome } from './CandidateHome';

export function HomeScreen() {
  const stores = useStores();
  const role = useStore(stores.session, (s) => s.user?.role);
  const staff = role === 'admin' || role === 'recruiter';
  return (
    <Screen name="dashboard" title="Dashboard">
      {staff ? <StaffDashboard /> : <CandidateHome />}
    </Screen>
  );
}

function StaffDashboard() {
  const { dashboard, jobs, toasts } = useStores();
  const data = useStore(dashboard, (s) => s.data);
  const status = useStore(dashboard, (s) => s.status);
  const error = useStore(dashboard, (s) => s.error);
  const [seeding, setSeeding] = useState(false);

  useEffect(() => {
    void dashboard.getState().load();
  }, [dashboard]);

  async function addSamples() {
    setSeeding(true);
    try {
      const inserted = await jobs.getState().seed();
      toasts.getState().show('success', `${inserted} sample jobs added.`);
      await dashboard.getState().load();
    } catch (e) {
      toasts.getState().show('error', `Could not add the sample jobs: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSeeding(false);
    }
  }

  if (status === 'error' && !data) return <ErrorState message={error ?? ''} onRetry={() => void dashboard.getState().load()} />;
  if (!data) return <Loading label="Loading the figures…" />;

  const overview = data.overview;
  const fresh = overview.totalJobs === 0 && overview.totalCandidates === 0;
  return (
    <>
      {fresh ? (
        <EmptyState title="Nothing here yet — start with a job" action={
          <div className="button-row">
            <a className="btn btn-primary" href={`${hrefOf({ name: 'jobs' })}?new=1`}>Create your first job</a>
            <Button onClick={() => void addSamples()} busy={seeding}>Add sample jobs</Button>
          </div>
        }>
          <ol className="first-steps">
            <li>Create a job posting (or add the sample jobs to explore).</li>
            <li>Import résumés on the Candidates screen: drop PDF files or pick a folder.</li>
            <li>Analyse and rank the applicants of a job, then move them through its pipeline.</li>
          </ol>
          <p>Everything works offline with the built-in analyser; AI providers can be added in Settings.</p>
        </EmptyState>
      ) : (
        <OverviewCards overview={overview} />
      )}
      {!fresh && data.recentActivity.items.length > 0 && (
        <section className="panel" aria-labelledby="home-recent">
          <h2 id="home-recent">Recent activity</h2>
          <ul className="activity-list">
            {data.recentActivity.items.slice(0, 8).map((a) => (
              <li key={a.id}>
                <time dateTime={new Date(a.at).toISOString()}>{new Date(a.at).toLocaleString()}</time> {a.summary}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

// The app: first run, sign-in, or the signed-in layout with the screen of the current route.
// Also wires the always-on pieces: online/offline, the core's reachability and the event stream.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { ErrorState, Loading } from '../components/States';
import { Toasts } from '../components/Toasts';
import { SetupScreen } from '../screens/setup/SetupScreen';
import { SignInScreen } from '../screens/sign-in/SignInScreen';
import { Layout } from './Layout';
import { RouteView } from './RouteView';
import { useStores } from './stores-context';

/** How often the core's /health is asked while it does not answer. */
const REACHABILITY_RETRY_MS = 5000;

export function App() {
  const stores = useStores();
  const status = useStore(stores.session, (s) => s.status);
  const error = useStore(stores.session, (s) => s.error);
  const coreReachable = useStore(stores.connectivity, (s) => s.coreReachable);

  useEffect(() => {
    void stores.session.getState().init();
    void stores.connectivity.getState().checkCore();
    const online = () => stores.connectivity.getState().setOnline(true);
    const offline = () => stores.connectivity.getState().setOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [stores]);

  useEffect(() => {
    if (coreReachable) return;
    const timer = window.setInterval(() => void stores.connectivity.getState().checkCore(), REACHABILITY_RETRY_MS);
    return () => window.clearInterval(timer);
  }, [coreReachable, stores]);

  // The event stream and the task list run while someone is signed in.
  useEffect(() => {
    if (status !== 'signed-in') return;
    const role = stores.session.getState().user?.role;
    if (role === 'candidate') return;
    const stopFollowing = stores.tasks.getState().follow(stores.stream);
    const stopImports = stores.imports.getState().follow(stores.stream);
    const stopAnalyses = stores.analysis.getState().follow(stores.stream);
    const stopRanking = stores.ranking.getState().follow(stores.stream);
    const stopJobs = stores.jobs.getState().follow(stores.stream);
    stores.stream.start();
    return () => {
      stopFollowing();
      stopImports();
      stopAnalyses();
      stopRanking();
      stopJobs();
      stores.stream.stop();
    };
  }, [status, stores]);

  // Sign out when the token runs out, so an idle window shows the sign-in screen, not failing requests.
  const expiresAt = useStore(stores.session, (s) => s.expiresAt);
  useEffect(() => {
    if (status !== 'signed-in' || expiresAt === 0) return;
    // setTimeout holds at most ~24.8 days; tokens live minutes to hours.
    const timer = window.setTimeout(() => stores.session.getState().expire(), Math.min(Math.max(0, expiresAt - Date.now()), 2 ** 31 - 1));
    return () => window.clearTimeout(timer);
  }, [status, expiresAt, stores]);

  // Each time the stream (re)opens, events may have been missed: read the task list and the open job again.
  const streamState = useStore(stores.connectivity, (s) => s.stream);
  useEffect(() => {
    if (streamState === 'open') {
      void stores.tasks.getState().refresh();
      void stores.jobs.getState().refreshOpenJob();
    }
    // A dropped stream is the first sign the core may have gone away.
    if (streamState === 'connecting') void stores.connectivity.getState().checkCore();
  }, [streamState, stores]);

  let body;
  if (status === 'checking') {
    body = (
      <main className="centered" data-screen="starting">
        <Loading label="Connecting to the app core…" />
      </main>
    );
  } else if (status === 'unreachable') {
    body = (
      <main className="centered" data-screen="unreachable">
        <ErrorState title="The app core does not answer" message={error ?? 'It may be stopped or still starting.'} onRetry={() => void stores.session.getState().init()} />
      </main>
    );
  } else if (status === 'needs-setup') {
    body = <SetupScreen />;
  } else if (status === 'signed-out') {
    body = <SignInScreen />;
  } else {
    body = (
      <Layout>
        <RouteView />
      </Layout>
    );
  }

  return (
    <>
      {body}
      <Toasts />
    </>
  );
}

// The screen for the current route; admin-only screens say so instead of failing with 403s.
import { lazy, Suspense } from 'react';
import { useStore } from 'zustand';
import { EmptyState, Loading } from '../components/States';
import { CandidateScreen } from '../screens/candidate/CandidateScreen';
import { CandidatesScreen } from '../screens/candidates/CandidatesScreen';
import { HomeScreen } from '../screens/home/HomeScreen';
import { JobScreen } from '../screens/job/JobScreen';
import { JobsScreen } from '../screens/jobs/JobsScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { UsersScreen } from '../screens/users/UsersScreen';
import { Screen } from './Screen';
import { hrefOf, useRoute } from './router';
import { useStores } from './stores-context';

// chart.js is only needed by analytics: loaded when that screen first opens, not at start.
const AnalyticsScreen = lazy(() => import('../screens/analytics/AnalyticsScreen').then((m) => ({ default: m.AnalyticsScreen })));

export function RouteView() {
  const route = useRoute();
  const role = useStore(useStores().session, (s) => s.user?.role);
  const staff = role === 'admin' || role === 'recruiter';

  if (!staff && route.name !== 'home' && route.name !== 'settings') return <NotAllowed />;
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'jobs':
      return <JobsScreen />;
    case 'job':
      return <JobScreen id={route.id} />;
    case 'candidates':
      return <CandidatesScreen />;
    case 'candidate':
      return <CandidateScreen id={route.id} />;
    case 'analytics':
      return role === 'admin' ? (
        <Suspense fallback={<Loading label="Loading analytics…" />}>
          <AnalyticsScreen />
        </Suspense>
      ) : (
        <NotAllowed />
      );
    case 'users':
      return role === 'admin' ? <UsersScreen /> : <NotAllowed />;
    case 'settings':
      return <SettingsScreen />;
    case 'not-found':
      return (
        <Screen name="not-found" title="Page not found">
          <EmptyState title="There is nothing here" action={<a href={hrefOf({ name: 'home' })}>Go to the dashboard</a>}>
            <p>The address {route.path} does not lead to a screen of the app.</p>
          </EmptyState>
        </Screen>
      );
  }
}

function NotAllowed() {
  return (
    <Screen name="forbidden" title="Not available">
      <EmptyState title="This screen is not available to your account" action={<a href={hrefOf({ name: 'home' })}>Go to the dashboard</a>}>
        <p>Ask an administrator if you need access.</p>
      </EmptyState>
    </Screen>
  );
}

// The signed-in frame: a skip link, the navigation, the always-visible background-task and
// connection indicators, the account menu, and the main landmark holding the current screen.
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { ConnectionStatus } from './ConnectionStatus';
import { hrefOf, useRoute, type Route } from './router';
import { useStores } from './stores-context';
import { TasksIndicator } from './TasksIndicator';
import { APP_NAME } from './Screen';

interface NavItem {
  route: Route;
  label: string;
  matches: Route['name'][];
  adminOnly?: boolean;
  staffOnly?: boolean;
}

const NAV: NavItem[] = [
  { route: { name: 'home' }, label: 'Dashboard', matches: ['home'] },
  { route: { name: 'jobs' }, label: 'Jobs', matches: ['jobs', 'job'], staffOnly: true },
  { route: { name: 'candidates' }, label: 'Candidates', matches: ['candidates', 'candidate'], staffOnly: true },
  { route: { name: 'analytics' }, label: 'Analytics', matches: ['analytics'], adminOnly: true },
  { route: { name: 'users' }, label: 'Users', matches: ['users'], adminOnly: true },
  { route: { name: 'settings' }, label: 'Settings', matches: ['settings'] },
];

export function Layout({ children }: { children: ReactNode }) {
  const stores = useStores();
  const route = useRoute();
  const user = useStore(stores.session, (s) => s.user);
  const role = user?.role;
  const items = NAV.filter((item) => (!item.adminOnly || role === 'admin') && (!item.staffOnly || role === 'admin' || role === 'recruiter'));

  return (
    <div className="layout">
      <a className="skip-link" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">{APP_NAME}</span>
        <div className="topbar-status">
          {(role === 'admin' || role === 'recruiter') && <TasksIndicator />}
          <ConnectionStatus />
        </div>
        <div className="account">
          <span className="account-name">
            {user?.displayName || user?.username} <span className="role-badge">{role}</span>
          </span>
          <button type="button" className="btn btn-ghost" onClick={() => void stores.session.getState().signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <nav className="sidebar" aria-label="Main">
        <ul>
          {items.map((item) => {
            const current = item.matches.includes(route.name);
            return (
              <li key={item.label}>
                <a href={hrefOf(item.route)} aria-current={current ? 'page' : undefined} className={current ? 'nav-current' : undefined}>
                  {item.label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

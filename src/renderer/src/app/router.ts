// A hash router: the headless app serves the renderer as static files and Electron loads it from
// one origin, so the location after '#' is the one place a screen's address can live without a
// server-side fallback. Routes are matched from a small table of patterns.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'jobs' }
  | { name: 'job'; id: string }
  | { name: 'candidates' }
  | { name: 'candidate'; id: string }
  | { name: 'analytics' }
  | { name: 'users' }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

const PATTERNS: { pattern: RegExp; make: (m: RegExpMatchArray) => Route }[] = [
  { pattern: /^\/?$/, make: () => ({ name: 'home' }) },
  { pattern: /^\/jobs\/?$/, make: () => ({ name: 'jobs' }) },
  { pattern: /^\/jobs\/([^/]+)$/, make: (m) => ({ name: 'job', id: decodeURIComponent(m[1] ?? '') }) },
  { pattern: /^\/candidates\/?$/, make: () => ({ name: 'candidates' }) },
  { pattern: /^\/candidates\/([^/]+)$/, make: (m) => ({ name: 'candidate', id: decodeURIComponent(m[1] ?? '') }) },
  { pattern: /^\/analytics\/?$/, make: () => ({ name: 'analytics' }) },
  { pattern: /^\/users\/?$/, make: () => ({ name: 'users' }) },
  { pattern: /^\/settings\/?$/, make: () => ({ name: 'settings' }) },
];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  for (const { pattern, make } of PATTERNS) {
    const match = path.match(pattern);
    if (match) return make(match);
  }
  return { name: 'not-found', path };
}

/** The href of a route, for links. */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'job':
      return `#/jobs/${encodeURIComponent(route.id)}`;
    case 'candidate':
      return `#/candidates/${encodeURIComponent(route.id)}`;
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current hash, re-rendering on every change. */
function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function useRoute(): Route {
  const hash = useHash();
  return parseRoute(hash);
}

/** The query part of the hash (`#/jobs?new=1` → new=1). */
export function useHashParams(): URLSearchParams {
  const hash = useHash();
  const query = hash.split('?')[1] ?? '';
  return new URLSearchParams(query);
}

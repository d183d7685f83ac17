// Keeps the window on the core's origin: in-app navigation stays, allow-listed https links go to the
// OS browser, everything else (other sites, javascript:, file:, data:, new windows, webviews) is
// refused. The decision is a pure function so every case is tested without Electron.
import type { WebContentsPort } from './electron-ports.js';

/** https hosts whose links may open in the OS browser (meeting links, calendars, the project's page). */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = ['zoom.us', 'calendar.google.com', 'meet.google.com', 'github.com'];

export type NavigationDecision = 'stay' | 'open-externally' | 'refuse';

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True for https URLs (default port, no credentials) on an allow-listed host or one of its subdomains. */
export function isAllowedExternalUrl(url: string, allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  const host = parsed.hostname.toLowerCase();
  return allowList.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

export function isSameOrigin(url: string, origin: string): boolean {
  const parsed = parse(url);
  return parsed !== undefined && parsed.origin !== 'null' && parsed.origin === new URL(origin).origin;
}

export function decideNavigation(url: string, origin: string, allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST): NavigationDecision {
  if (isSameOrigin(url, origin)) return 'stay';
  if (isAllowedExternalUrl(url, allowList)) return 'open-externally';
  return 'refuse';
}

export interface NavigationGuardOptions {
  origin: string;
  openExternal: (url: string) => Promise<void>;
  allowList?: readonly string[];
  /** Told about every refused or redirected-out navigation (for the log). */
  onRefused?: (url: string, reason: string) => void;
}

export function installNavigationGuard(webContents: WebContentsPort, options: NavigationGuardOptions): void {
  const { origin, openExternal, allowList = EXTERNAL_HOST_ALLOW_LIST, onRefused = () => {} } = options;
  const leaveApp = (url: string, how: string): void => {
    if (decideNavigation(url, origin, allowList) === 'open-externally') {
      openExternal(url).catch(() => onRefused(url, 'the OS browser did not open it'));
    } else {
      onRefused(url, how);
    }
  };

  // In-page links: stay on the core's origin, hand allow-listed links to the OS browser.
  webContents.on('will-navigate', (event, url) => {
    if (decideNavigation(url, origin, allowList) === 'stay') return;
    event.preventDefault();
    leaveApp(url, 'navigation');
  });
  // A same-origin request answered with a redirect elsewhere never opens in the window.
  webContents.on('will-redirect', (event, url) => {
    if (decideNavigation(url, origin, allowList) === 'stay') return;
    event.preventDefault();
    onRefused(url, 'redirect');
  });
  // The app never needs a second window: window.open and target=_blank are always denied here.
  webContents.setWindowOpenHandler(({ url }) => {
    leaveApp(url, 'new window');
    return { action: 'deny' };
  });
  webContents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    onRefused(params.src ?? '', 'webview');
  });
}

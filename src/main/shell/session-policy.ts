// The window's session rules: every response from the core's origin carries the app's strict
// Content-Security-Policy (set here as well as by the core, so a route that forgot it, an error page
// or a future static file cannot run foreign script), every request to the core carries the
// per-launch token, and every permission (camera, geolocation, notifications…) is refused.
import { CONTENT_SECURITY_POLICY } from '../core/api/server.js';
import { LAUNCH_TOKEN_HEADER } from '../core/app.js';
import type { SessionPort } from './electron-ports.js';

/** The URL filter matching every request to the core (Electron's match-pattern syntax). */
export function originFilter(origin: string): { urls: string[] } {
  return { urls: [`${new URL(origin).origin}/*`] };
}

/** Replaces any CSP header (whatever its case) with the app's policy. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

export interface SessionPolicyOptions {
  origin: string;
  launchToken: string;
  /** Told about each refused permission (for the log). */
  onPermissionRefused?: (permission: string) => void;
}

export function applySessionPolicy(session: SessionPort, options: SessionPolicyOptions): void {
  const { origin, launchToken, onPermissionRefused = () => {} } = options;
  // The core's own policy (api/server.ts): one definition, enforced twice.
  const policy = CONTENT_SECURITY_POLICY;
  const filter = originFilter(origin);

  session.webRequest.onHeadersReceived(filter, (details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
  session.webRequest.onBeforeSendHeaders(filter, (details, callback) => {
    callback({ requestHeaders: { ...details.requestHeaders, [LAUNCH_TOKEN_HEADER]: launchToken } });
  });
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    onPermissionRefused(permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

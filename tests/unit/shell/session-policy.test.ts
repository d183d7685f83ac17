import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/core/api/server.js';
import { LAUNCH_TOKEN_HEADER } from '../../../src/main/core/app.js';
import { applySessionPolicy } from '../../../src/main/shell/session-policy.js';
import { FakeSession } from './fake-electron.js';

const ORIGIN = 'http://127.0.0.1:49152';

function withPolicy() {
  const session = new FakeSession();
  const refused: string[] = [];
  applySessionPolicy(session, { origin: ORIGIN, launchToken: 'launch-token-1', onPermissionRefused: (p) => refused.push(p) });
  return { session, refused };
}

describe('the window session policy', () => {
  it('applies only to requests to the core’s origin', () => {
    const { session } = withPolicy();
    expect(session.headersFilter).toEqual({ urls: [`${ORIGIN}/*`] });
    expect(session.sendFilter).toEqual({ urls: [`${ORIGIN}/*`] });
  });

  it('adds the strict CSP to a response that has none', () => {
    const { session } = withPolicy();
    const headers = session.respond({ url: `${ORIGIN}/`, responseHeaders: { 'content-type': ['text/html'] } });
    expect(headers).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('replaces a weaker CSP whatever the header’s case, leaving one policy', () => {
    const { session } = withPolicy();
    const headers = session.respond({
      url: `${ORIGIN}/index.html`,
      responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'CONTENT-SECURITY-POLICY': ['x'] },
    });
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('the CSP allows only the app’s own files and origin, no eval, no plugins, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });

  it('adds the per-launch token to every request to the core, keeping the other headers', () => {
    const { session } = withPolicy();
    const headers = session.send({ url: `${ORIGIN}/api/v1/jobs`, requestHeaders: { Authorization: 'Bearer jwt' } });
    expect(headers).toEqual({ Authorization: 'Bearer jwt', [LAUNCH_TOKEN_HEADER]: 'launch-token-1' });
  });

  it('denies every permission request and check', () => {
    const { session, refused } = withPolicy();
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.permissionRequest?.({}, permission, (granted) => answers.push(granted));
      expect(session.permissionCheck?.({}, permission)).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(refused).toEqual(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']);
  });
});

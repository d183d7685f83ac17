import { describe, expect, it } from 'vitest';
import { decideNavigation, installNavigationGuard, isAllowedExternalUrl } from '../../../src/main/shell/navigation-guard.js';
import { FakeNavigationEvent, FakeWebContents } from './fake-electron.js';

const ORIGIN = 'http://127.0.0.1:49152';

function guarded() {
  const webContents = new FakeWebContents();
  const opened: string[] = [];
  const refused: Array<{ url: string; reason: string }> = [];
  installNavigationGuard(webContents, {
    origin: ORIGIN,
    openExternal: async (url) => {
      opened.push(url);
    },
    onRefused: (url, reason) => refused.push({ url, reason }),
  });
  return { webContents, opened, refused };
}

describe('the navigation decision', () => {
  it('keeps pages of the core’s own origin in the window', () => {
    expect(decideNavigation(`${ORIGIN}/jobs/42?tab=pipeline#top`, ORIGIN)).toBe('stay');
  });

  it('refuses the same host on another port or scheme', () => {
    expect(decideNavigation('http://127.0.0.1:49153/', ORIGIN)).toBe('refuse');
    expect(decideNavigation('https://127.0.0.1:49152/', ORIGIN)).toBe('refuse');
    expect(decideNavigation('http://localhost:49152/', ORIGIN)).toBe('refuse');
  });

  it('opens allow-listed https links (and their subdomains) in the OS browser', () => {
    expect(decideNavigation('https://us02web.zoom.us/j/123', ORIGIN)).toBe('open-externally');
    expect(decideNavigation('https://calendar.google.com/event?eid=1', ORIGIN)).toBe('open-externally');
  });

  it('refuses allow-listed hosts over http, with credentials or an explicit port, and look-alike hosts', () => {
    expect(isAllowedExternalUrl('http://zoom.us/j/1')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@zoom.us/j/1')).toBe(false);
    expect(isAllowedExternalUrl('https://zoom.us:8443/j/1')).toBe(false);
    expect(isAllowedExternalUrl('https://evilzoom.us/j/1')).toBe(false);
    expect(isAllowedExternalUrl('https://zoom.us.evil.example/j/1')).toBe(false);
  });

  it('refuses javascript:, file:, data: and unparsable URLs', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>1</script>', 'not a url', 'about:blank']) {
      expect(decideNavigation(url, ORIGIN), url).toBe('refuse');
    }
  });
});

describe('the guard installed on the window', () => {
  it('lets in-app navigation through untouched', () => {
    const { webContents, opened, refused } = guarded();
    expect(webContents.navigate('will-navigate', `${ORIGIN}/candidates`)).toBe(false);
    expect(opened).toEqual([]);
    expect(refused).toEqual([]);
  });

  it('blocks navigation to another site and opens nothing', () => {
    const { webContents, opened, refused } = guarded();
    expect(webContents.navigate('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(opened).toEqual([]);
    expect(refused).toEqual([{ url: 'https://evil.example/phish', reason: 'navigation' }]);
  });

  it('blocks navigation to an allow-listed link in the window and opens it in the OS browser instead', () => {
    const { webContents, opened } = guarded();
    expect(webContents.navigate('will-navigate', 'https://zoom.us/j/99')).toBe(true);
    expect(opened).toEqual(['https://zoom.us/j/99']);
  });

  it('blocks javascript: and file: navigations', () => {
    const { webContents, opened } = guarded();
    expect(webContents.navigate('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(webContents.navigate('will-navigate', 'file:///home/user/secret.pdf')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('blocks a redirect away from the core, even to an allow-listed host', () => {
    const { webContents, opened } = guarded();
    expect(webContents.navigate('will-redirect', 'https://zoom.us/j/1')).toBe(true);
    expect(webContents.navigate('will-redirect', `${ORIGIN}/login`)).toBe(false);
    expect(opened).toEqual([]);
  });

  it('denies every new window, handing allow-listed links to the OS browser', () => {
    const { webContents, opened } = guarded();
    const handler = webContents.windowOpenHandler;
    expect(handler).toBeDefined();
    expect(handler?.({ url: 'https://github.com/recruiting-desk' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: `${ORIGIN}/jobs` })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://github.com/recruiting-desk']);
  });

  it('refuses to attach a webview', () => {
    const { webContents, refused } = guarded();
    const event = new FakeNavigationEvent();
    webContents.emit('will-attach-webview', event, {}, { src: 'https://evil.example' });
    expect(event.prevented).toBe(true);
    expect(refused).toEqual([{ url: 'https://evil.example', reason: 'webview' }]);
  });
});

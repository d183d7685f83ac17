import { afterEach, describe, expect, it } from 'vitest';
import { headlessBuilt, startHeadless, type HeadlessApp } from '../../support/headless-process.js';

const built = headlessBuilt();
if (!built) console.warn('headless tests skipped: out/main/headless.js is missing — run `npm run build` first (npm test does).');

let app: HeadlessApp | undefined;
afterEach(async () => {
  await app?.stop('SIGKILL');
  app = undefined;
});

describe.skipIf(!built)('the headless app', () => {
  it('prints its URL on start and /health answers ok with the version and every service', async () => {
    app = await startHeadless();
    expect(app.output()).toMatch(/http:\/\/127\.0\.0\.1:\d+/);
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; version: string; services: Record<string, string> };
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.services).toMatchObject({ db: 'ok', queue: 'ok', pool: 'ok', credentials: 'ok' });
  });

  it('serves the built renderer at / with a strict Content-Security-Policy', async () => {
    app = await startHeadless();
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root"></div>');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('shuts down gracefully on %s with exit code 0', async (signal) => {
    app = await startHeadless();
    await fetch(`${app.url}/health`);
    expect(await app.stop(signal)).toBe(0);
  });

  it('fails with a clear message, and exit code 1, when its port is taken', async () => {
    app = await startHeadless();
    const port = new URL(app.url).port;
    await expect(startHeadless({ PORT: port })).rejects.toThrow(/EADDRINUSE|address already in use/i);
  });

  it('refuses to start with a clear message when PORT is invalid', async () => {
    await expect(startHeadless({ PORT: 'eighty' })).rejects.toThrow(/PORT must be a whole number/);
  });
});

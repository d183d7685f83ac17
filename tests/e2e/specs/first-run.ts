// First run, as a recruiter meets it: the app loads, the core is healthy, the first-run screen
// creates the administrator, the session survives a reload, sign-out and sign-in work — with a
// screenshot and an accessibility check of every screen, and no console error or CSP refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/core/api/server.js';
import { ADMIN } from '../support/app.js';
import { expectNoSeriousA11yViolations } from '../support/axe.js';
import { waitForScreen } from '../support/browser.js';
import { screenshotsFor, type Screenshots } from '../support/screenshots.js';
import type { OpenSurface, Surface } from '../support/surface.js';

export function defineFirstRunSpecs(spec: string, open: OpenSurface): void {
  describe('first run', () => {
    let surface: Surface;
    let shots: Screenshots;

    beforeAll(async () => {
      shots = screenshotsFor(spec);
      surface = await open();
    });
    afterAll(async () => {
      await surface?.close();
    });

    it('the core reports every service healthy', async () => {
      const response = await surface.page.request.get(`${surface.origin}/health`);
      expect(response.status()).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', services: { db: 'ok', queue: 'ok', credentials: 'ok' } });
    });

    it('the app’s page is served with the strict Content-Security-Policy', async () => {
      const response = await surface.page.request.get(`${surface.origin}/`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    });

    it('a fresh app opens on the first-run screen, which passes the accessibility check', async () => {
      const { page } = surface;
      await waitForScreen(page, 'setup');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/Welcome to Recruiting Desk/);
      await expect(page.getByRole('form', { name: 'Create the administrator account' }).isVisible()).resolves.toBe(true);
      await shots.take(page, 'first-run');
      await expectNoSeriousA11yViolations(page);
    });

    it('mismatched passwords are refused by the field, and nothing is created', async () => {
      const { page, api } = surface;
      await page.getByLabel('Username').fill(ADMIN.username);
      await page.getByLabel('E-mail').fill(ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await page.getByLabel('Repeat the password').fill(`${ADMIN.password}!`);
      await page.getByRole('button', { name: 'Create administrator account' }).click();
      await page.getByText('The two passwords are not the same.').waitFor();
      await shots.take(page, 'first-run-validation');
      await expect(api.setup.status()).resolves.toEqual({ needs_admin: true });
    });

    it('creating the administrator signs in and lands on the dashboard', async () => {
      const { page, api } = surface;
      await page.getByLabel('Your name').fill(ADMIN.displayName);
      await page.getByLabel('Repeat the password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Create administrator account' }).click();
      await waitForScreen(page, 'dashboard');
      await expect(api.setup.status()).resolves.toEqual({ needs_admin: false });
      await shots.take(page, 'dashboard-empty');
      await expectNoSeriousA11yViolations(page);
    });

    it('the session survives a reload', async () => {
      const { page } = surface;
      await page.reload();
      await waitForScreen(page, 'dashboard');
    });

    it('signing out shows the sign-in screen; signing in again returns to the app', async () => {
      const { page } = surface;
      await page.getByRole('button', { name: 'Sign out' }).click();
      await waitForScreen(page, 'sign-in');
      await shots.take(page, 'sign-in');
      await expectNoSeriousA11yViolations(page);
      await page.getByLabel('Username').fill(ADMIN.username);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: /sign in/i }).click();
      await waitForScreen(page, 'dashboard');
    });

    it('no screen logged an error or was refused by the CSP', () => {
      expect(surface.problems.errors).toEqual([]);
    });
  });
}

// Debian's Chromium driven by playwright-core (no browser download), and why the suite cannot run
// when it cannot: the reason is printed, never silently swallowed.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { headlessBuilt } from '../../support/headless-process.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Why the browser suites cannot run here, or undefined when they can. */
export function browserSkipReason(): string | undefined {
  if (!existsSync(CHROMIUM_PATH)) return `${CHROMIUM_PATH} is missing (apt-get install chromium; .ci/run installs it)`;
  if (!headlessBuilt()) return 'out/main/headless.js is missing — run `npm run build` first (npm test does)';
  return undefined;
}

/** Prints the reason a suite is skipped, once per file, and returns it for describe.skipIf. */
export function announceSkip(suite: string, reason: string | undefined): string | undefined {
  if (reason) console.warn(`${suite} skipped: ${reason}`);
  return reason;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh context (axe-core needs one made with newContext) with a desktop-sized viewport. */
export async function newAppContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 820 }, colorScheme: 'light', locale: 'en-GB' });
}

export interface PageProblems {
  /** Console errors (CSP violations among them) and uncaught exceptions, in order. */
  readonly errors: string[];
}

/** Records what a healthy screen never produces: console errors, CSP refusals, uncaught errors. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { errors: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    // Chromium asks for /favicon.ico on its own; a page without one is not a broken screen.
    if (new URL(url || 'about:blank').pathname === '/favicon.ico') return;
    problems.errors.push(`console: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => problems.errors.push(`page error: ${error.message}`));
  return problems;
}

/** Waits until the screen tagged `data-screen=<name>` is visible. */
export async function waitForScreen(page: Page, name: string, timeout = 15_000): Promise<void> {
  await page.locator(`[data-screen="${name}"]`).first().waitFor({ state: 'visible', timeout });
}

/** Opens the app at `url` and signs in on the sign-in screen, as a person would; ends on the dashboard. */
export async function signInThroughPage(page: Page, url: string, user: { username: string; password: string }): Promise<void> {
  await page.goto(url);
  await waitForScreen(page, 'sign-in');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await waitForScreen(page, 'dashboard');
}

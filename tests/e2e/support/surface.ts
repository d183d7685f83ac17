// What a spec drives: a page showing the app, the app's origin, and an API client to arrange and
// check data. Two ways to get one — the headless app in Debian's Chromium, or the Electron app — so
// the same spec bodies run against both (the Electron one only where its binary exists).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type Page } from 'playwright-core';
import { LAUNCH_TOKEN_HEADER } from '../../../src/main/core/app.js';
import type { DeskBridge } from '../../../src/preload/bridge.js';
import { createApiClient } from '../../../src/shared/api/client.js';
import { startApp, type ApiClient } from './app.js';
import { launchChromium, newAppContext, watchPage, type PageProblems } from './browser.js';

export interface Surface {
  readonly page: Page;
  /** The core's origin, e.g. http://127.0.0.1:49152. */
  readonly origin: string;
  readonly api: ApiClient;
  /** Console errors, CSP refusals and uncaught exceptions seen so far. */
  readonly problems: PageProblems;
  /** Signs the API client in (the page keeps its own session). */
  signIn(username: string, password: string): Promise<void>;
  close(): Promise<void>;
}

export type OpenSurface = () => Promise<Surface>;

/** An API client for the core at `origin`, adding `extraHeaders` to every request. */
function apiFor(origin: string, extraHeaders: Record<string, string> = {}) {
  let token: string | null = null;
  const api = createApiClient({
    baseUrl: origin,
    getToken: () => token,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
      return globalThis.fetch(input, { ...init, headers });
    },
  });
  return {
    api,
    async signIn(username: string, password: string) {
      token = (await api.auth.login({ username, password })).access_token;
    },
  };
}

/** The built headless app on a fresh data folder, shown in a fresh Chromium context. */
export const openBrowserSurface: OpenSurface = async () => {
  const app = await startApp();
  const browser = await launchChromium();
  try {
    const context = await newAppContext(browser);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(app.url);
    const { api, signIn } = apiFor(app.url);
    return {
      page,
      origin: app.url,
      api,
      problems,
      signIn,
      async close() {
        await browser.close();
        await app.stop();
      },
    };
  } catch (error) {
    await browser.close();
    await app.stop();
    throw error;
  }
};

export const ELECTRON_DIST = resolve('node_modules', 'electron', 'dist');
export const ELECTRON_MAIN = resolve('out', 'main', 'index.js');

/** Why the Electron variant cannot run here, or undefined when it can. */
export function electronSkipReason(): string | undefined {
  if (!existsSync(ELECTRON_DIST)) return 'no Electron binary (node_modules/electron/dist is missing; installed with ELECTRON_SKIP_BINARY_DOWNLOAD)';
  if (!existsSync(ELECTRON_MAIN)) return 'out/main/index.js is missing — run `npm run build` first';
  return undefined;
}

/**
 * The Electron app on a fresh data folder. The API client talks to the same core, but that core
 * answers only its window (per-launch token), so specs arrange data through the UI there, or with
 * the token the preload exposes.
 */
export const openElectronSurface: OpenSurface = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-electron-'));
  const electronApp = await _electron.launch({ args: [ELECTRON_MAIN], env: { PATH: process.env.PATH ?? '', APP_DATA_DIR: dataDir, LOG_LEVEL: 'warn' } });
  try {
    const page = await electronApp.firstWindow();
    const problems = watchPage(page);
    await page.waitForLoadState('domcontentloaded');
    const origin = new URL(page.url()).origin;
    const launchToken = await page.evaluate(async () => {
      const desk = (globalThis as { desk?: DeskBridge }).desk;
      return desk ? (await desk.connection()).launchToken : '';
    });
    const { api, signIn } = apiFor(origin, { [LAUNCH_TOKEN_HEADER]: launchToken });
    return { page, origin, api, problems, signIn, close: () => electronApp.close() };
  } catch (error) {
    await electronApp.close();
    throw error;
  }
};

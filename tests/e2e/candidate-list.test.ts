// The candidate list over 3,000 candidates in Chromium: the keyboard moves the active row
// (aria-activedescendant names a rendered row) and End reaches the last candidate, whose data loads;
// a slow scroll fetches the pages it passes, while a scrollbar thumb dragged through the whole list
// fetches only the pages where it stops, not every page it flew past.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../../src/shared/api/common.js';
import { seedDataFolder } from '../bench/ui/seed-data-folder.js';
import { startApp, type AppUnderTest } from './support/app.js';
import { announceSkip, browserSkipReason, launchChromium, newAppContext, waitForScreen, signInThroughPage } from './support/browser.js';

const skip = announceSkip('e2e candidate list (Chromium)', browserSkipReason());
const CANDIDATES = 3_000;
const ADMIN = { username: 'list.admin', password: 'list-password-123', email: 'list@example.test' };
const GRID = '[data-screen="candidates"] [role="grid"]';

describe.skipIf(skip !== undefined)('the candidate list', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let page: Page;
  /** `skip` of every candidate page the screen asked for, in order. */
  const pagesAsked: number[] = [];

  beforeAll(async () => {
    const seeded = await seedDataFolder(CANDIDATES);
    app = await startApp({ APP_DATA_DIR: seeded.dataDir, API_REQUESTS_PER_MINUTE: '0', BOOTSTRAP_ADMIN_USERNAME: ADMIN.username, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password, BOOTSTRAP_ADMIN_EMAIL: ADMIN.email });
    await app.signIn(ADMIN.username, ADMIN.password);
    browser = await launchChromium();
    page = await (await newAppContext(browser)).newPage();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('/candidates') && url.searchParams.has('skip')) pagesAsked.push(Number(url.searchParams.get('skip')));
    });
    await signInThroughPage(page, app.url, ADMIN);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function openList(): Promise<void> {
    await page.evaluate(() => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = '#/';
    });
    await waitForScreen(page, 'dashboard');
    await page.evaluate(() => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = '#/candidates';
    });
    await page.locator(`${GRID} [role="row"] a`).first().waitFor({ state: 'visible' });
  }

  /** Scrolls the grid from the top to the bottom, `stepPx` an animation frame, then waits for the rows in view to load. */
  async function scrollThrough(stepPx: number, maxFrames: number): Promise<void> {
    await page.evaluate(
      async ({ grid, stepPx, maxFrames }) => {
        interface Box { scrollTop: number; scrollHeight: number; clientHeight: number; querySelectorAll(s: string): { length: number } }
        const w = globalThis as unknown as { document: { querySelector(s: string): Box }; requestAnimationFrame(cb: () => void): void };
        const box = w.document.querySelector(grid);
        const frame = () => new Promise<void>((resolve) => w.requestAnimationFrame(() => resolve()));
        for (let i = 0; i < maxFrames && box.scrollTop < box.scrollHeight - box.clientHeight; i++) {
          box.scrollTop += stepPx;
          await frame();
        }
        for (let i = 0; i < 600 && box.querySelectorAll('.placeholder-row').length > 0; i++) await frame();
      },
      { grid: GRID, stepPx, maxFrames },
    );
    await expect(page.locator(`${GRID} .placeholder-row`).count()).resolves.toBe(0);
  }

  it('moves the active row with the arrow keys, reaches the last candidate with End and opens it with Enter', async () => {
    await openList();
    const grid = page.locator(GRID);
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = page.locator(`[id="${(await grid.getAttribute('aria-activedescendant')) ?? ''}"]`);
    await expect(second.getAttribute('aria-rowindex')).resolves.toBe('4');
    await expect(second.getAttribute('class')).resolves.toContain('vrow-active');

    await page.keyboard.press('End');
    const lastId = (await grid.getAttribute('aria-activedescendant')) ?? '';
    const last = page.locator(`[id="${lastId}"]`);
    await expect(last.getAttribute('aria-rowindex')).resolves.toBe(String(CANDIDATES + 1));
    const { items } = await app.api.candidates.list({ sort: 'name', order: 'asc', skip: CANDIDATES - 1, limit: 1 });
    await last.locator('a').waitFor({ state: 'visible' });
    await expect(last.locator('a').textContent()).resolves.toBe(items[0]?.name);

    await page.keyboard.press('Enter');
    await waitForScreen(page, 'candidate');
    expect(await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)).toContain(encodeURIComponent(items[0]?.id ?? ''));
  });

  it('fetches the pages a slow scroll passes through', async () => {
    await openList();
    pagesAsked.length = 0;
    // 100 px a frame for 200 frames: 20,000 px, past the first four pages of 44 px rows.
    await scrollThrough(100, 200);
    const passed = Math.floor(20_000 / 44 / MAX_PAGE_SIZE);
    for (let p = 1; p <= passed; p++) expect(pagesAsked).toContain(p * MAX_PAGE_SIZE);
  });

  it('fetches only where a thumb dragged through the whole list stops, not the pages it flew past', async () => {
    await openList();
    pagesAsked.length = 0;
    await scrollThrough(1_200, 1_000);
    const pages = CANDIDATES / MAX_PAGE_SIZE;
    // The last rows' page (and the one before, when the view straddles two) — not the other 28.
    expect(pagesAsked.length).toBeGreaterThan(0);
    expect(pagesAsked.length).toBeLessThanOrEqual(2);
    for (const skipped of pagesAsked) expect(skipped).toBeGreaterThanOrEqual((pages - 2) * MAX_PAGE_SIZE);
  });
});

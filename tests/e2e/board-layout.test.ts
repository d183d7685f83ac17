// The job page's pipeline board in a 1280×800 window: its seven status columns, each holding a
// card, fit without a horizontal page scroll and without the board scrolling sideways, and a card's
// "Move…" button reached from the keyboard in the last column is on screen with a visible focus ring.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from '../../src/shared/schemas/application.js';
import { startApp, type AppUnderTest } from './support/app.js';
import { announceSkip, browserSkipReason, launchChromium, signInThroughPage } from './support/browser.js';
import { screenshotsFor } from './support/screenshots.js';

const skip = announceSkip('e2e board layout (Chromium)', browserSkipReason());
const ADMIN = { username: 'board.admin', password: 'board-password-123', email: 'board@example.test' };
// Forward moves that bring a fresh application ("applied") to each status.
const PATH_TO: Record<(typeof APPLICATION_STATUSES)[number], string[]> = {
  applied: [],
  screening: ['screening'],
  interview: ['interview'],
  offer: ['offer'],
  hired: ['offer', 'hired'],
  rejected: ['rejected'],
  withdrawn: ['withdrawn'],
};

interface BoxSizes {
  pageScrollWidth: number;
  windowWidth: number;
  boardScrollWidth: number;
  boardClientWidth: number;
  columnsRight: number[];
}

describe.skipIf(skip !== undefined)('the pipeline board at 1280 × 800', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let page: Page;
  let jobId: string;

  beforeAll(async () => {
    app = await startApp({ BOOTSTRAP_ADMIN_USERNAME: ADMIN.username, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password, BOOTSTRAP_ADMIN_EMAIL: ADMIN.email });
    await app.signIn(ADMIN.username, ADMIN.password);
    jobId = (await app.api.jobs.create({ title: 'Principal platform engineer', status: 'open' })).id;
    for (const [i, status] of APPLICATION_STATUSES.entries()) {
      // Long, unbreakable names and e-mails: the widest content a card has to wrap.
      const candidate = await app.api.candidates.create({ name: `Maximiliana Wolfeschlegelstein-${status}`, emails: [`maximiliana.wolfeschlegelstein.${i}@a-rather-long-domain.example`] });
      const application = await app.api.applications.create({ job_id: jobId, candidate_id: candidate.id });
      for (const step of PATH_TO[status]) await app.api.applications.move(application.id, { status: step as typeof status });
    }
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', locale: 'en-GB' });
    page = await context.newPage();
    await signInThroughPage(page, app.url, ADMIN);
    await page.evaluate((hash) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
    }, `#/jobs/${encodeURIComponent(jobId)}`);
    await page.locator('.board-card').nth(APPLICATION_STATUSES.length - 1).waitFor({ state: 'visible' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows all seven columns, one card each, with no sideways scroll of the page or of the board', async () => {
    const sizes = await page.evaluate((): BoxSizes => {
      interface El { scrollWidth: number; clientWidth: number; getBoundingClientRect(): { right: number } }
      const d = (globalThis as unknown as { document: { documentElement: El; querySelector(s: string): El; querySelectorAll(s: string): Iterable<El> } }).document;
      const board = d.querySelector('.board');
      return {
        pageScrollWidth: d.documentElement.scrollWidth,
        windowWidth: d.documentElement.clientWidth,
        boardScrollWidth: board.scrollWidth,
        boardClientWidth: board.clientWidth,
        columnsRight: [...d.querySelectorAll('.board-column')].map((c) => c.getBoundingClientRect().right),
      };
    });
    await screenshotsFor('board-layout').take(page, 'job-board-1280');
    expect(sizes.columnsRight).toHaveLength(APPLICATION_STATUSES.length);
    for (const status of APPLICATION_STATUSES) await expect(page.locator(`.board-column[data-status="${status}"] .board-card`).count()).resolves.toBe(1);
    expect(sizes.pageScrollWidth).toBeLessThanOrEqual(sizes.windowWidth);
    expect(sizes.boardScrollWidth).toBeLessThanOrEqual(sizes.boardClientWidth);
    expect(Math.max(...sizes.columnsRight)).toBeLessThanOrEqual(sizes.windowWidth);
  });

  it('puts a Move button focused from the keyboard in the last column on screen, with a focus ring', async () => {
    const last = APPLICATION_STATUSES.at(-1);
    const button = page.locator(`.board-column[data-status="${last}"] .board-card button`);
    // Tab from the card's link, as a keyboard user reaches the button.
    await page.locator(`.board-column[data-status="${last}"] .board-card a`).focus();
    await page.keyboard.press('Tab');
    await expect(button.evaluate((el) => (el as unknown as { matches(selector: string): boolean }).matches(':focus-visible'))).resolves.toBe(true);
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1280);
    const ring = await button.evaluate((el) => {
      const style = (globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string; outlineWidth: string; boxShadow: string } }).getComputedStyle(el);
      return { outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px', shadow: style.boxShadow !== 'none' };
    });
    expect(ring.outline || ring.shadow).toBe(true);
    await screenshotsFor('board-layout-focus').take(page, 'job-board-move-focused');
  });
});

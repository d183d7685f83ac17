// The job page stays live: while an administrator has the pipeline board open in Chromium, a
// recruiter moves an application through the REST API, and the card changes column with no reload;
// when the recruiter then deletes the job, the page says so instead of showing a stale board.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startApp, type AppUnderTest } from './support/app.js';
import { announceSkip, browserSkipReason, launchChromium, signInThroughPage } from './support/browser.js';

const skip = announceSkip('e2e live board (Chromium)', browserSkipReason());
const ADMIN = { username: 'live.admin', password: 'live-board-password-1', email: 'live.admin@example.test' };
const RECRUITER = { username: 'live.recruiter', password: 'live-board-password-2', email: 'live.recruiter@example.test' };
const CANDIDATE = 'Beatriz Live-Board';

describe.skipIf(skip !== undefined)('the board updates when another user moves an application', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let page: Page;
  let jobId: string;
  let applicationId: string;

  beforeAll(async () => {
    app = await startApp({ BOOTSTRAP_ADMIN_USERNAME: ADMIN.username, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password, BOOTSTRAP_ADMIN_EMAIL: ADMIN.email });
    await app.signIn(ADMIN.username, ADMIN.password);
    await app.api.users.create({ ...RECRUITER, role: 'recruiter' });
    jobId = (await app.api.jobs.create({ title: 'Live board engineer', status: 'open' })).id;
    const candidate = await app.api.candidates.create({ name: CANDIDATE, emails: ['beatriz.live@example.test'] });
    applicationId = (await app.api.applications.create({ job_id: jobId, candidate_id: candidate.id })).id;
    // From here on the API client is the other user.
    await app.signIn(RECRUITER.username, RECRUITER.password);

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    page = await context.newPage();
    await signInThroughPage(page, app.url, ADMIN);
    await page.evaluate((hash) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
    }, `#/jobs/${encodeURIComponent(jobId)}`);
    await page.locator('.board-column[data-status="applied"] .board-card', { hasText: CANDIDATE }).waitFor({ state: 'visible' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('moves the card to the new column without a reload', async () => {
    await app.api.applications.move(applicationId, { status: 'interview' });
    await page.locator('.board-column[data-status="interview"] .board-card', { hasText: CANDIDATE }).waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('.board-column[data-status="applied"] .board-card').waitFor({ state: 'detached' });
  });

  it('says the job was deleted when the other user deletes it', async () => {
    await app.api.jobs.remove(jobId, true);
    await page.getByText('This job was deleted', { exact: false }).waitFor({ state: 'visible', timeout: 10_000 });
  });
});

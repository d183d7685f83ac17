// The recruiter's whole journey, screen by screen: first run → a job → ten résumé PDFs imported →
// a candidate's PDF and profile → an analysis with the offline `mock` analyser → the applicants
// added to the job → "Rank applicants" → the pipeline → analytics whose counts match what was
// done. Each screen is screenshotted and checked with axe; every wait is on what the screen
// shows, never on time. Where the UI cannot do a step yet, the API client does it and says why.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../support/app.js';
import { expectNoSeriousA11yViolations } from '../support/axe.js';
import { waitForScreen } from '../support/browser.js';
import { canvasInkOf } from '../support/canvas-ink.js';
import { JOURNEY_JOB, makeJourneyResumes, type JourneyResume } from '../support/journey-resumes.js';
import { screenshotsFor, type Screenshots } from '../support/screenshots.js';
import type { OpenSurface, Surface } from '../support/surface.js';

/** Ten files parse in about a second here; the margin is for a loaded CI machine. */
const IMPORT_TIMEOUT_MS = 45_000;

async function goTo(page: Page, link: string, screen: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  await waitForScreen(page, screen);
}

export function defineJourneySpecs(spec: string, open: OpenSurface): void {
  describe('the recruiter’s journey', () => {
    let surface: Surface;
    let shots: Screenshots;
    let resumes: JourneyResume[] = [];
    let jobId = '';
    // The candidate the journey follows: the first by name, with every one of the job's skills.
    let focus: JourneyResume;

    beforeAll(async () => {
      shots = screenshotsFor(spec);
      [surface, resumes] = await Promise.all([open(), makeJourneyResumes()]);
      focus = resumes[0] as JourneyResume;
    });
    afterAll(async () => {
      await surface?.close();
    });

    /** The id of the résumé imported from `fileName`. */
    async function resumeIdOf(fileName: string): Promise<string> {
      const { items } = await surface.api.resumes.list({ limit: 100 });
      const resume = items.find((r) => r.fileName === fileName);
      if (!resume) throw new Error(`no résumé named ${fileName}`);
      return resume.id;
    }

    /** Screenshot and accessibility check of the screen now shown. */
    async function visit(step: string): Promise<void> {
      await shots.take(surface.page, step);
      await expectNoSeriousA11yViolations(surface.page);
    }

    it('first run: the administrator is created on the first-run screen', async () => {
      const { page } = surface;
      await waitForScreen(page, 'setup');
      await page.getByLabel('Username').fill(ADMIN.username);
      await page.getByLabel('Your name').fill(ADMIN.displayName);
      await page.getByLabel('E-mail').fill(ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await page.getByLabel('Repeat the password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Create administrator account' }).click();
      await waitForScreen(page, 'dashboard');
      await surface.signIn(ADMIN.username, ADMIN.password);
      await visit('dashboard');
    });

    it('a job is created from the jobs screen and listed there', async () => {
      const { page, api } = surface;
      await goTo(page, 'Jobs', 'jobs');
      await visit('jobs-empty');
      await page.getByRole('button', { name: 'New job' }).click();
      const dialog = page.getByRole('dialog', { name: 'New job' });
      await dialog.getByLabel('Title').fill(JOURNEY_JOB.title);
      await dialog.getByLabel('Company').fill(JOURNEY_JOB.company);
      await dialog.getByLabel('Location').fill(JOURNEY_JOB.location);
      await dialog.getByLabel('Description').fill('Build and ship our offline-first desktop app in TypeScript and React.');
      await dialog.getByLabel('Required skills').fill(JOURNEY_JOB.requiredSkills.join(', '));
      await visit('job-form');
      await dialog.getByRole('button', { name: 'Create job' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('link', { name: JOURNEY_JOB.title }).waitFor();
      await visit('jobs');
      const { items } = await api.jobs.list();
      expect(items.map((j) => [j.title, j.company, j.location, j.requiredSkills])).toEqual([
        [JOURNEY_JOB.title, JOURNEY_JOB.company, JOURNEY_JOB.location, [...JOURNEY_JOB.requiredSkills]],
      ]);
      jobId = items[0]?.id ?? '';
    });

    it('ten résumé PDFs are imported on the candidates screen: the progress bar reaches 10 of 10 and every file is listed as parsed', async () => {
      const { page } = surface;
      await goTo(page, 'Candidates', 'candidates');
      await page.getByRole('heading', { name: 'No candidates yet' }).waitFor();
      await visit('candidates-empty');
      await page.getByRole('button', { name: 'Import résumés' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Import résumés' });
      await dialog.waitFor();
      await visit('import-dialog');

      await dialog.getByLabel('PDF files to import').setInputFiles(
        resumes.map((r) => ({ name: r.fileName, mimeType: 'application/pdf', buffer: Buffer.from(r.bytes) })),
      );
      await dialog.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: IMPORT_TIMEOUT_MS });
      const progress = dialog.getByRole('progressbar', { name: 'Import progress' });
      expect([await progress.getAttribute('value'), await progress.getAttribute('max')]).toEqual(['10', '10']);
      await expect(dialog.getByText(/^10 of 10 files read$/).isVisible()).resolves.toBe(true);
      const files = await dialog.locator('table.import-files tbody tr').evaluateAll((rows) =>
        rows.map((row) => {
          const cells = (row as unknown as { querySelectorAll(s: 'td'): ArrayLike<{ textContent: string | null }> }).querySelectorAll('td');
          return [cells[0]?.textContent ?? '', cells[1]?.textContent ?? ''];
        }),
      );
      expect(files).toEqual(resumes.map((r) => [r.fileName, 'Parsed']));
      await expect(dialog.getByRole('link', { name: 'Open candidate' }).count()).resolves.toBe(10);
      await visit('import-finished');
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    });

    it('the imported candidates are listed by name, as the API lists them', async () => {
      const { page, api } = surface;
      const grid = page.getByRole('grid', { name: 'Candidates' });
      await page.getByText('10 candidates', { exact: true }).waitFor();
      await grid.getByRole('link', { name: resumes.at(-1)?.name ?? '' }).waitFor();
      const shown = await grid.getByRole('link').allTextContents();
      const { items } = await api.candidates.list({ sort: 'name', order: 'asc' });
      expect(shown).toEqual(items.map((c) => c.name));
      expect(shown).toEqual(resumes.map((r) => r.name));
      await visit('candidates');
    });

    it('the candidate page shows the résumé drawn by pdf.js and the profile extracted from it', async () => {
      const { page } = surface;
      await page.getByRole('grid', { name: 'Candidates' }).getByRole('link', { name: focus.name }).click();
      await waitForScreen(page, 'candidate');
      await page.getByRole('heading', { level: 1, name: focus.name }).waitFor();

      const profile = page.getByRole('region', { name: 'Profile' });
      await expect(profile.getByRole('definition').first().textContent()).resolves.toBe(focus.email);
      const skills = await profile.getByRole('list', { name: 'Skills' }).getByRole('listitem').allTextContents();
      expect([...skills].sort()).toEqual([...focus.skills].sort());

      const resume = page.getByRole('region', { name: 'Résumé' });
      const pages = resume.getByRole('img', { name: new RegExp(`^Résumé ${focus.fileName}: [1-9]\\d* page`) });
      await pages.waitFor({ timeout: 20_000 });
      const ink = await canvasInkOf(pages);
      expect(ink.canvases).toBeGreaterThan(0);
      // A blank canvas has no inked pixel; a page of résumé text has thousands.
      expect(ink.inked).toBeGreaterThan(2_000);
      await expect(resume.getByText(focus.email).first().isVisible()).resolves.toBe(true);
      for (const skill of focus.skills) await expect(resume.getByRole('listitem').filter({ hasText: new RegExp(`^${skill.replace('.', '\\.')}$`) }).count()).resolves.toBe(1);
      await visit('candidate');
    });

    it('the candidate’s résumé is analysed against the job with the mock analyser: score bars and the matched skills show, as the API has them', async () => {
      const { page, api } = surface;
      const panel = page.getByRole('region', { name: 'Analyses' });
      await panel.getByRole('button', { name: `Analyse ${focus.fileName}` }).click();
      const dialog = page.getByRole('dialog', { name: `Analyse ${focus.fileName}` });
      await dialog.getByLabel('Match against').selectOption({ label: `Job: ${JOURNEY_JOB.title}` });
      await dialog.getByLabel('Provider').selectOption({ label: 'mock (offline)' });
      await visit('analyse-dialog');
      await dialog.getByRole('button', { name: 'Analyse', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });

      const card = panel.getByRole('article', { name: `Analysis against ${JOURNEY_JOB.title}, completed` });
      await card.waitFor({ timeout: 20_000 });
      const resumeId = await resumeIdOf(focus.fileName);
      const { items } = await api.analysis.forResume(resumeId);
      const analysis = items.find((a) => a.jobId === jobId && a.status === 'completed');
      expect(analysis?.provider).toBe('mock');
      const scores = analysis?.result?.scores;
      const bars = card.getByRole('list', { name: 'Scores' }).getByRole('meter');
      await expect(bars.count()).resolves.toBe(5);
      expect(await bars.evaluateAll((meters) => meters.map((m) => Number((m as unknown as { value: number }).value)))).toEqual(
        [scores?.technical, scores?.soft, scores?.experience, scores?.education, scores?.overall],
      );
      const matched = await card.getByRole('list', { name: 'Matched required skills' }).getByRole('listitem').allTextContents();
      expect([...matched].sort()).toEqual([...JOURNEY_JOB.requiredSkills].sort());
      expect([...matched].sort()).toEqual([...(analysis?.result?.jobMatch?.matchedRequiredSkills ?? [])].sort());
      expect(analysis?.result?.jobMatch?.missingRequiredSkills).toEqual([]);
      await expect(card.textContent()).resolves.toContain('Missing required skills: none.');
      await visit('candidate-analysed');
    });

    it('the candidate is added to the job on the job’s page, the other nine apply with their résumés, and the pipeline’s first column holds all ten', async () => {
      const { page, api } = surface;
      await page.goto(`${surface.origin}/#/jobs/${encodeURIComponent(jobId)}`);
      await waitForScreen(page, 'job');
      await page.getByRole('heading', { name: 'No applicants yet' }).waitFor();
      await page.getByRole('button', { name: 'Add applicant', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Add an applicant' });
      await dialog.getByLabel('Find a candidate').fill(focus.name);
      await dialog.getByRole('radio', { name: new RegExp(`^${focus.name} `) }).check();
      // The candidate's résumé is offered, and chosen by default, to go with the application.
      const resumeGroup = dialog.getByRole('group', { name: 'Résumé to send' });
      const focusResume = resumeGroup.getByRole('radio', { name: focus.fileName, exact: false });
      await focusResume.waitFor();
      await expect.poll(() => focusResume.isChecked(), { timeout: 10_000 }).toBe(true);
      await visit('add-applicant');
      await dialog.getByRole('button', { name: 'Add to job' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('listitem', { name: 'Applied: 1' }).waitFor();
      const [added] = (await api.applications.list({ job_id: jobId, limit: 1 })).items;
      expect(added?.resumeId).toBeTruthy();
      // The others apply through the API, as from another window or device: the board follows live.
      const { items } = await api.resumes.list({ limit: 100 });
      for (const resume of items.filter((r) => r.fileName !== focus.fileName)) {
        await api.applications.create({ job_id: jobId, candidate_id: resume.candidateId ?? '', resume_id: resume.id });
      }
      await page.getByRole('listitem', { name: `Applied: ${resumes.length}` }).waitFor();
      await visit('job-pipeline');
    });

    it('“Rank applicants” with the mock analyser ranks all ten applicants, best first, in the API’s order', async () => {
      const { page, api } = surface;
      const panel = page.getByRole('region', { name: 'Ranking' });
      await panel.getByLabel('Provider').selectOption({ label: 'mock (offline)' });
      await panel.getByRole('button', { name: 'Rank applicants' }).click();
      const table = panel.getByRole('table', { name: 'Applicants ranked by compatibility with the job' });
      await table.locator('tbody tr').nth(resumes.length - 1).waitFor({ timeout: 30_000 });
      const shown = await table.locator('tbody tr').evaluateAll((rows) =>
        rows.map((row) => Array.from((row as unknown as { querySelectorAll(s: 'td'): ArrayLike<{ textContent: string | null }> }).querySelectorAll('td'), (td) => td.textContent ?? '')),
      );
      const ranking = await api.analysis.ranking(jobId);
      expect(ranking.items.every((item) => item.provider === 'mock')).toBe(true);
      // Rank, candidate and compatibility columns, as the API orders and scores them.
      expect(shown.map((cells) => cells.slice(0, 3))).toEqual(ranking.items.map((item, i) => [String(i + 1), item.candidate_name, String(Math.round(item.compatibility))]));
      const compatibility = ranking.items.map((item) => item.compatibility);
      expect(compatibility).toEqual([...compatibility].sort((a, b) => b - a));
      // Whoever has every required skill ranks above whoever has none of them.
      const place = (name: string) => ranking.items.findIndex((item) => item.candidate_name === name);
      const required = (r: JourneyResume) => JOURNEY_JOB.requiredSkills.filter((s) => r.skills.includes(s)).length;
      const all = resumes.filter((r) => required(r) === JOURNEY_JOB.requiredSkills.length).map((r) => place(r.name));
      const none = resumes.filter((r) => required(r) === 0).map((r) => place(r.name));
      expect(Math.max(...all)).toBeLessThan(Math.min(...none));
      await visit('job-ranking');
    });

    it('the application moves to screening with a note, and the move is kept in its history', async () => {
      const { page, api } = surface;
      await page.getByRole('button', { name: `Move ${focus.name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Move ${focus.name}` });
      await dialog.getByLabel('New status').selectOption({ label: 'Screening' });
      await dialog.getByLabel('Note (optional)').fill('Strong TypeScript background.');
      await visit('move-dialog');
      await dialog.getByRole('button', { name: 'Move application' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('listitem', { name: 'Screening: 1' }).waitFor();
      await page.getByRole('listitem', { name: 'Applied: 9' }).waitFor();
      await visit('job-pipeline-moved');
      const { items } = await api.applications.list({ limit: 100 });
      const moved = items.filter((a) => a.status === 'screening');
      expect(moved.map((a) => a.candidateName)).toEqual([focus.name]);
      expect(moved[0]?.history.at(-1)).toMatchObject({ from: 'applied', to: 'screening', note: 'Strong TypeScript background.' });
    });

    it('the candidate list filters by application status and by score range, as the API does', async () => {
      const { page, api } = surface;
      await goTo(page, 'Candidates', 'candidates');
      const grid = page.getByRole('grid', { name: 'Candidates' });
      const filters = page.getByRole('search', { name: 'Filter candidates' });
      await filters.getByLabel('Status').selectOption({ label: 'Screening' });
      await page.getByText('1 candidate', { exact: true }).waitFor();
      await expect(grid.getByRole('link').allTextContents()).resolves.toEqual([focus.name]);

      // Everyone was ranked, so each has a best score; the upper half of the scores, from the API.
      await filters.getByLabel('Status').selectOption({ label: 'Any' });
      const scores = (await api.candidates.list({ sort: 'bestScore', order: 'desc', limit: 100 })).items.map((c) => c.bestScore ?? -1);
      expect(scores.every((score) => score >= 0)).toBe(true);
      const from = Math.floor(scores[Math.floor(scores.length / 2)] ?? 0);
      await filters.getByLabel('Score from').fill(String(from));
      const expected = await api.candidates.list({ min_score: from, sort: 'name', order: 'asc', limit: 100 });
      await page.getByText(`${expected.total} candidate${expected.total === 1 ? '' : 's'}`, { exact: true }).waitFor();
      await expect(grid.getByRole('link').allTextContents()).resolves.toEqual(expected.items.map((c) => c.name));
      expect(expected.items.every((c) => (c.bestScore ?? -1) >= from)).toBe(true);

      // A range the wrong way round is refused by the field and asks nothing of the core.
      await filters.getByLabel('Score to').fill(String(Math.max(0, from - 1)));
      await filters.getByText('“To” must not be below “from”.').waitFor();
      await visit('candidates-filtered');
      await filters.getByLabel('Score from').fill('');
      await filters.getByLabel('Score to').fill('');
      await page.getByText(`${resumes.length} candidates`, { exact: true }).waitFor();
    });

    it('analytics shows counts that match what was done', async () => {
      const { page, api } = surface;
      await goTo(page, 'Analytics', 'analytics');
      const overview = page.getByRole('list', { name: 'Overview' });
      await overview.waitFor();
      // Each card reads "<value><label>"; waiting for the expected text lets live updates arrive.
      const card = (value: number, label: string) => overview.getByRole('listitem').filter({ hasText: new RegExp(`^${value}${label}$`) });
      await card(1, 'Open jobs').waitFor({ timeout: 10_000 });
      await card(resumes.length, 'Candidates').waitFor({ timeout: 10_000 });
      await card(resumes.length, 'Applications').waitFor({ timeout: 10_000 });
      await expect(api.dashboard.overview()).resolves.toMatchObject({ openJobs: 1, totalCandidates: resumes.length, totalApplications: resumes.length });
      await visit('analytics');
    });

    it('no screen logged an error or was refused by the CSP', () => {
      expect(surface.problems.errors).toEqual([]);
    });
  });
}

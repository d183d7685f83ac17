// `npm run bench ui`: the renderer in headless Chromium against the built headless app holding
// 10,000 candidates. Measures time from navigation to the first interactive screen, from opening
// the candidate list to its first rows, and long tasks (> 50 ms) while scrolling through it.
// Targets (issue 6): first screen < 1.5 s; candidate list < 500 ms; no long task while scrolling.
// The scroll is measured in two speeds, each from a freshly opened list that has settled (so the
// opening is not charged to the scroll), several runs each; every long task is also looked up in
// a trace of the main thread, which tells the app's own CPU time from a machine too busy to run it.
// After the counted runs, one more run per speed is traced in detail (script, style, layout, paint,
// GC) to say what its heaviest tasks spent their CPU on; that run's timings are not counted.
import { cpus, loadavg } from 'node:os';
import { createApiClient } from '../../../src/shared/api/client.js';
import { startHeadless } from '../../support/headless-process.js';
import { browserSkipReason, launchChromium, newAppContext, waitForScreen, signInThroughPage } from '../../e2e/support/browser.js';
import { percentile, round } from '../stats.js';
import { traceMainThread } from './main-thread-trace.js';
import type { TaskBreakdown } from './trace-breakdown.js';
import { scrollCandidateList, timeToFirstRows, timeToFirstScreen, type ScrollRun } from './page-timing.js';
import { seedDataFolder } from './seed-data-folder.js';

const CANDIDATES = 10_000;
const FIRST_SCREEN_RUNS = 7;
const LIST_REOPENS = 5;
const SCROLL_RUNS = 3;
const SCROLL_PROFILES = [
  { name: 'wheel', stepPx: 100, maxFrames: 600, what: 'a fast wheel or trackpad scroll: 100 px a frame (6,000 px/s at 60 fps) for 600 frames, about 1,360 rows' },
  {
    name: 'scrollbar-drag',
    stepPx: 1200,
    maxFrames: 400,
    what: 'the scrollbar thumb dragged through the whole list: 1,200 px (27 rows) a frame from top to bottom, every frame all-new rows and every fourth a page fetched',
  },
] as const;
const ADMIN = { username: 'benchadmin', password: 'bench-password-123', email: 'bench@example.test' };
const TARGETS = { firstScreenMs: 1500, firstRowsMs: 500, longTasks: 0 };

function summary(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { runs: sorted.length, min: round(sorted[0] ?? 0, 1), p50: round(percentile(sorted, 50), 1), max: round(sorted.at(-1) ?? 0, 1) };
}

export async function runUiBench(_sizes: readonly number[]) {
  const skipped = browserSkipReason();
  if (skipped) {
    console.log(`  skipped: ${skipped}`);
    return { skipped, targets: { evaluated: false, reason: skipped } };
  }
  const seeded = await seedDataFolder(CANDIDATES);
  console.log(`  seeded ${seeded.candidates} candidates in ${seeded.seedMs} ms`);
  const app = await startHeadless({
    APP_DATA_DIR: seeded.dataDir,
    API_REQUESTS_PER_MINUTE: '0',
    BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
  });
  const browser = await launchChromium();
  try {
    let token: string | null = null;
    const api = createApiClient({ baseUrl: app.url, getToken: () => token });
    token = (await api.auth.login({ username: ADMIN.username, password: ADMIN.password })).access_token;
    const { total } = await api.candidates.list({ limit: 1 });
    if (total !== CANDIDATES) throw new Error(`expected ${CANDIDATES} candidates in the app, found ${total}`);

    // Cold: a fresh browser context each run (no cache, no session), as on the app's first open.
    const firstScreen: number[] = [];
    for (let run = 0; run < FIRST_SCREEN_RUNS; run++) {
      const context = await newAppContext(browser);
      const page = await context.newPage();
      firstScreen.push(await timeToFirstScreen(page, app.url));
      await context.close();
    }
    console.log(`  first screen interactive: ${firstScreen.map((ms) => Math.round(ms)).join(', ')} ms`);

    const context = await newAppContext(browser);
    const page = await context.newPage();
    await signInThroughPage(page, app.url, ADMIN);

    const firstOpenMs = await timeToFirstRows(page);
    const reopenMs: number[] = [];
    for (let run = 0; run < LIST_REOPENS; run++) {
      await page.evaluate(() => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = '#/';
      });
      await waitForScreen(page, 'dashboard');
      reopenMs.push(await timeToFirstRows(page));
    }
    console.log(`  candidate list first rows: first open ${Math.round(firstOpenMs)} ms; reopened ${reopenMs.map((ms) => Math.round(ms)).join(', ')} ms`);

    const loadBefore = loadavg()[0] ?? 0;
    const scroll: Record<string, ReturnType<typeof scrollSummary>[]> = {};
    const heaviestTasks: Record<string, TaskBreakdown[]> = {};
    for (const profile of SCROLL_PROFILES) {
      scroll[profile.name] = [];
      for (let run = 0; run <= SCROLL_RUNS; run++) {
        const diagnostic = run === SCROLL_RUNS;
        // Each run scrolls a freshly opened list, so every run fetches its pages as a first scroll does.
        await page.evaluate(() => {
          (globalThis as unknown as { location: { hash: string } }).location.hash = '#/';
        });
        await waitForScreen(page, 'dashboard');
        await timeToFirstRows(page);
        const marks = { start: `bench-scroll-${profile.name}-${run}-start`, end: `bench-scroll-${profile.name}-${run}-end` };
        const { result, window } = await traceMainThread(browser, page, marks, () => scrollCandidateList(page, { stepPx: profile.stepPx, maxFrames: profile.maxFrames, marks }), { detail: diagnostic });
        if (diagnostic) {
          heaviestTasks[profile.name] = window.breakdown ?? [];
          for (const task of window.breakdown ?? []) console.log(`  scroll ${profile.name}, traced in detail (not counted): task at ${task.atMs} ms, ${task.cpuMs} ms CPU: ${Object.entries(task.selfCpuMs).slice(0, 6).map(([name, ms]) => `${name} ${ms}`).join(', ')}`);
          continue;
        }
        const summaryOfRun = scrollSummary(result, window);
        scroll[profile.name]?.push(summaryOfRun);
        console.log(
          `  scroll ${profile.name} #${run + 1}: ${result.frames} frames, ${result.scrolledPx} px in ${Math.round(result.durationMs)} ms (frame p50 ${round(result.frameIntervalMs.p50, 1)} ms, p95 ${round(result.frameIntervalMs.p95, 1)} ms); ` +
            `long tasks ${result.longTasks.length} [${result.longTasks.map((t) => round(t.durationMs, 0)).join(', ')}] ms; ` +
            `of those over 50 ms of CPU ${window.overCpuMs.length} [${window.overCpuMs.map((t) => round(t.cpuMs ?? t.wallMs, 0)).join(', ')}] ms; ` +
            `heaviest tasks' CPU [${summaryOfRun.heaviestTaskCpuMs.join(', ')}] ms; load ${round(loadavg()[0] ?? 0, 1)}`,
        );
      }
      const runs = scroll[profile.name] ?? [];
      console.log(
        `  scroll ${profile.name}, ${runs.length} runs: long tasks by wall clock [${runs.map((r) => r.longTasks).join(', ')}], over 50 ms of CPU [${runs.map((r) => r.longTasksOver50msCpu).join(', ')}], ` +
          `heaviest task CPU [${runs.map((r) => r.heaviestTaskCpuMs[0] ?? 0).join(', ')}] ms, main-thread CPU [${runs.map((r) => Math.round(r.mainThread.cpuMs)).join(', ')}] ms`,
      );
    }
    const loadAfter = loadavg()[0] ?? 0;
    await context.close();

    const firstScreenSummary = summary(firstScreen);
    const reopenSummary = summary(reopenMs);
    return {
      setup: { candidates: CANDIDATES, seedMs: seeded.seedMs, browser: browser.version(), viewport: '1280x820' },
      results: {
        firstScreenInteractiveMs: firstScreenSummary,
        candidateListFirstRowsMs: { firstOpen: round(firstOpenMs, 1), reopened: reopenSummary },
        scroll: {
          profiles: SCROLL_PROFILES.map((p) => ({ name: p.name, stepPx: p.stepPx, what: p.what })),
          runs: scroll,
          heaviestTasksTracedInDetail: heaviestTasks,
          machineLoad1m: { before: round(loadBefore, 2), after: round(loadAfter, 2), cpus: cpus().length },
        },
      },
      targets: {
        firstScreenUnder1500ms: { p50Ms: firstScreenSummary.p50, maxMs: firstScreenSummary.max, met: firstScreenSummary.p50 < TARGETS.firstScreenMs },
        candidateListUnder500ms: { firstOpenMs: round(firstOpenMs, 1), reopenedP50Ms: reopenSummary.p50, met: firstOpenMs < TARGETS.firstRowsMs && reopenSummary.max < TARGETS.firstRowsMs },
        scrollWithoutLongTasks: scrollTarget(scroll, loadBefore, loadAfter),
      },
    };
  } finally {
    await browser.close();
    await app.stop();
  }
}

type MainThreadWindow = Awaited<ReturnType<typeof traceMainThread>>['window'];

function scrollSummary(run: ScrollRun, window: MainThreadWindow) {
  return {
    frames: run.frames,
    scrolledPx: run.scrolledPx,
    durationMs: round(run.durationMs, 1),
    frameIntervalMs: { p50: round(run.frameIntervalMs.p50, 1), p95: round(run.frameIntervalMs.p95, 1), max: round(run.frameIntervalMs.max, 1) },
    longTasks: run.longTasks.length,
    longTaskMs: run.longTasks.map((t) => round(t.durationMs, 1)),
    longTasksOver50msCpu: window.overCpuMs.length,
    longTaskCpuMs: window.overWallMs.map((t) => (t.cpuMs === undefined ? null : round(t.cpuMs, 1))),
    heaviestTaskCpuMs: window.heaviest.map((t) => round(t.cpuMs ?? t.wallMs, 1)),
    mainThread: { tasks: window.tasks, wallMs: round(window.wallMs, 1), cpuMs: round(window.cpuMs, 1) },
    longTasksBeforeScrollNotCounted: run.longTasksBeforeScroll,
    settleFrames: run.settleFrames,
    rowsShownAtEnd: run.rowsShownAtEnd,
    placeholdersAtEnd: run.placeholdersAtEnd,
  };
}

/**
 * Met only when no run of any speed had a long task, as the issue asks. The CPU view is reported
 * beside it, not instead: it says whether a miss was the app's own work or a machine too busy to
 * run the page (a task preempted by other processes lasts longer than it computes).
 */
function scrollTarget(runs: Record<string, ReturnType<typeof scrollSummary>[]>, loadBefore: number, loadAfter: number) {
  const all = Object.values(runs).flat();
  const longTasks = all.reduce((sum, r) => sum + r.longTasks, 0);
  const ownCpu = all.reduce((sum, r) => sum + r.longTasksOver50msCpu, 0);
  const perProfile = Object.fromEntries(
    Object.entries(runs).map(([name, r]) => [name, { longTasksPerRun: r.map((x) => x.longTasks), over50msCpuPerRun: r.map((x) => x.longTasksOver50msCpu), heaviestTaskCpuMsPerRun: r.map((x) => x.heaviestTaskCpuMs[0] ?? 0) }]),
  );
  const load = `1-minute load ${round(loadBefore, 1)} → ${round(loadAfter, 1)} on ${cpus().length} cores`;
  const note =
    longTasks === 0
      ? `no long task in ${all.length} runs (${load})`
      : ownCpu === 0
        ? `${longTasks} long task(s) by the wall clock, none over 50 ms of CPU: the page's work was stretched by other processes (${load}); rerun on an idle machine to judge the target`
        : `${ownCpu} of ${longTasks} long task(s) ran over 50 ms of CPU: the app's own work (${load})`;
  return { met: longTasks === TARGETS.longTasks, longTasks, longTasksOver50msCpu: ownCpu, perProfile, note };
}

// Timings taken inside the page (performance.now(), frame by frame), so they measure what the
// user waits for, not the DevTools round trips around it. The functions run in the browser; the
// test typecheck has no DOM library (it would change Node's timer types for every test), so the
// few DOM members used are declared here.
import type { Page } from 'playwright-core';

interface PageElement {
  readonly scrollHeight: number;
  readonly clientHeight: number;
  scrollTop: number;
  readonly parentElement: PageElement | null;
  readonly offsetParent: unknown;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): { readonly length: number };
}

interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null };
  location: { hash: string };
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): number;
  PerformanceObserver: new (callback: (list: { getEntries(): Array<{ duration: number }> }) => void) => { observe(options: object): void; disconnect(): void };
}

/** Milliseconds from the start of navigation until a screen other than "starting" is visible with an enabled control. */
export async function timeToFirstScreen(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const w = globalThis as unknown as PageGlobals;
      const screen = w.document.querySelector('[data-screen]:not([data-screen="starting"])');
      if (!screen || screen.offsetParent === null) return false;
      return screen.querySelector('input:not([disabled]), button:not([disabled])') ? w.performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return Number(await handle.jsonValue());
}

// The page functions below avoid named inner functions: tsx (esbuild keepNames) would wrap them
// in a `__name` helper that does not exist in the page.

/**
 * Milliseconds from switching to the candidate list (a hash change, as the sidebar link does)
 * until its first data rows are on screen.
 */
export async function timeToFirstRows(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const w = globalThis as unknown as PageGlobals;
    const start = w.performance.now();
    w.location.hash = '#/candidates';
    while (!w.document.querySelector('[data-screen="candidates"] [role="grid"] [role="row"] a')) {
      if (w.performance.now() - start > 30_000) throw new Error('no candidate row appeared within 30 s');
      await new Promise((resolve) => w.requestAnimationFrame(() => resolve(undefined)));
    }
    return w.performance.now() - start;
  });
}

export interface ScrollResult {
  frames: number;
  scrolledPx: number;
  durationMs: number;
  longTasks: number;
  longestTaskMs: number;
  /** Rows with data (not placeholders) on screen at the end: the scroll reached loaded data. */
  rowsShownAtEnd: number;
}

/** Scrolls the candidate grid `steps` frames of `stepPx` each, counting long tasks (> 50 ms). */
export async function scrollCandidateList(page: Page, steps: number, stepPx: number): Promise<ScrollResult> {
  return page.evaluate(
    async ({ steps, stepPx }) => {
      const w = globalThis as unknown as PageGlobals;
      const grid = w.document.querySelector('[data-screen="candidates"] [role="grid"]');
      if (!grid) throw new Error('no candidate grid on screen');
      let scroller: PageElement | null = grid;
      while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
      if (!scroller) throw new Error('the candidate grid does not scroll');
      const durations: number[] = [];
      const observer = new w.PerformanceObserver((list) => {
        for (const entry of list.getEntries()) durations.push(entry.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      const start = w.performance.now();
      const startTop = scroller.scrollTop;
      // Each step is one frame; then 30 more frames so the last rows load and a last long task is reported.
      for (let frame = 0; frame < steps + 30; frame++) {
        if (frame < steps) scroller.scrollTop += stepPx;
        await new Promise((resolve) => w.requestAnimationFrame(() => resolve(undefined)));
      }
      observer.disconnect();
      return {
        frames: steps,
        scrolledPx: scroller.scrollTop - startTop,
        durationMs: w.performance.now() - start,
        longTasks: durations.filter((d) => d > 50).length,
        longestTaskMs: durations.length ? Math.max(...durations) : 0,
        rowsShownAtEnd: grid.querySelectorAll('[role="row"] a').length,
      };
    },
    { steps, stepPx },
  );
}

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

interface LongTaskEntry {
  readonly startTime: number;
  readonly duration: number;
}

interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null };
  location: { hash: string };
  performance: { now(): number; mark(name: string): void };
  requestAnimationFrame(callback: (time: number) => void): number;
  PerformanceObserver: new (callback: (list: { getEntries(): LongTaskEntry[] }) => void) => {
    observe(options: object): void;
    takeRecords(): LongTaskEntry[];
    disconnect(): void;
  };
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

export interface ScrollOptions {
  /** Pixels the list moves each frame. */
  stepPx: number;
  /** At most this many moving frames; fewer when the end of the list comes first. */
  maxFrames: number;
  /** performance.mark names around the measured part, so a trace can find the same window. */
  marks: { start: string; end: string };
}

export interface ScrollRun {
  stepPx: number;
  frames: number;
  scrolledPx: number;
  durationMs: number;
  /** Time between animation frames while scrolling: how smooth it looked. */
  frameIntervalMs: { p50: number; p95: number; max: number };
  /** Long tasks (over 50 ms of wall-clock time, as the Long Tasks API reports them) from the first moving frame to the end. */
  longTasks: { atMs: number; durationMs: number }[];
  /** Long tasks reported before the scroll began (opening the list, an earlier run); not counted. */
  longTasksBeforeScroll: number;
  /** Frames waited before starting, until no placeholder row was in view and ten frames passed without a long task. */
  settleFrames: number;
  /** Rows with data (not placeholders) in view at the end: the scroll reached loaded data. */
  rowsShownAtEnd: number;
  placeholdersAtEnd: number;
}

/**
 * Scrolls the candidate grid from the top, `stepPx` each animation frame, recording every long task
 * while it moves and until the rows in view at the end have loaded. It starts only once the list
 * is settled (rows in view loaded, no long task for ten frames), so the work of opening the list
 * or of an earlier run is not charged to the scroll.
 */
export async function scrollCandidateList(page: Page, options: ScrollOptions): Promise<ScrollRun> {
  return page.evaluate(
    async ({ stepPx, maxFrames, marks }) => {
      const w = globalThis as unknown as PageGlobals;
      const grid = w.document.querySelector('[data-screen="candidates"] [role="grid"]');
      if (!grid) throw new Error('no candidate grid on screen');
      let scroller: PageElement | null = grid;
      while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
      if (!scroller) throw new Error('the candidate grid does not scroll');
      const box = scroller;
      const PLACEHOLDER = '.placeholder-row';

      const entries: LongTaskEntry[] = [];
      const observer = new w.PerformanceObserver((list) => {
        for (const entry of list.getEntries()) entries.push(entry);
      });
      // Buffered: long tasks from before this call arrive too, and are told apart by their start time.
      observer.observe({ type: 'longtask', buffered: true });

      box.scrollTop = 0;
      let settleFrames = 0;
      let quietFrames = 0;
      let seen = 0;
      while (settleFrames < 600) {
        await new Promise<number>((resolve) => w.requestAnimationFrame(resolve));
        settleFrames++;
        quietFrames = entries.length === seen ? quietFrames + 1 : 0;
        seen = entries.length;
        if (quietFrames >= 10 && grid.querySelectorAll(PLACEHOLDER).length === 0) break;
      }

      w.performance.mark(marks.start);
      const start = w.performance.now();
      const startTop = box.scrollTop;
      const bottom = box.scrollHeight - box.clientHeight;
      const intervals: number[] = [];
      let last = await new Promise<number>((resolve) => w.requestAnimationFrame(resolve));
      let frames = 0;
      while (frames < maxFrames && box.scrollTop < bottom) {
        box.scrollTop = Math.min(bottom, box.scrollTop + stepPx);
        frames++;
        const now = await new Promise<number>((resolve) => w.requestAnimationFrame(resolve));
        intervals.push(now - last);
        last = now;
      }
      // Then until the rows in view have loaded (at most 120 frames), so the last fetch and render count too.
      for (let tail = 0; tail < 120 && grid.querySelectorAll(PLACEHOLDER).length > 0; tail++) await new Promise<number>((resolve) => w.requestAnimationFrame(resolve));
      await new Promise<number>((resolve) => w.requestAnimationFrame(resolve));
      const end = w.performance.now();
      w.performance.mark(marks.end);
      entries.push(...observer.takeRecords());
      observer.disconnect();

      intervals.sort((a, b) => a - b);
      const [p50, p95] = [0.5, 0.95].map((p) => intervals[Math.min(intervals.length - 1, Math.max(0, Math.ceil(p * intervals.length) - 1))] ?? 0);
      const during = entries.filter((e) => e.startTime + e.duration > start && e.startTime < end);
      return {
        stepPx,
        frames,
        scrolledPx: box.scrollTop - startTop,
        durationMs: end - start,
        frameIntervalMs: { p50: p50 ?? 0, p95: p95 ?? 0, max: intervals.at(-1) ?? 0 },
        longTasks: during.map((e) => ({ atMs: e.startTime - start, durationMs: e.duration })),
        longTasksBeforeScroll: entries.filter((e) => e.startTime + e.duration <= start).length,
        settleFrames,
        rowsShownAtEnd: grid.querySelectorAll('[role="row"] a').length,
        placeholdersAtEnd: grid.querySelectorAll(PLACEHOLDER).length,
      };
    },
    options,
  );
}

// Who a long task belongs to. The Long Tasks API measures wall-clock time, so on a busy machine
// (several engineers' suites sharing two cores) a 20 ms task that the OS preempts shows up as an
// 80 ms "long task" that the app did not cause. A Chromium trace of the renderer's main thread
// records each task's wall time (`dur`) and the CPU time the thread actually ran (`tdur`); reading
// both for the window between two performance marks tells the app's own cost from the machine's
// load. Only the 'toplevel' category is traced (one event per task), so tracing costs little.
import type { Browser, Page } from 'playwright-core';

const CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata'];
const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const LONG_MS = 50;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

export interface MainThreadTask {
  /** Milliseconds after the start mark. */
  atMs: number;
  wallMs: number;
  /** CPU time the main thread ran during the task; undefined when the trace has no thread time. */
  cpuMs: number | undefined;
}

export interface MainThreadWindow {
  /** Main-thread tasks over 50 ms of wall-clock time (what the Long Tasks API counts). */
  overWallMs: MainThreadTask[];
  /** Of those, the ones that also ran over 50 ms of CPU: the app's own long work. */
  overCpuMs: MainThreadTask[];
  /** Main-thread tasks in the window, and their total wall and CPU time. */
  tasks: number;
  wallMs: number;
  cpuMs: number;
}

/** Runs `work` with the page's main thread traced, and reads the tasks between the two marks it makes. */
export async function traceMainThread<T>(browser: Browser, page: Page, marks: { start: string; end: string }, work: () => Promise<T>): Promise<{ result: T; window: MainThreadWindow }> {
  await browser.startTracing(page, { categories: CATEGORIES, screenshots: false });
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const trace = await browser.stopTracing();
  return { result, window: readWindow(JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }, marks) };
}

function readWindow(trace: { traceEvents: TraceEvent[] }, marks: { start: string; end: string }): MainThreadWindow {
  const events = trace.traceEvents;
  const start = events.find((e) => e.name === marks.start);
  const end = events.find((e) => e.name === marks.end);
  if (!start || !end) throw new Error(`the trace has no "${marks.start}"/"${marks.end}" marks`);
  const tasks = events
    .filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name) && e.pid === start.pid && e.tid === start.tid)
    .filter((e) => e.ts + (e.dur ?? 0) > start.ts && e.ts < end.ts)
    .map((e): MainThreadTask => ({ atMs: (e.ts - start.ts) / 1000, wallMs: (e.dur ?? 0) / 1000, cpuMs: e.tdur === undefined ? undefined : e.tdur / 1000 }));
  const overWallMs = tasks.filter((t) => t.wallMs > LONG_MS);
  return {
    overWallMs,
    overCpuMs: overWallMs.filter((t) => (t.cpuMs ?? t.wallMs) > LONG_MS),
    tasks: tasks.length,
    wallMs: tasks.reduce((sum, t) => sum + t.wallMs, 0),
    cpuMs: tasks.reduce((sum, t) => sum + (t.cpuMs ?? 0), 0),
  };
}

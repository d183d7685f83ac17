// Who a long task belongs to. The Long Tasks API measures wall-clock time, so on a busy machine
// (several engineers' suites sharing two cores) a 20 ms task that the OS preempts shows up as an
// 80 ms "long task" that the app did not cause. A Chromium trace of the renderer's main thread
// records each task's wall time (`dur`) and the CPU time the thread actually ran (`tdur`); reading
// both for the window between two performance marks tells the app's own cost from the machine's
// load. By default only the 'toplevel' category is traced (one event per task), so tracing costs
// little; `detail` adds the renderer's timeline events (script, style, layout, paint, GC) to say
// what the heaviest tasks spent their CPU on, at a cost that makes that run's timings unfit to count.
import type { Browser, Page } from 'playwright-core';
import { cpuBreakdown, TASK_NAMES, type TaskBreakdown, type TraceEvent } from './trace-breakdown.js';

const CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata'];
const DETAIL_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.gc'];
const LONG_MS = 50;
/** How many of the heaviest tasks (by CPU) a window reports. */
const HEAVIEST = 3;

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
  /** The tasks that ran the most CPU, heaviest first, whether long or not: the margin to 50 ms that load cannot blur. */
  heaviest: MainThreadTask[];
  /** With `detail`: what each of the heaviest tasks spent its CPU on. */
  breakdown?: TaskBreakdown[];
  /** Main-thread tasks in the window, and their total wall and CPU time. */
  tasks: number;
  wallMs: number;
  cpuMs: number;
}

/** Runs `work` with the page's main thread traced, and reads the tasks between the two marks it makes. */
export async function traceMainThread<T>(
  browser: Browser,
  page: Page,
  marks: { start: string; end: string },
  work: () => Promise<T>,
  options: { detail?: boolean } = {},
): Promise<{ result: T; window: MainThreadWindow }> {
  await browser.startTracing(page, { categories: options.detail ? [...CATEGORIES, ...DETAIL_CATEGORIES] : CATEGORIES, screenshots: false });
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const trace = await browser.stopTracing();
  return { result, window: readWindow(JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }, marks, options.detail ?? false) };
}

function readWindow(trace: { traceEvents: TraceEvent[] }, marks: { start: string; end: string }, detail: boolean): MainThreadWindow {
  const events = trace.traceEvents;
  const start = events.find((e) => e.name === marks.start);
  const end = events.find((e) => e.name === marks.end);
  if (!start || !end) throw new Error(`the trace has no "${marks.start}"/"${marks.end}" marks`);
  const thread = events.filter((e) => e.ph === 'X' && e.pid === start.pid && e.tid === start.tid).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const taskEvents = outermost(thread.filter((e) => TASK_NAMES.has(e.name))).filter((e) => e.ts + (e.dur ?? 0) > start.ts && e.ts < end.ts);
  const tasks = taskEvents.map((e): MainThreadTask => ({ atMs: (e.ts - start.ts) / 1000, wallMs: (e.dur ?? 0) / 1000, cpuMs: e.tdur === undefined ? undefined : e.tdur / 1000 }));
  const overWallMs = tasks.filter((t) => t.wallMs > LONG_MS);
  const byCpu = tasks.map((task, i) => ({ task, event: taskEvents[i] as TraceEvent })).sort((a, b) => (b.task.cpuMs ?? b.task.wallMs) - (a.task.cpuMs ?? a.task.wallMs)).slice(0, HEAVIEST);
  return {
    overWallMs,
    overCpuMs: overWallMs.filter((t) => (t.cpuMs ?? t.wallMs) > LONG_MS),
    heaviest: byCpu.map((x) => x.task),
    ...(detail ? { breakdown: byCpu.map((x) => cpuBreakdown(x.event, thread, start.ts)) } : {}),
    tasks: tasks.length,
    wallMs: tasks.reduce((sum, t) => sum + t.wallMs, 0),
    cpuMs: tasks.reduce((sum, t) => sum + (t.cpuMs ?? 0), 0),
  };
}

// With timeline categories a task is recorded twice (a 'toplevel' event and a timeline 'RunTask'
// inside it); counting both would double the tasks and their time. `sorted` is in start order.
function outermost(sorted: TraceEvent[]): TraceEvent[] {
  const kept: TraceEvent[] = [];
  for (const event of sorted) {
    const last = kept.at(-1);
    if (last && event.ts < last.ts + (last.dur ?? 0)) continue;
    kept.push(event);
  }
  return kept;
}

// What one main-thread task spent its CPU on, from a trace with the renderer's timeline events:
// each event's own CPU time (its thread time less that of the events nested in it), summed by
// name — FunctionCall (script), UpdateLayoutTree (style), Layout, Paint, V8 GC phases, and so on.

export const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

export interface TaskBreakdown {
  atMs: number;
  wallMs: number;
  cpuMs: number;
  /** Own CPU milliseconds by event name, largest first; the task's own share is named "(task)". */
  selfCpuMs: Record<string, number>;
}

/** `thread` holds the task's thread's complete ('X') events in start order, longer first on a tie. */
export function cpuBreakdown(task: TraceEvent, thread: readonly TraceEvent[], originTs: number): TaskBreakdown {
  const end = task.ts + (task.dur ?? 0);
  const inside = thread.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
  const self = new Map<string, number>();
  const stack: { event: TraceEvent; childCpu: number }[] = [{ event: task, childCpu: 0 }];
  const close = () => {
    const frame = stack.pop();
    if (!frame) return;
    // The task's own events (a task is recorded under two names) count as the task itself.
    const name = frame.event === task || TASK_NAMES.has(frame.event.name) ? '(task)' : frame.event.name;
    self.set(name, (self.get(name) ?? 0) + Math.max(0, (frame.event.tdur ?? 0) - frame.childCpu));
  };
  for (const event of inside) {
    // Close the events that ended before this one starts; what remains on the stack contains it.
    while (stack.length > 1 && event.ts >= endOf(stack.at(-1)?.event)) close();
    const parent = stack.at(-1);
    if (parent) parent.childCpu += event.tdur ?? 0;
    stack.push({ event, childCpu: 0 });
  }
  while (stack.length > 0) close();
  const sorted = [...self.entries()].filter(([, us]) => us >= 100).sort((a, b) => b[1] - a[1]);
  return {
    atMs: round1((task.ts - originTs) / 1000),
    wallMs: round1((task.dur ?? 0) / 1000),
    cpuMs: round1((task.tdur ?? 0) / 1000),
    selfCpuMs: Object.fromEntries(sorted.map(([name, us]) => [name, round1(us / 1000)])),
  };
}

function endOf(event: TraceEvent | undefined): number {
  return event ? event.ts + (event.dur ?? 0) : Number.POSITIVE_INFINITY;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

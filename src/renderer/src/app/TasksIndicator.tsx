// The always-visible background-tasks indicator: how many tasks run or wait, and a panel listing
// them with their progress.
import { useState } from 'react';
import { useStore } from 'zustand';
import { useStores } from './stores-context';

/** Tasks listed in the panel; the rest are counted. Running ones come first. */
const LISTED = 8;

const TASK_NAMES: Record<string, string> = {
  'resume.parse': 'Reading résumé',
  'analysis.run': 'Analysing',
};

export function TasksIndicator() {
  const { tasks } = useStores();
  const active = useStore(tasks, (s) => s.active);
  const status = useStore(tasks, (s) => s.status);
  const [open, setOpen] = useState(false);
  const list = [...active.values()].sort((a, b) => (a.status === b.status ? 0 : a.status === 'running' ? -1 : 1));
  const running = list.filter((t) => t.status === 'running').length;
  const label = status === 'error' ? 'Background tasks unavailable' : list.length === 0 ? 'No background tasks' : `${running} running, ${list.length - running} waiting`;

  return (
    <div className="tasks-indicator">
      <button type="button" className="btn btn-ghost" aria-expanded={open} aria-controls="tasks-panel" onClick={() => setOpen((o) => !o)}>
        <span className={`tasks-dot${running > 0 ? ' tasks-busy' : ''}`} aria-hidden="true" />
        Background tasks: {label}
      </button>
      {open && (
        <div id="tasks-panel" className="tasks-panel" role="region" aria-label="Background tasks">
          {list.length === 0 ? (
            <p>Nothing is running. Imports and analyses show their progress here.</p>
          ) : (
            <ul>
              {list.slice(0, LISTED).map((task) => {
                const done = task.progress?.done ?? 0;
                const total = task.progress?.total ?? 0;
                const name = TASK_NAMES[task.type] ?? task.type;
                return (
                  <li key={task.id}>
                    <span>
                      {name} — {task.status}
                      {task.progress?.message ? `: ${task.progress.message}` : ''}
                    </span>
                    {total > 0 && <progress max={total} value={done} aria-label={`${name} progress`} />}
                    <button type="button" className="btn btn-ghost" aria-label={`Cancel ${name}`} onClick={() => void tasks.getState().cancel(task.id)}>
                      Cancel
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {list.length > LISTED && <p className="muted">…and {list.length - LISTED} more waiting.</p>}
        </div>
      )}
    </div>
  );
}

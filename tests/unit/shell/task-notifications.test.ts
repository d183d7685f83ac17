import { describe, expect, it } from 'vitest';
import { createAppEventBus } from '../../../src/main/core/app-events.js';
import { notifyFinishedTasks } from '../../../src/main/shell/task-notifications.js';

function listen(supported = true) {
  const events = createAppEventBus();
  const shown: Array<{ title: string; body: string }> = [];
  const stop = notifyFinishedTasks({ events, supported, createNotification: (message) => ({ show: () => shown.push(message) }) });
  return { events, shown, stop };
}

describe('notifications for long tasks', () => {
  it('announces a folder import and a ranking when they succeed or fail for good', () => {
    const { events, shown } = listen();
    events.emit('task.changed', { id: 't1', type: 'resume.import-folder', status: 'succeeded' });
    events.emit('task.changed', { id: 't2', type: 'analysis.rank', status: 'dead' });
    expect(shown).toEqual([
      { title: 'Résumé import finished', body: 'Open Recruiting Desk to see the results.' },
      { title: 'Ranking of applicants failed', body: 'Open the task list in Recruiting Desk for the reason.' },
    ]);
  });

  it('stays silent for other task types, for progress states and for cancellations', () => {
    const { events, shown } = listen();
    events.emit('task.changed', { id: 't1', type: 'resume.parse', status: 'succeeded' });
    events.emit('task.changed', { id: 't2', type: 'resume.import-folder', status: 'running' });
    events.emit('task.changed', { id: 't3', type: 'resume.import-folder', status: 'queued' });
    events.emit('task.changed', { id: 't4', type: 'analysis.rank', status: 'cancelled' });
    expect(shown).toEqual([]);
  });

  it('shows nothing where the OS has no notifications, and nothing after unsubscribing', () => {
    const unsupported = listen(false);
    unsupported.events.emit('task.changed', { id: 't1', type: 'resume.import-folder', status: 'succeeded' });
    expect(unsupported.shown).toEqual([]);
    const stopped = listen();
    stopped.stop();
    stopped.events.emit('task.changed', { id: 't1', type: 'resume.import-folder', status: 'succeeded' });
    expect(stopped.shown).toEqual([]);
  });
});

// A native notification when a long background task (a folder import, a job's ranking) finishes, so
// the recruiter can work elsewhere meanwhile. Listens to the core's event bus ('task.changed');
// short tasks stay silent, the window's task list shows them.
import type { TaskEvents } from '../core/tasks/queue.js';
import type { Unsubscribe } from '../core/events.js';
import type { CreateNotification } from './electron-ports.js';

/** Task types worth a notification, with how to name them. Types not listed never notify. */
export const NOTIFIED_TASK_TYPES: Readonly<Record<string, string>> = {
  'resume.import-folder': 'Résumé import',
  'analysis.rank': 'Ranking of applicants',
};

export interface TaskChangeSource {
  on(type: 'task.changed', listener: (payload: TaskEvents['task.changed']) => void): Unsubscribe;
}

export function notificationFor(change: TaskEvents['task.changed'], types: Readonly<Record<string, string>> = NOTIFIED_TASK_TYPES): { title: string; body: string } | undefined {
  const label = types[change.type];
  if (!label) return undefined;
  switch (change.status) {
    case 'succeeded':
      return { title: `${label} finished`, body: 'Open Recruiting Desk to see the results.' };
    case 'failed':
    case 'dead':
      return { title: `${label} failed`, body: 'Open the task list in Recruiting Desk for the reason.' };
    default:
      return undefined;
  }
}

export interface TaskNotificationOptions {
  events: TaskChangeSource;
  createNotification: CreateNotification;
  /** False where the OS has no notification service; then nothing is shown. */
  supported: boolean;
  types?: Readonly<Record<string, string>>;
}

export function notifyFinishedTasks({ events, createNotification, supported, types }: TaskNotificationOptions): Unsubscribe {
  if (!supported) return () => {};
  return events.on('task.changed', (change) => {
    const message = notificationFor(change, types);
    if (message) createNotification(message).show();
  });
}

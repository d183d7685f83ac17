// The background-task API: the UI's task panel lists tasks, a caller polls one, staff cancel or
// retry them; the queue decides which changes are allowed and refusals are 409s.
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskStatus } from '../../../src/shared/schemas/task.js';
import { PermanentTaskError } from '../../../src/main/core/tasks/queue.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';

let api: TestApi;
afterEach(async () => api.close());

/** Resolves when the task reaches `status` (from the queue's own events, no polling). */
function reaches(id: () => string, status: TaskStatus): Promise<void> {
  return new Promise((resolve) => {
    const off = api.events.on('task.changed', (event) => {
      if (event.id === id() && event.status === status) {
        off();
        resolve();
      }
    });
  });
}

async function activitiesFor(subjectId: string) {
  const docs = await api.db.activities.find({ selector: { subjectId } }).exec();
  return docs.map((d) => d.toMutableJSON());
}

describe('listing and reading tasks', () => {
  it('lists tasks newest first with a total, filtered by status and type, paged', async () => {
    api = await createTestApi();
    const { token } = await api.signIn('recruiter');
    const ids: string[] = [];
    for (const type of ['resume.parse', 'email.send', 'resume.parse']) {
      ids.push((await api.queue.enqueue({ type })).id);
      api.clock.advance(1000);
    }
    await api.queue.cancel(ids[0] as string);

    const all = (await api.as(token, { url: '/api/v1/tasks' })).json();
    expect(all.total).toBe(3);
    expect(all.items.map((t: { id: string }) => t.id)).toEqual([...ids].reverse());

    const parses = (await api.as(token, { url: '/api/v1/tasks?type=resume.parse' })).json();
    expect(parses.items.map((t: { id: string }) => t.id)).toEqual([ids[2], ids[0]]);

    const queued = (await api.as(token, { url: '/api/v1/tasks?status=queued&type=resume.parse' })).json();
    expect(queued.items.map((t: { id: string }) => t.id)).toEqual([ids[2]]);
    expect(queued.total).toBe(1);

    const page = (await api.as(token, { url: '/api/v1/tasks?limit=1&skip=1' })).json();
    expect(page).toMatchObject({ total: 3, limit: 1, skip: 1 });
    expect(page.items.map((t: { id: string }) => t.id)).toEqual([ids[1]]);
  });

  it('refuses an unknown status filter with 400', async () => {
    api = await createTestApi();
    const { token } = await api.signIn('admin');
    const res = await api.as(token, { url: '/api/v1/tasks?status=sleeping' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it('gets one task with status, progress, attempts and timestamps, but not the queue lease', async () => {
    api = await createTestApi({}, { startQueue: true });
    const { token } = await api.signIn('recruiter');
    let taskId = '';
    const done = reaches(() => taskId, 'succeeded');
    api.queue.register('demo.count', async (_task, ctx) => {
      await ctx.progress(2, 2, 'counted');
      return { counted: 2 };
    });
    taskId = (await api.queue.enqueue({ type: 'demo.count', payload: { n: 2 } })).id;
    await done;

    const res = await api.as(token, { url: `/api/v1/tasks/${taskId}` });
    expect(res.statusCode).toBe(200);
    const task = res.json();
    expect(task).toMatchObject({ id: taskId, type: 'demo.count', status: 'succeeded', attempts: 1, result: { counted: 2 }, payload: { n: 2 } });
    expect(task.progress).toEqual({ done: 2, total: 2, message: 'counted' });
    expect(typeof task.createdAt).toBe('number');
    expect(typeof task.finishedAt).toBe('number');
    expect(task).not.toHaveProperty('leaseOwner');
  });

  it('answers 404 for a task that does not exist', async () => {
    api = await createTestApi();
    const { token } = await api.signIn('recruiter');
    const res = await api.as(token, { url: '/api/v1/tasks/no-such-task' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('cancelling and retrying tasks', () => {
  it('cancels a queued task, records who did it, and refuses to cancel a finished one with 409', async () => {
    api = await createTestApi({}, { startQueue: true });
    const { token, user } = await api.signIn('recruiter');
    const queued = await api.queue.enqueue({ type: 'demo.unhandled' });

    const res = await api.as(token, { method: 'POST', url: `/api/v1/tasks/${queued.id}/cancel` });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('cancelled');
    expect((await api.queue.get(queued.id)).status).toBe('cancelled');
    const activities = await activitiesFor(queued.id);
    expect(activities).toEqual([expect.objectContaining({ action: 'task.cancelled', actorId: user.id, subjectType: 'task' })]);

    let doneId = '';
    const done = reaches(() => doneId, 'succeeded');
    api.queue.register('demo.quick', async () => ({}));
    doneId = (await api.queue.enqueue({ type: 'demo.quick' })).id;
    await done;
    const refused = await api.as(token, { method: 'POST', url: `/api/v1/tasks/${doneId}/cancel` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'CONFLICT', details: { status: 'succeeded' } });
    expect(await activitiesFor(doneId)).toEqual([]);
  });

  it('retries a failed task with fresh attempts, records it, and refuses to retry a queued one with 409', async () => {
    api = await createTestApi({}, { startQueue: true });
    const { token, user } = await api.signIn('admin');
    let failedId = '';
    const failed = reaches(() => failedId, 'failed');
    api.queue.register('demo.broken', async () => {
      throw new PermanentTaskError('the input file is missing');
    });
    failedId = (await api.queue.enqueue({ type: 'demo.broken' })).id;
    await failed;

    const shown = (await api.as(token, { url: `/api/v1/tasks/${failedId}` })).json();
    expect(shown.lastError).toEqual({ message: 'the input file is missing', code: 'PERMANENT' });

    const failedAgain = reaches(() => failedId, 'failed');
    const res = await api.as(token, { method: 'POST', url: `/api/v1/tasks/${failedId}/retry` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: failedId, status: 'queued', attempts: 0 });
    expect(await activitiesFor(failedId)).toEqual([expect.objectContaining({ action: 'task.retried', actorId: user.id })]);
    await failedAgain;

    const queued = await api.queue.enqueue({ type: 'demo.unhandled' });
    const refused = await api.as(token, { method: 'POST', url: `/api/v1/tasks/${queued.id}/retry` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ status: 'queued' });
    expect((await api.queue.get(queued.id)).status).toBe('queued');
  });

  it('is for staff only: a candidate gets 403', async () => {
    api = await createTestApi();
    const { token } = await api.signIn('candidate');
    const task = await api.queue.enqueue({ type: 'demo.unhandled' });
    for (const request of [
      { url: '/api/v1/tasks' },
      { url: `/api/v1/tasks/${task.id}` },
      { method: 'POST' as const, url: `/api/v1/tasks/${task.id}/cancel` },
      { method: 'POST' as const, url: `/api/v1/tasks/${task.id}/retry` },
    ]) {
      expect((await api.as(token, request)).statusCode).toBe(403);
    }
    expect((await api.queue.get(task.id)).status).toBe('queued');
  });
});

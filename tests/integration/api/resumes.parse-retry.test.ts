// A parse the worker pool cannot run at all (not a bad file): the queue retries it with backoff on
// the fake clock, and after the last attempt the résumé ends failed instead of staying 'parsing'.
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../support/api-harness.js';
import { makeResumeFile, waitForResume, waitForTask } from './resumes.fixtures.js';

describe('when the worker pool itself cannot run', () => {
  it('retries the parse with backoff and, after the last attempt, marks the résumé failed rather than leaving it parsing', async () => {
    // A test API without a pool: every parse is refused as "unavailable", which retrying may fix.
    const noPool = await createTestApi({}, { startQueue: true });
    try {
      const { resumes } = noPool.features.services;
      const staged = await resumes.stage({ name: 'cv.pdf', bytes: await makeResumeFile() }, { actorId: 'user-1', importId: 'imp-1', source: 'upload', candidateId: '' });
      await resumes.commit('user-1', [staged]);
      const resume = await noPool.db.resumes.findOne(staged.item.resume_id ?? '').exec();
      const taskId = resumes.parseTaskId(resume?.toMutableJSON() ?? { id: '' });
      // Each failed attempt puts the task back in the queue until its backoff passes: once the
      // scheduler has settled (its wake-up timer set), move the clock past it.
      for (let step = 0; step < 20; step++) {
        const changed = new Promise<void>((resolve) => {
          const off = noPool.events.on('task.changed', (event) => {
            if (event.id !== taskId) return;
            off();
            resolve();
          });
        });
        const task = await noPool.queue.get(taskId);
        if (task.status === 'dead') break;
        if (task.status === 'queued' && task.attempts > 0) {
          await noPool.queue.settled();
          noPool.clock.advance(10 * 60_000);
        }
        await changed;
      }
      expect(await waitForTask(noPool, taskId, new Set(['dead']))).toBe('dead');
      const failed = await waitForResume(noPool, staged.item.resume_id ?? '', new Set(['failed']));
      expect(failed.parseError).toEqual({ code: 'parse_error', message: 'Parsing could not run; retry the résumé later.' });
    } finally {
      await noPool.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/main/core/clock.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import {
  createQueueHarness,
  openTasksDatabase,
  StartLog,
  uniqueDatabaseName,
  waitForStatus,
  type QueueHarness,
} from './queue-fixture.js';

type AnyStorage = RxStorage<unknown, unknown>;

/**
 * Each storage is asked for afresh for the second "process", as a restarted app would. The memory
 * storage keeps its data per database name for the life of the process (by design, for tests
 * like this one); the SQLite storage keeps it in a file.
 */
const storages: { name: string; open(): { storage: () => AnyStorage; cleanup(): void } }[] = [
  {
    name: 'memory storage',
    open: () => ({ storage: () => getRxStorageMemory() as AnyStorage, cleanup: () => undefined }),
  },
  {
    name: 'SQLite storage',
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), 'tasks-recovery-'));
      return {
        storage: () => getRxStorageSQLite({ databaseDir: dir }) as AnyStorage,
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];

describe.each(storages)('task queue: recovery after a crash ($name)', ({ open }) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** Starts a "process" whose handler never returns, lets it claim the task, then kills the database under it. */
  async function crashWhileRunning(maxAttempts: number) {
    const place = open();
    cleanups.push(place.cleanup);
    const name = uniqueDatabaseName();
    const clock = new FakeClock();
    const db = await openTasksDatabase(clock, name, place.storage());
    const first = await createQueueHarness({}, { db, clock });
    const started = new StartLog<string>();
    first.queue.register('resume.parse', async (task) => {
      started.record(task.id);
      return new Promise<never>(() => undefined);
    });
    first.queue.start();
    const task = await first.queue.enqueue({ type: 'resume.parse', payload: { resumeId: 'r-9' }, maxAttempts });
    await started.untilCount(1);
    expect((await first.queue.get(task.id)).status).toBe('running');
    await db.close();

    const restartClock = new FakeClock(clock.now() + 60_000);
    const reopened = await openTasksDatabase(restartClock, name, place.storage());
    const second = await createQueueHarness({}, { db: reopened, clock: restartClock });
    cleanups.push(() => second.close());
    return { task, second };
  }

  it('recover() puts a task a crashed process left running back to queued, keeping its attempt, and it runs again', async () => {
    const { task, second } = await crashWhileRunning(3);
    const { queue } = second;
    expect(await queue.get(task.id)).toMatchObject({ status: 'running', attempts: 1 });

    expect(await queue.recover()).toBe(1);

    const recovered = await queue.get(task.id);
    expect(recovered).toMatchObject({ status: 'queued', attempts: 1, payload: { resumeId: 'r-9' } });
    expect(recovered.leaseOwner).toBeUndefined();
    expect(second.changes).toEqual([{ id: task.id, status: 'queued' }]);

    queue.register('resume.parse', async () => ({ pages: 1 }));
    queue.start();
    expect(await waitForStatus(queue, task.id, 'succeeded')).toMatchObject({ attempts: 2, result: { pages: 1 } });
  });

  it('a task that was on its last attempt when the process died is dead, not looping', async () => {
    const { task, second } = await crashWhileRunning(1);

    await second.queue.recover();

    expect(await second.queue.get(task.id)).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: { code: 'INTERRUPTED' },
    });
  });
});

describe('task queue: recover() and live work', () => {
  let harness: QueueHarness;
  afterEach(async () => harness.close());

  it('recover() leaves alone the tasks this queue is running right now', async () => {
    harness = await createQueueHarness();
    const { queue } = harness;
    const started = new StartLog<string>();
    queue.register('resume.parse', async (task, ctx) => {
      started.record(task.id);
      await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
    });
    queue.start();
    const task = await queue.enqueue({ type: 'resume.parse' });
    await started.untilCount(1);

    expect(await queue.recover()).toBe(0);
    expect(await queue.get(task.id)).toMatchObject({ status: 'running' });
  });
});

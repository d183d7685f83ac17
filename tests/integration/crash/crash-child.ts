// Child process of the crash-safety test: opens the real app database (SQLite storage) and task
// queue in DATA_DIR, starts a task that stays running, then inserts documents in a loop and prints
// "ACK <id>" only after each insert has resolved. The parent SIGKILLs it at random moments.
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { createAppDatabase } from '../../../src/main/core/db/database.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import type { Candidate } from '../../../src/shared/schemas/candidate.js';
import { systemClock } from '../../../src/main/core/clock.js';
import { silentLog } from '../../../src/main/core/log.js';
import { createTaskQueue } from '../../../src/main/core/tasks/queue.js';

const [dataDir, run] = process.argv.slice(2);
if (!dataDir || !run) throw new Error('usage: crash-child.ts DATA_DIR RUN');

const db = await createAppDatabase({
  storage: getRxStorageSQLite({ databaseDir: dataDir }),
  deviceId: 'crash-test-device',
  devMode: false,
  log: silentLog,
});
const queue = createTaskQueue({ collection: db.tasks, clock: systemClock, log: silentLog, isOnline: () => true, deviceId: 'crash-test-device' });
queue.register('crash.hold', (_task, ctx) => {
  process.stdout.write(`RUNNING ${_task.id}\n`);
  // Holds the task in `running` until the process dies.
  return new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted'))));
});
await queue.recover();
queue.start();
// Enough attempts that no kill here exhausts them (a task that crashed its last attempt is dead-lettered).
await queue.enqueue({ type: 'crash.hold', idempotencyKey: `hold-${run}`, maxAttempts: 100 });

for (let i = 0; ; i++) {
  const id = `c-${run}-${i}`;
  // Alternate single inserts and small bulk writes so both paths are killed mid-flight.
  if (i % 5 === 4) {
    const ids = [0, 1, 2].map((k) => `${id}-b${k}`);
    await db.candidates.bulkInsert(ids.map((bid) => candidate(bid)));
    process.stdout.write(ids.map((bid) => `ACK ${bid}\n`).join(''));
  } else {
    await db.candidates.insert(candidate(id));
    process.stdout.write(`ACK ${id}\n`);
  }
}

function candidate(id: string): Candidate {
  return unstamped<Candidate>({
    id,
    name: `Candidate ${id}`,
    emails: [`${id}@example.com`],
    primaryEmail: `${id}@example.com`,
    phones: [],
    primaryPhone: '',
    links: [],
    tags: ['crash-test'],
    skills: ['TypeScript'],
  });
}

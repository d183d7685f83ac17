// Crash safety of the whole data path: a child process writes through the real database and task
// queue and reports each acknowledged write; it is SIGKILLed at random moments, at least 20 times.
// After every kill the database reopens with every acknowledged write present, SQLite's integrity
// check passes, and the task the child left running goes back to queued.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/main/core/clock.js';
import { createAppDatabase, DEFAULT_DATABASE_NAME } from '../../../src/main/core/db/database.js';
import { databaseFilePath, getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { silentLog } from '../../../src/main/core/log.js';
import { createTaskQueue } from '../../../src/main/core/tasks/queue.js';

const KILLS = 24;
const CHILD = resolve('tests/integration/crash/crash-child.ts');

interface ChildRun {
  acked: string[];
  sawRunningTask: boolean;
}

/** Runs the writer until it has acknowledged `killAfterAcks` writes, then SIGKILLs it mid-loop. */
function runAndKill(dataDir: string, run: number, killAfterAcks: number): Promise<ChildRun> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let sawRunningTask = false;
    let buffered = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ACK ')) acked.push(line.slice(4));
        else if (line.startsWith('RUNNING ')) sawRunningTask = true;
      }
      if (!killed && sawRunningTask && acked.length >= killAfterAcks) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (_code, signal) => {
      if (signal === 'SIGKILL') res({ acked, sawRunningTask });
      else rej(new Error(`writer exited on its own (${signal ?? _code}) before the kill:\n${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged write and requeues running tasks across ${KILLS} SIGKILLs`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crash-safety-'));
    const allAcked: string[] = [];
    // Seeded so a failure can be replayed; kill points spread from "just started" to "well into the loop".
    let seed = 12345;
    const nextKillPoint = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return 1 + (seed % 400);
    };

    for (let run = 0; run < KILLS; run++) {
      const { acked, sawRunningTask } = await runAndKill(dataDir, run, nextKillPoint());
      expect(sawRunningTask).toBe(true);
      allAcked.push(...acked);

      const file = databaseFilePath(dataDir, DEFAULT_DATABASE_NAME);
      const raw = new Database(file);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();

      const db = await createAppDatabase({ storage: getRxStorageSQLite({ databaseDir: dataDir }), deviceId: 'crash-test-device', devMode: false, log: silentLog });
      try {
        const found = await db.candidates.findByIds(allAcked).exec();
        const missing = allAcked.filter((id) => !found.has(id));
        expect(missing, `acknowledged writes lost after kill ${run + 1}`).toEqual([]);

        const queue = createTaskQueue({ collection: db.tasks, clock: systemClock, log: silentLog, isOnline: () => true, deviceId: 'crash-test-device' });
        expect(await queue.recover()).toBeGreaterThanOrEqual(1);
        expect(await queue.list({ status: 'running' })).toEqual([]);
        const held = await queue.list({ type: 'crash.hold' });
        expect(held.length).toBe(run + 1);
        expect(held.map((t) => t.status)).toEqual(held.map(() => 'queued'));
      } finally {
        await db.close();
      }
    }
    expect(allAcked.length).toBeGreaterThan(KILLS);
  }, 300_000);
});

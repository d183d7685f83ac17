// Writes the UI benchmark's data straight into a fresh app data folder before the app starts: the
// same database the headless app opens (same name, this folder's device id), filled with the API
// benchmark's generated candidates, so the list has real rows to page through.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../../src/main/core/clock.js';
import { createAppDatabase, getOrCreateDeviceId } from '../../../src/main/core/db/database.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import { silentLog } from '../../../src/main/core/log.js';
import { makeBenchData } from '../api/bench-data.js';

export interface SeededFolder {
  dataDir: string;
  candidates: number;
  seedMs: number;
}

export async function seedDataFolder(candidates: number): Promise<SeededFolder> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-ui-'));
  const started = performance.now();
  const db = await createAppDatabase({
    storage: getRxStorageSQLite({ databaseDir: join(dataDir, 'db') }),
    deviceId: getOrCreateDeviceId(dataDir),
    devMode: false,
    log: silentLog,
    clock: systemClock,
  });
  try {
    const data = makeBenchData({ jobs: 1, candidates, applications: 0, now: Date.now(), actorId: 'bench-seed' });
    const docs = data.candidates.map(unstamped);
    for (let i = 0; i < docs.length; i += 5000) {
      const { error } = await db.candidates.bulkInsert(docs.slice(i, i + 5000));
      if (error.length > 0) throw new Error(`seeding candidates: ${error.length} failed, first: ${JSON.stringify(error[0])}`);
    }
  } finally {
    await db.close();
  }
  return { dataDir, candidates, seedMs: Math.round(performance.now() - started) };
}

import type { RxCollection } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/main/core/clock.js';
import { createAppDatabase, openRxDatabase } from '../../../src/main/core/db/database.js';
import { analysisRxSchemaV0 } from '../../../src/main/core/db/migrations/analyses.js';
import { silentLog } from '../../../src/main/core/log.js';

const WRITTEN_AT = 1_700_000_000_000;

function analysisV0(id: string, educationLevel: string) {
  return {
    id,
    createdAt: WRITTEN_AT,
    updatedAt: WRITTEN_AT,
    deviceId: 'old-laptop',
    resumeId: 'resume-1',
    jobId: '',
    provider: 'mock',
    model: 'offline',
    promptVersion: 'v1',
    blind: false,
    status: 'completed',
    cacheKey: `key-${id}`,
    result: {
      scores: { technical: 50, soft: 40, experience: 60, education: 70, overall: 55 },
      skills: ['Python'],
      yearsOfExperience: 3,
      educationLevel,
      strengths: [],
      concerns: [],
      summary: 'ok',
    },
  };
}

describe('analyses schema v0 → v1', () => {
  it('opens a database written with v0, mapping the dropped "vocational" level and keeping the rest', async () => {
    const storage = getRxStorageMemory();
    const name = `analyses-migrate-${WRITTEN_AT}`;
    const old = await openRxDatabase<{ analyses: RxCollection<unknown> }>({ storage, name, devMode: true });
    await old.addCollections({ analyses: { schema: analysisRxSchemaV0() as never } });
    const written = await old.analyses.bulkInsert([analysisV0('a-1', 'vocational'), analysisV0('a-2', 'master')]);
    expect(written.error).toEqual([]);
    await old.close();

    const db = await createAppDatabase({ storage, name, deviceId: 'new-laptop', devMode: true, log: silentLog, clock: new FakeClock(WRITTEN_AT + 1) });
    try {
      const levels = new Map((await db.analyses.find().exec()).map((doc) => [doc.id, doc.toJSON().result?.educationLevel]));
      expect(levels).toEqual(new Map([['a-1', 'high_school'], ['a-2', 'master']]));
    } finally {
      await db.close();
    }
  });
});

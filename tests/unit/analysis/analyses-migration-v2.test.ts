import type { RxCollection } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { openRxDatabase, type AnyRxStorage } from '../../../src/main/core/db/database.js';
import { analysisRxSchemaV1, migrateAnalysisV0 } from '../../../src/main/core/db/migrations/analyses.js';
import type { Analysis } from '../../../src/shared/schemas/analysis.js';
import { uniqueDatabaseName } from '../../integration/db/factories.js';
import { migrationStorages, openWithCurrentSchemas } from '../../integration/db/migration-harness.js';

const WRITTEN_AT = 1_700_000_000_000;

function analysisV1(id: string, provider: string) {
  return {
    id,
    createdAt: WRITTEN_AT,
    updatedAt: WRITTEN_AT,
    deviceId: 'old-laptop',
    resumeId: 'resume-1',
    jobId: '',
    provider,
    model: 'offline-v1',
    promptVersion: 'v1',
    blind: false,
    status: 'completed',
    cacheKey: `key-${id}`,
    usage: { inputTokens: 10, outputTokens: 5, costUsd: 0.25 },
    result: {
      scores: { technical: 50, soft: 40, experience: 60, education: 70, overall: 55 },
      skills: ['Python'],
      yearsOfExperience: 3,
      educationLevel: 'master',
      strengths: [],
      concerns: [],
      summary: 'ok',
    },
  };
}

/**
 * Writes documents as the v1 app did. The harness's writeWithEarlierSchema creates the collection
 * without migration strategies, which dev mode refuses for a version above 0; v1 had one (0 → 1).
 */
async function writeWithV1(storage: AnyRxStorage, name: string, docs: Analysis[]): Promise<void> {
  const db = await openRxDatabase<{ analyses: RxCollection<Analysis> }>({ storage, name, devMode: true });
  try {
    await db.addCollections({ analyses: { schema: analysisRxSchemaV1(), migrationStrategies: { 1: migrateAnalysisV0 } } });
    expect((await db.analyses.bulkInsert(docs)).error).toEqual([]);
  } finally {
    await db.close();
  }
}

describe.each(migrationStorages('analyses-v2'))('analyses schema v1 → v2 on the $name', ({ open }) => {
  it('opens a database written with v1: documents keep their content and have no cachedFrom', async () => {
    const name = uniqueDatabaseName('analyses-migrate-v2');
    const written = [analysisV1('a-1', 'mock'), analysisV1('a-2', 'openai')];
    await writeWithV1(open(), name, written as unknown as Analysis[]);

    const db = await openWithCurrentSchemas(open(), name, WRITTEN_AT + 1);
    try {
      const docs = (await db.analyses.find({ sort: [{ createdAt: 'asc' }, { id: 'asc' }] }).exec()).map((doc) => doc.toMutableJSON());
      expect(docs.map((doc) => 'cachedFrom' in doc)).toEqual([false, false]);
      expect(docs.map((doc) => [doc.id, doc.provider, doc.usage, doc.result?.scores.overall])).toEqual(
        written.map((doc) => [doc.id, doc.provider, doc.usage, doc.result.scores.overall]),
      );
      // The new field is writable after the migration.
      await db.analyses.findOne('a-1').exec().then((doc) => doc?.incrementalPatch({ cachedFrom: 'a-2' }));
      expect((await db.analyses.findOne('a-1').exec())?.cachedFrom).toBe('a-2');
    } finally {
      await db.close();
    }
  });
});

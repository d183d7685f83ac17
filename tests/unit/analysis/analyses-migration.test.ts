import { describe, expect, it } from 'vitest';
import { analysisRxSchemaV0 } from '../../../src/main/core/db/migrations/analyses.js';
import type { Analysis } from '../../../src/shared/schemas/analysis.js';
import { uniqueDatabaseName } from '../../integration/db/factories.js';
import { migrationStorages, openWithCurrentSchemas, writeWithEarlierSchema } from '../../integration/db/migration-harness.js';

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

describe.each(migrationStorages('analyses'))('analyses schema v0 → v1 on the $name', ({ open }) => {
  it('opens a database written with v0, mapping the dropped "vocational" level and keeping the rest', async () => {
    const name = uniqueDatabaseName('analyses-migrate');
    // v0 allowed a level v1's type no longer has; the old documents are what that version stored.
    const docs = [analysisV0('a-1', 'vocational'), analysisV0('a-2', 'master')] as unknown as Analysis[];
    await writeWithEarlierSchema(open(), name, { collection: 'analyses', schema: analysisRxSchemaV0(), docs });

    const db = await openWithCurrentSchemas(open(), name, WRITTEN_AT + 1);
    try {
      const levels = new Map((await db.analyses.find().exec()).map((doc) => [doc.id, doc.toJSON().result?.educationLevel]));
      expect(levels).toEqual(new Map([['a-1', 'high_school'], ['a-2', 'master']]));
    } finally {
      await db.close();
    }
  });
});

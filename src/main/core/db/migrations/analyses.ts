// Migrations of the `analyses` collection.
//
// v0 → v1: v1 adds the optional `checks` (what the evidence check dropped) and derives the education
// levels from the profile extraction's list, which has no `vocational`; a v0 result saying
// `vocational` becomes `high_school`, the level a vocational diploma is ranked with there. No
// version of the app wrote analyses before v1, so the step is a safety net for development data.
//
// v1 → v2: v2 adds the optional `cachedFrom` (the analysis whose result a cache hit reused). An
// older document leaves it out: nothing says where its result came from, so it reads as not cached.
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { analysisRxSchema, type Analysis } from '../../../../shared/schemas/analysis.js';

interface StoredResult {
  educationLevel?: unknown;
}

const V0_EDUCATION_LEVELS = ['unknown', 'none', 'high_school', 'vocational', 'associate', 'bachelor', 'master', 'doctorate'];

interface SchemaNode {
  properties: Record<string, SchemaNode>;
  enum?: string[];
  maxLength?: number;
}

/** The v1 schema, rebuilt from v2 by undoing v2's one change. */
export function analysisRxSchemaV1(): RxJsonSchema<Analysis> {
  const schema = structuredClone(analysisRxSchema) as unknown as SchemaNode & { version: number };
  schema.version = 1;
  delete schema.properties['cachedFrom'];
  return schema as unknown as RxJsonSchema<Analysis>;
}

/** The v0 schema, rebuilt from v1 by undoing v1's two changes. */
export function analysisRxSchemaV0(): RxJsonSchema<Analysis> {
  const schema = structuredClone(analysisRxSchemaV1()) as unknown as SchemaNode & { version: number };
  schema.version = 0;
  delete schema.properties['checks'];
  const level = schema.properties['result']?.properties['educationLevel'];
  if (!level) throw new Error('the analysis schema has no result.educationLevel');
  level.enum = V0_EDUCATION_LEVELS;
  level.maxLength = Math.max(...V0_EDUCATION_LEVELS.map((value) => value.length));
  return schema as unknown as RxJsonSchema<Analysis>;
}

export function migrateAnalysisV0(doc: Record<string, unknown>): Record<string, unknown> {
  const result = doc['result'] as StoredResult | undefined;
  if (result?.educationLevel !== 'vocational') return doc;
  return { ...doc, result: { ...result, educationLevel: 'high_school' } };
}

/** v1 documents are valid v2 documents as they are: `cachedFrom` stays absent. */
export const migrateAnalysisV1 = (doc: Record<string, unknown>): Record<string, unknown> => doc;

export const analysisMigrationStrategies: MigrationStrategies = {
  1: migrateAnalysisV0,
  2: migrateAnalysisV1,
};

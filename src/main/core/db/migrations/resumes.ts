// Migrations of the `resumes` collection, with every earlier schema kept so a test can open a
// database written by it.
//
// v0 → v1: v1 stores `importId` on every résumé ('' when it came from no import) and indexes it with
// `createdAt`, so an import's status, cancel and retry read that import's résumés by an index range
// instead of every résumé. The PDF attachments are carried over by RxDB with each document.
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { Id } from '../../../../shared/schemas/base.js';
import { resumeRxSchema, type Resume } from '../../../../shared/schemas/resume.js';
import { toPlainJsonSchema } from '../../../../shared/schemas/rx-schema.js';

interface SchemaShape {
  version: number;
  properties: Record<string, unknown>;
  required: string[];
  indexes: (string | string[])[];
}

const isImportIndex = (index: string | string[]) => (typeof index === 'string' ? index === 'importId' : index.includes('importId'));

/** The v0 schema, rebuilt from v1 by undoing v1's one change. */
export function resumeRxSchemaV0(): RxJsonSchema<Resume> {
  const schema = structuredClone(resumeRxSchema) as unknown as SchemaShape;
  schema.version = 0;
  schema.properties['importId'] = toPlainJsonSchema(
    Id({ description: 'The import (upload request or folder import) that first stored this file.' }),
  );
  schema.required = schema.required.filter((field) => field !== 'importId');
  schema.indexes = schema.indexes.filter((index) => !isImportIndex(index));
  return schema as unknown as RxJsonSchema<Resume>;
}

export function migrateResumeV0ToV1(old: Resume): Resume {
  return { ...old, importId: old.importId ?? '' };
}

export const resumeMigrationStrategies: MigrationStrategies = {
  1: (old: Resume) => migrateResumeV0ToV1(old),
};

// Migration strategies per collection. A collection whose schema is still at version 0 has none;
// when a schema's version is bumped, its strategies go in a file named for the collection here
// (e.g. jobs.ts), together with the previous schema, and a test opens a database written by it.
import type { MigrationStrategies } from 'rxdb';
import { analysisMigrationStrategies } from './analyses.js';
import { candidateMigrationStrategies } from './candidates.js';
import { jobMigrationStrategies } from './jobs.js';
import { resumeMigrationStrategies } from './resumes.js';

export const MIGRATION_STRATEGIES: Readonly<Record<string, MigrationStrategies>> = {
  jobs: jobMigrationStrategies,
  analyses: analysisMigrationStrategies,
  candidates: candidateMigrationStrategies,
  resumes: resumeMigrationStrategies,
};

// Shared setup for the SQLite storage tests: temporary database directories, real RxDB databases
// (dev-mode + ajv validation around the storage) and small document factories.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { addRxPlugin, createRxDatabase, fillWithDefaultSettings, randomToken } from 'rxdb';
import type { RxCollection, RxDatabase, RxDocumentData, RxJsonSchema, RxStorageInstance } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { createLog, type Log } from '../../../src/main/core/log.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import type {
  RxStorageSQLite,
  SQLiteInstanceCreationOptions,
  SQLiteStorageInternals,
} from '../../../src/main/core/db/storage-sqlite/index.js';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBAttachmentsPlugin);

export interface Candidate {
  id: string;
  name: string;
  city: string;
  age: number;
  score: number;
}

export const candidateSchema: RxJsonSchema<Candidate> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 32 },
    name: { type: 'string', maxLength: 60 },
    city: { type: 'string', maxLength: 40 },
    age: { type: 'integer', minimum: 0, maximum: 150, multipleOf: 1 },
    score: { type: 'number', minimum: 0, maximum: 100, multipleOf: 0.5 },
  },
  required: ['id', 'name', 'city', 'age', 'score'],
  indexes: ['age', ['city', 'age'], 'score'],
  attachments: {},
};

export type Collections = { candidates: RxCollection<Candidate> };
export type TestDatabase = RxDatabase<Collections>;

export const CITIES = ['Lisbon', 'Porto', 'Faro', 'Braga', 'Coimbra'] as const;

/** A deterministic candidate: everything derives from the number, so tests can recompute results. */
export function makeCandidate(n: number, overrides: Partial<Candidate> = {}): Candidate {
  return {
    id: `c${String(n).padStart(6, '0')}`,
    name: `Candidate ${n}`,
    city: CITIES[n % CITIES.length] as string,
    age: 18 + (n % 50),
    score: ((n * 37) % 201) / 2,
    ...overrides,
  };
}

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sqlite-storage-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function openDatabase(
  databaseDir: string,
  options: { name?: string; log?: Log } = {},
): Promise<TestDatabase> {
  const storage = wrappedValidateAjvStorage({
    storage: getRxStorageSQLite({ databaseDir, ...(options.log ? { log: options.log } : {}) }),
  });
  const db = await createRxDatabase<Collections>({
    name: options.name ?? 'recruiting',
    storage,
    multiInstance: false,
  });
  await db.addCollections({ candidates: { schema: candidateSchema } });
  return db;
}

export function freshName(): string {
  return `db${randomToken(8).toLowerCase()}`;
}

/** A trace-level logger that keeps every SQL statement the storage executes. */
export function sqlRecorder(): { log: Log; statements: string[] } {
  const statements: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        const entry = JSON.parse(line) as { sql?: unknown };
        if (typeof entry.sql === 'string') statements.push(entry.sql);
      }
      done();
    },
  });
  return { log: createLog('trace', sink), statements };
}

export type CandidateData = RxDocumentData<Candidate>;
export type CandidateInstance = RxStorageInstance<Candidate, SQLiteStorageInternals, SQLiteInstanceCreationOptions>;

export const filledCandidateSchema = fillWithDefaultSettings(candidateSchema) as RxJsonSchema<CandidateData>;

/** A storage instance used directly, below RxDB's collection layer. */
export function openInstance(
  storage: RxStorageSQLite,
  databaseName: string,
  collectionName = 'candidates',
): Promise<CandidateInstance> {
  return storage.createStorageInstance<Candidate>({
    databaseInstanceToken: randomToken(10),
    databaseName,
    collectionName,
    schema: filledCandidateSchema,
    options: {},
    multiInstance: false,
    devMode: true,
  });
}

/** Storage-level document data for a candidate, at a given revision and last-write time. */
export function candidateData(candidate: Candidate, lwt: number, rev = '1-a', deleted = false): CandidateData {
  return { ...candidate, _deleted: deleted, _rev: rev, _attachments: {}, _meta: { lwt } };
}

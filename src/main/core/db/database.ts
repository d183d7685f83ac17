// Creates the app's RxDB database on a given storage: the plugins, schema validation in dev-mode,
// every collection with its migrations (run before the database is handed out), and the hooks
// that stamp each local write with its time and this device's id.
import { createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { systemClock, type Clock } from '../clock.js';
import type { Log } from '../log.js';
import { COLLECTION_NAMES, collectionCreators, type AppCollections } from './collections.js';
import { isRxDevModeActive, registerRxPlugins } from './plugins.js';
import { withDeletionStamps } from './deletion-stamp.js';
import { addWriteStampHooks } from './write-stamp.js';

export { getOrCreateDeviceId } from './device-id.js';
export type { AppCollections, AppDocuments, CollectionName } from './collections.js';

export const DEFAULT_DATABASE_NAME = 'recruiting-desk';

export type AppDatabase = RxDatabase<AppCollections>;

/** Any RxStorage: the project's SQLite storage in the app, RxDB's memory storage in tests. */
export type AnyRxStorage = RxStorage<unknown, unknown>;

export interface OpenDatabaseOptions {
  storage: AnyRxStorage;
  name?: string;
  /** RxDB dev-mode: schema checks, frozen documents, and every write validated against its schema. */
  devMode: boolean;
}

export interface AppDatabaseOptions extends OpenDatabaseOptions {
  /** This device's id (see getOrCreateDeviceId); stamped on every document it writes. */
  deviceId: string;
  log: Log;
  /** The clock whose time is stamped as `createdAt`/`updatedAt`. */
  clock?: Clock;
}

/**
 * An RxDB database with no collections yet: what createAppDatabase builds on, and what a
 * migration test uses to write a database the way an earlier version of the app did.
 */
export async function openRxDatabase<Collections>({
  storage,
  name = DEFAULT_DATABASE_NAME,
  devMode,
}: OpenDatabaseOptions): Promise<RxDatabase<Collections>> {
  registerRxPlugins({ devMode });
  // Dev-mode is process-wide once on, and then refuses storages that do not validate writes.
  const validate = isRxDevModeActive() && !storage.name.startsWith('validate-');
  return createRxDatabase<Collections>({
    name,
    storage: validate ? wrappedValidateAjvStorage({ storage }) : storage,
    // One process owns the database; there are no other tabs or processes to broadcast to.
    multiInstance: false,
  });
}

const DEVICE_ID = /^\S{1,64}$/;

export async function createAppDatabase(options: AppDatabaseOptions): Promise<AppDatabase> {
  const { deviceId, log, clock = systemClock } = options;
  if (!DEVICE_ID.test(deviceId)) {
    throw new Error('deviceId must be 1 to 64 characters without spaces');
  }
  const db = await openRxDatabase<AppCollections>({ ...options, storage: withDeletionStamps(options.storage, { deviceId, clock }) });
  try {
    await db.addCollections(collectionCreators());
  } catch (error) {
    await db.close();
    throw error;
  }
  for (const name of COLLECTION_NAMES) {
    addWriteStampHooks(db[name] as RxCollection, { deviceId, clock });
  }
  log.info(
    { database: db.name, storage: db.storage.name, collections: COLLECTION_NAMES.length, devMode: isRxDevModeActive() },
    'database open',
  );
  return db;
}

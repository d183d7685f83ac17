// Per-describe setup for a conformance block: one storage per block, fresh instances per test,
// every managed instance closed after its test and the storage cleaned up after the block.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { fillWithDefaultSettings, normalizeMangoQuery, prepareQuery, randomToken } from 'rxdb';
import type {
  MangoQuery,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorageInstance,
  RxStorageInstanceCreationParams,
} from 'rxdb';
import { personSchema } from './fixtures.js';
import type { Person } from './fixtures.js';
import type { AnyRxStorage, StorageSubject, StorageUnderTest } from './storages.js';

export type Instance<T = Person> = RxStorageInstance<T, unknown, unknown>;

export interface OpenOptions<T> {
  schema?: RxJsonSchema<T>;
  databaseName?: string;
  collectionName?: string;
}

export interface ConformanceHarness {
  readonly storage: AnyRxStorage;
  /** Names and schema for a new instance; unset names are fresh random ones. */
  paramsFor<T = Person>(options?: OpenOptions<T>): RxStorageInstanceCreationParams<T, unknown>;
  /** Opens an instance that is closed for the test when it ends. */
  open<T = Person>(options?: OpenOptions<T>): Promise<Instance<T>>;
  /** Opens an instance whose close or removal is the test's own business. */
  openUnmanaged<T = Person>(options?: OpenOptions<T>): Promise<Instance<T>>;
}

export function useStorageHarness(subject: StorageSubject): ConformanceHarness {
  let underTest: StorageUnderTest | undefined;
  const managed: Instance<unknown>[] = [];
  const databaseInstanceToken = randomToken(10);

  beforeAll(async () => {
    underTest = await subject.createStorage();
  });
  afterEach(async () => {
    const open = managed.splice(0);
    await Promise.all(open.map((instance) => instance.close()));
  });
  afterAll(async () => {
    await underTest?.cleanup();
  });

  const harness: ConformanceHarness = {
    get storage(): AnyRxStorage {
      if (!underTest) throw new Error(`the ${subject.name} storage was not created`);
      return underTest.storage;
    },
    paramsFor<T>(options: OpenOptions<T> = {}): RxStorageInstanceCreationParams<T, unknown> {
      const schema = options.schema ?? (personSchema as unknown as RxJsonSchema<T>);
      return {
        databaseInstanceToken,
        databaseName: options.databaseName ?? 'db' + randomToken(8),
        collectionName: options.collectionName ?? 'people' + randomToken(6),
        schema: fillWithDefaultSettings(schema),
        options: {},
        multiInstance: false,
        devMode: true,
      };
    },
    openUnmanaged<T>(options?: OpenOptions<T>): Promise<Instance<T>> {
      return harness.storage.createStorageInstance<T>(harness.paramsFor(options));
    },
    async open<T>(options?: OpenOptions<T>): Promise<Instance<T>> {
      const instance = await harness.openUnmanaged(options);
      managed.push(instance as Instance<unknown>);
      return instance;
    },
  };
  return harness;
}

/** Normalises and plans `query` the way RxDB does before it reaches a storage. */
export function prepare<T>(instance: Instance<T>, query: MangoQuery<T>): PreparedQuery<T> {
  return prepareQuery(instance.schema, normalizeMangoQuery(instance.schema, query));
}

export async function queryDocs<T>(instance: Instance<T>, query: MangoQuery<T>): Promise<RxDocumentData<T>[]> {
  const result = await instance.query(prepare(instance, query));
  return result.documents;
}

export async function countDocs<T>(instance: Instance<T>, query: MangoQuery<T>): Promise<number> {
  const result = await instance.count(prepare(instance, query));
  return result.count;
}

/** The stored document with `id`; fails the test when there is none. */
export async function readOne<T>(instance: Instance<T>, id: string, withDeleted = false): Promise<RxDocumentData<T>> {
  const [found] = await instance.findDocumentsById([id], withDeleted);
  if (!found) throw new Error(`document ${id} is not in the storage`);
  return found;
}

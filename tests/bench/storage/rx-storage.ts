// An RxStorage (ours on SQLite, or RxDB's memory storage) driven through the RxStorageInstance API,
// the layer the storage implements, with queries prepared exactly as RxDB prepares them.
import {
  fillWithDefaultSettings,
  getChangedDocumentsSince,
  normalizeMangoQuery,
  prepareQuery,
  randomToken,
  type MangoQuery,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageInstance,
} from 'rxdb';
import { benchJobSchema, type BenchJob } from './job-docs.js';
import { batches, type StorageContender } from './workload.js';

type Instance = RxStorageInstance<BenchJob, unknown, unknown, unknown>;

export async function createRxStorageContender(
  name: string,
  storage: RxStorage<unknown, unknown>,
  databaseName: string,
  persistent: boolean,
): Promise<StorageContender> {
  const schema = fillWithDefaultSettings(benchJobSchema) as RxJsonSchema<RxDocumentData<BenchJob>>;
  const open = () =>
    storage.createStorageInstance<BenchJob>({
      databaseInstanceToken: randomToken(10),
      databaseName,
      collectionName: 'jobs',
      schema,
      options: {},
      multiInstance: false,
      devMode: false,
    }) as Promise<Instance>;
  let instance = await open();
  const prepared = (query: MangoQuery<BenchJob>) => prepareQuery(schema, normalizeMangoQuery(schema, query));

  const contender: StorageContender = {
    name,
    async insert(jobs) {
      let lwt = Date.now();
      for (const batch of batches(jobs)) {
        const rows = batch.map((job) => ({
          document: { ...job, _deleted: false, _attachments: {}, _rev: '1-bench', _meta: { lwt: lwt++ } } as RxDocumentData<BenchJob>,
        }));
        const result = await instance.bulkWrite(rows, 'bench-insert');
        if (result.error.length > 0) throw new Error(`${name}: ${result.error.length} insert errors`);
      }
    },
    // Selectors carry `_deleted: false` as RxDB's collection queries always do.
    async queryByLocation(location) {
      const q = prepared({ selector: { location, _deleted: false } as MangoQuery<BenchJob>['selector'], sort: [{ location: 'asc' }, { updatedAt: 'asc' }], limit: 100 });
      return (await instance.query(q)).documents.length;
    },
    async queryBySalaryRange(from, to) {
      const q = prepared({ selector: { salaryMin: { $gte: from, $lt: to }, _deleted: false } as MangoQuery<BenchJob>['selector'], sort: [{ salaryMin: 'asc' }], limit: 100 });
      return (await instance.query(q)).documents.length;
    },
    async countOpen() {
      return (await instance.count(prepared({ selector: { status: 'open', _deleted: false } as MangoQuery<BenchJob>['selector'] }))).count;
    },
    async pageAllChanges(pageSize) {
      let seen = 0;
      let page = await getChangedDocumentsSince(instance, pageSize);
      while (page.documents.length > 0) {
        seen += page.documents.length;
        page = await getChangedDocumentsSince(instance, pageSize, page.checkpoint);
      }
      return seen;
    },
    async close() {
      await instance.close();
    },
  };
  if (persistent) {
    contender.reopen = async () => {
      await instance.close();
      instance = await open();
      await instance.count(prepared({ selector: { status: 'open' } }));
    };
  }
  return contender;
}

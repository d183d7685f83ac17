// Storage benchmark (issue: Foundation): at each size, the same workload on our SQLite RxStorage,
// RxDB's memory storage and raw better-sqlite3, with the targets evaluated on the results.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { measure, round, timeOnce } from '../stats.js';
import { LOCATIONS, makeJobs } from './job-docs.js';
import { createRawSqliteContender } from './raw-sqlite.js';
import { createRxStorageContender } from './rx-storage.js';
import type { StorageContender } from './workload.js';

const QUERY_RUNS = 300;

async function benchContender(contender: StorageContender, size: number) {
  const jobs = makeJobs(size);
  const insertMs = await timeOnce(() => contender.insert(jobs));
  const byLocation = await measure(QUERY_RUNS, async (i) => {
    const n = await contender.queryByLocation(LOCATIONS[i % LOCATIONS.length] as string);
    if (n !== 100) throw new Error(`${contender.name}: equality query returned ${n}, expected 100`);
  });
  const bySalary = await measure(QUERY_RUNS, async (i) => {
    const from = 20_000 + ((i * 7919) % 150_000);
    const n = await contender.queryBySalaryRange(from, from + 20_000);
    if (n !== 100) throw new Error(`${contender.name}: range query returned ${n}, expected 100`);
  });
  let openCount = 0;
  const count = await measure(50, async () => {
    openCount = await contender.countOpen();
  }, 5);
  let paged = 0;
  const pagingMs = await timeOnce(async () => {
    paged = await contender.pageAllChanges(1000);
  });
  if (paged !== size) throw new Error(`${contender.name}: paging saw ${paged} of ${size} documents`);
  const reopen = contender.reopen;
  const openMs = reopen ? await timeOnce(() => reopen()) : null;
  await contender.close();
  return {
    storage: contender.name,
    size,
    bulkInsertDocsPerSec: Math.round(size / (insertMs / 1000)),
    indexedEqualityQuery100: byLocation,
    indexedRangeQuery100: bySalary,
    countMs: count,
    countOpen: openCount,
    changesPagingDocsPerSec: Math.round(size / (pagingMs / 1000)),
    reopenMs: openMs,
  };
}

type Row = Awaited<ReturnType<typeof benchContender>>;

async function loadSqliteStorage() {
  try {
    const mod = await import('../../../src/main/core/db/storage-sqlite/index.js');
    return mod.getRxStorageSQLite;
  } catch (error) {
    console.warn(`storage bench: SQLite RxStorage not available (${(error as Error).message})`);
    return undefined;
  }
}

export async function runStorageBench(sizes: readonly number[]) {
  const getRxStorageSQLite = await loadSqliteStorage();
  const rows: Row[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `bench-storage-${size}-`));
    try {
      const contenders: (() => Promise<StorageContender>)[] = [
        async () => createRawSqliteContender(dir),
        async () => createRxStorageContender('rxdb memory', getRxStorageMemory(), `bench${size}mem${Date.now()}`, false),
      ];
      if (getRxStorageSQLite) {
        contenders.push(() => createRxStorageContender('sqlite rxstorage (ours)', getRxStorageSQLite({ databaseDir: dir }), `bench${size}`, true));
      }
      for (const make of contenders) {
        const row = await benchContender(await make(), size);
        console.log(`  ${row.storage} @ ${size}: insert ${row.bulkInsertDocsPerSec} docs/s, eq p50 ${row.indexedEqualityQuery100.p50} ms, range p50 ${row.indexedRangeQuery100.p50} ms, reopen ${row.reopenMs ?? '-'} ms`);
        rows.push(row);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { results: rows, targets: evaluateTargets(rows, sizes) };
}

function evaluateTargets(rows: readonly Row[], sizes: readonly number[]) {
  const largest = Math.max(...sizes);
  const smallest = Math.min(...sizes);
  const find = (storage: string, size: number) => rows.find((r) => r.storage === storage && r.size === size);
  const ours = find('sqlite rxstorage (ours)', largest);
  const oursSmall = find('sqlite rxstorage (ours)', smallest);
  const raw = find('raw better-sqlite3', largest);
  if (!ours || !raw || !oursSmall) return { evaluated: false, reason: 'SQLite RxStorage not benchmarked' };
  const ratioEq = ours.indexedEqualityQuery100.p50 / raw.indexedEqualityQuery100.p50;
  const ratioRange = ours.indexedRangeQuery100.p50 / raw.indexedRangeQuery100.p50;
  const growth = ours.indexedEqualityQuery100.p50 / oursSmall.indexedEqualityQuery100.p50;
  return {
    evaluated: true,
    [`indexedQueryWithin3xRawAt${largest}`]: { equalityRatio: round(ratioEq, 2), rangeRatio: round(ratioRange, 2), met: ratioEq <= 3 && ratioRange <= 3 },
    indexedQueryIndependentOfSize: { p50At: { [smallest]: oursSmall.indexedEqualityQuery100.p50, [largest]: ours.indexedEqualityQuery100.p50 }, growth: round(growth, 2), met: growth <= 1.5 },
    bulkInsertAtLeast20kPerSec: { docsPerSec: ours.bulkInsertDocsPerSec, met: ours.bulkInsertDocsPerSec >= 20_000 },
    [`open${largest}DocsUnder1s`]: { ms: ours.reopenMs, met: ours.reopenMs !== null && ours.reopenMs < 1000 },
  };
}

// The baseline: raw better-sqlite3 with prepared statements and one transaction per batch,
// storing the same JSON documents with the same indexes the RxDB schema declares.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BenchJob } from './job-docs.js';
import { batches, type StorageContender } from './workload.js';

export function createRawSqliteContender(dir: string): StorageContender {
  const file = join(dir, 'raw.sqlite');
  let db = open();

  function open() {
    const conn = new Database(file);
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = FULL');
    conn.exec(`CREATE TABLE IF NOT EXISTS jobs (
      id TEXT PRIMARY KEY, location TEXT, status TEXT, salaryMin INTEGER, updatedAt INTEGER, data TEXT) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS jobs_loc ON jobs(location, updatedAt, id);
      CREATE INDEX IF NOT EXISTS jobs_salary ON jobs(salaryMin, id);
      CREATE INDEX IF NOT EXISTS jobs_status ON jobs(status, updatedAt, id);
      CREATE INDEX IF NOT EXISTS jobs_changes ON jobs(updatedAt, id);`);
    return conn;
  }
  const statements = () => ({
    insert: db.prepare('INSERT INTO jobs (id, location, status, salaryMin, updatedAt, data) VALUES (?, ?, ?, ?, ?, ?)'),
    byLocation: db.prepare('SELECT data FROM jobs WHERE location = ? ORDER BY updatedAt, id LIMIT 100'),
    bySalary: db.prepare('SELECT data FROM jobs WHERE salaryMin >= ? AND salaryMin < ? ORDER BY salaryMin, id LIMIT 100'),
    countOpen: db.prepare("SELECT count(*) AS n FROM jobs WHERE status = 'open'"),
    firstPage: db.prepare('SELECT data, updatedAt, id FROM jobs ORDER BY updatedAt, id LIMIT ?'),
    nextPage: db.prepare('SELECT data, updatedAt, id FROM jobs WHERE (updatedAt, id) > (?, ?) ORDER BY updatedAt, id LIMIT ?'),
  });
  let s = statements();

  return {
    name: 'raw better-sqlite3',
    async insert(jobs: readonly BenchJob[]) {
      const insertBatch = db.transaction((batch: readonly BenchJob[]) => {
        for (const j of batch) s.insert.run(j.id, j.location, j.status, j.salaryMin, j.updatedAt, JSON.stringify(j));
      });
      for (const batch of batches(jobs)) insertBatch(batch);
    },
    async queryByLocation(location) {
      return (s.byLocation.all(location) as { data: string }[]).map((r) => JSON.parse(r.data)).length;
    },
    async queryBySalaryRange(from, to) {
      return (s.bySalary.all(from, to) as { data: string }[]).map((r) => JSON.parse(r.data)).length;
    },
    async countOpen() {
      return (s.countOpen.get() as { n: number }).n;
    },
    async pageAllChanges(pageSize) {
      let seen = 0;
      let rows = s.firstPage.all(pageSize) as { data: string; updatedAt: number; id: string }[];
      while (rows.length > 0) {
        seen += rows.map((r) => JSON.parse(r.data)).length;
        const last = rows[rows.length - 1] as { updatedAt: number; id: string };
        rows = s.nextPage.all(last.updatedAt, last.id, pageSize) as typeof rows;
      }
      return seen;
    },
    async reopen() {
      db.close();
      db = open();
      s = statements();
      s.countOpen.get();
    },
    async close() {
      db.close();
    },
  };
}

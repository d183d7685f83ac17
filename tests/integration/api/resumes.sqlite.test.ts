// The résumé service on the project's SQLite storage (the API tests use RxDB's memory storage): the
// PDF goes in as an inline attachment of the insert, the same bytes race onto one primary key, and
// list totals come back for filters no single index covers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAppEventBus } from '../../../src/main/core/app-events.js';
import { FakeClock } from '../../../src/main/core/clock.js';
import { createAppDatabase, type AppDatabase } from '../../../src/main/core/db/database.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { createActivityLog } from '../../../src/main/core/features/activities/service.js';
import { createResumeStore } from '../../../src/main/core/features/resumes/resume-store.js';
import { createResumeService, type IngestTarget, type ResumeService } from '../../../src/main/core/features/resumes/service.js';
import { silentLog } from '../../../src/main/core/log.js';
import { createTaskQueue } from '../../../src/main/core/tasks/queue.js';
import { makeResumeFile } from './resumes.fixtures.js';

let dir: string;
let db: AppDatabase;
let resumes: ResumeService;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'resumes-sqlite-'));
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  db = await createAppDatabase({ storage: getRxStorageSQLite({ databaseDir: dir }), name: 'resumes', deviceId: 'dev-1', devMode: false, log: silentLog, clock });
  const events = createAppEventBus();
  // Not started: these tests look at what is stored and queued, not at parsing.
  const queue = createTaskQueue({ collection: db.tasks, clock, log: silentLog, isOnline: () => true, deviceId: 'dev-1', events });
  const store = createResumeStore({ db, events });
  resumes = createResumeService({ db, store, queue, activities: createActivityLog({ db, clock }) });
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const target = (importId: string, candidateId = ''): IngestTarget => ({ actorId: 'user-1', importId, source: 'upload', candidateId });

it('stores the PDF with the document and reads back the same bytes', async () => {
  const bytes = await makeResumeFile();
  const staged = await resumes.stage({ name: 'cv.pdf', bytes }, target('imp-1'));
  await resumes.commit('user-1', [staged]);
  const id = staged.item.resume_id ?? '';
  const file = await resumes.file(id);
  expect(file.fileName).toBe('cv.pdf');
  expect(Buffer.compare(Buffer.from(file.bytes), Buffer.from(bytes))).toBe(0);
  expect((await db.tasks.find().exec()).map((t) => t.type)).toEqual(['resume.parse']);
});

it('keeps one résumé when the same bytes are stored twice at once', async () => {
  const bytes = await makeResumeFile();
  const both = await Promise.all([resumes.stage({ name: 'a.pdf', bytes }, target('imp-a')), resumes.stage({ name: 'b.pdf', bytes }, target('imp-b'))]);
  expect(both.filter((s) => s.inserted)).toHaveLength(1);
  expect(both.map((s) => s.item.duplicate).sort()).toEqual([false, true]);
  expect(await db.resumes.count().exec()).toBe(1);
});

it('counts list totals for an import and for status plus candidate together', async () => {
  for (const [importId, candidateId] of [['imp-1', 'cand-1'], ['imp-1', 'cand-2'], ['imp-2', 'cand-1']] as const) {
    await resumes.commit('user-1', [await resumes.stage({ name: 'cv.pdf', bytes: await makeResumeFile() }, target(importId, candidateId))]);
  }
  expect(await resumes.list({ import_id: 'imp-1' })).toMatchObject({ total: 2 });
  expect(await resumes.list({ status: 'uploaded', candidate_id: 'cand-1' })).toMatchObject({ total: 2 });
  expect(await resumes.list({ status: 'parsed' })).toMatchObject({ total: 0, items: [] });
});

it('deletes the document and its PDF', async () => {
  const staged = await resumes.stage({ name: 'cv.pdf', bytes: await makeResumeFile() }, target('imp-1'));
  await resumes.commit('user-1', [staged]);
  await resumes.remove('user-1', staged.item.resume_id ?? '');
  expect(await db.resumes.count().exec()).toBe(0);
  await expect(resumes.file(staged.item.resume_id ?? '')).rejects.toMatchObject({ code: 'NOT_FOUND' });
});

// The list services on the project's SQLite storage, which (unlike the memory storage the API tests
// use) can only count a filter no index covers by reading documents: totals must still come back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Principal } from '../../../src/main/core/api/access.js';
import { FakeClock } from '../../../src/main/core/clock.js';
import { createAppDatabase, type AppDatabase } from '../../../src/main/core/db/database.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import { createActivityLog } from '../../../src/main/core/features/activities/service.js';
import { createApplicationService, type ApplicationService } from '../../../src/main/core/features/applications/service.js';
import { createCandidateFacets } from '../../../src/main/core/features/candidates/facets.js';
import { createResumeCascade } from '../../../src/main/core/features/candidates/resume-cascade.js';
import { createCandidateService, type CandidateService } from '../../../src/main/core/features/candidates/service.js';
import { silentLog } from '../../../src/main/core/log.js';
import type { Job } from '../../../src/shared/schemas/job.js';

let dir: string;
let db: AppDatabase;
let candidates: CandidateService;
let applications: ApplicationService;
const recruiter: Principal = { userId: 'user-r', username: 'rita', role: 'recruiter', tokenId: 't', expiresAt: Number.MAX_SAFE_INTEGER };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'candidates-sqlite-'));
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  db = await createAppDatabase({ storage: getRxStorageSQLite({ databaseDir: dir }), name: 'listing', deviceId: 'dev-1', devMode: false, log: silentLog, clock });
  const activities = createActivityLog({ db, clock });
  applications = createApplicationService({ db, clock, activities });
  // No résumé feature here: a deleted candidate's résumé documents are simply removed.
  const resumes = createResumeCascade({ db, removeResume: async (_actorId, id) => void (await db.resumes.findOne(id).exec())?.remove() });
  candidates = createCandidateService({ db, activities, applications, resumes, facets: await createCandidateFacets({ db }) });
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const job = (title: string) =>
  db.jobs
    .insert(unstamped<Job>({ id: title, title, description: '', requiredSkills: [], niceToHaveSkills: [], company: 'Acme', location: '', remote: true, tags: [], status: 'open', autoAnalyze: false }))
    .then((d) => d.toMutableJSON());

it('counts candidate searches and tag filters that no index covers', async () => {
  for (const [name, tag] of [['Ana Lima', 'backend'], ['Bea Lima', 'frontend'], ['Caio Reis', 'backend']] as const) {
    await candidates.create('user-r', { name, emails: [`${name.split(' ')[0]?.toLowerCase()}@example.com`], tags: [tag] });
  }
  const search = await candidates.list({ q: 'lima', limit: 1, sort: 'name', order: 'asc' });
  expect(search.items.map((c) => c.name)).toEqual(['Ana Lima']);
  expect(search.total).toBe(2);
  expect((await candidates.list({ tag: 'BACKEND' })).total).toBe(2);
  expect((await candidates.list({})).total).toBe(3);
});

it('counts applications filtered by candidate and status together', async () => {
  const ana = await candidates.create('user-r', { name: 'Ana Lima' });
  const [a, b] = [await job('Backend'), await job('Frontend')];
  await applications.add('user-r', { jobId: a.id, candidateId: ana.id });
  const second = await applications.add('user-r', { jobId: b.id, candidateId: ana.id });
  await applications.changeStatus(recruiter, second.id, { status: 'screening' });

  const screening = await applications.list(recruiter, { candidate_id: ana.id, status: 'screening' });
  expect(screening.items.map((x) => x.jobTitle)).toEqual(['Frontend']);
  expect(screening.total).toBe(1);
  expect((await applications.list(recruiter, { candidate_id: ana.id })).total).toBe(2);
  expect(await applications.countByStatus()).toMatchObject({ applied: 1, screening: 1, hired: 0 });
  expect(await applications.countByStatus({ jobId: b.id })).toMatchObject({ applied: 0, screening: 1 });
  expect(await applications.countByJob([a.id, b.id, 'none'])).toEqual(new Map([[a.id, 1], [b.id, 1], ['none', 0]]));
});

it('filters candidates by application status with a text search (read by id), and by no application (through the sorted query)', async () => {
  const [ana, bea] = [await candidates.create('user-r', { name: 'Ana Lima' }), await candidates.create('user-r', { name: 'Bea Lima' })];
  await candidates.create('user-r', { name: 'Caio Reis' });
  const application = await applications.add('user-r', { jobId: (await job('Backend')).id, candidateId: ana.id });
  await applications.add('user-r', { jobId: (await job('Frontend')).id, candidateId: bea.id });
  await applications.changeStatus(recruiter, application.id, { status: 'interview' });

  const interview = await candidates.list({ status: 'interview', q: 'lima' });
  expect([interview.items.map((c) => c.name), interview.total, interview.items[0]?.applicationStatuses]).toEqual([['Ana Lima'], 1, ['interview']]);
  const none = await candidates.list({ status: 'none', sort: 'name', order: 'asc' });
  expect([none.items.map((c) => c.name), none.total]).toEqual([['Caio Reis'], 1]);
});

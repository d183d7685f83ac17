// The users service on the project's SQLite storage (the API tests use RxDB's memory storage):
// listing with a role filter, a search, and the case-insensitive username lookup sign-in uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FakeClock } from '../../../src/main/core/clock.js';
import { createAppDatabase, type AppDatabase } from '../../../src/main/core/db/database.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { createActivityLog } from '../../../src/main/core/features/activities/service.js';
import { createPasswordHasher } from '../../../src/main/core/features/auth/passwords.js';
import { createUserService, type UserService } from '../../../src/main/core/features/users/service.js';
import { silentLog } from '../../../src/main/core/log.js';
import { PASSWORD } from './auth.fixtures.js';

let dir: string;
let db: AppDatabase;
let users: UserService;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'users-sqlite-'));
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  db = await createAppDatabase({ storage: getRxStorageSQLite({ databaseDir: dir }), name: 'accounts', deviceId: 'dev-1', devMode: false, log: silentLog, clock });
  const candidates = { createForAccount: async () => ({ id: 'unused' }) };
  users = createUserService({ db, clock, activities: createActivityLog({ db, clock }), passwords: createPasswordHasher(), candidates });
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('lists, filters by role, searches and counts on SQLite', async () => {
  for (const [username, role] of [['Zoe', 'admin'], ['yann', 'recruiter'], ['xavier', 'recruiter'], ['wanda', 'recruiter']] as const) {
    await users.create('system', { username, email: `${username.toLowerCase()}@example.com`, password: PASSWORD, role });
  }
  const all = await users.list({ limit: 2 });
  expect(all.items.map((u) => u.username)).toEqual(['wanda', 'xavier']);
  expect(all.total).toBe(4);
  const recruiters = await users.list({ role: 'recruiter', skip: 1 });
  expect(recruiters.items.map((u) => u.username)).toEqual(['xavier', 'yann']);
  expect(recruiters.total).toBe(3);
  const search = await users.list({ search: 'A', role: 'recruiter' });
  expect(search.items.map((u) => u.username)).toEqual(['wanda', 'xavier', 'yann']);
  expect((await users.findByUsername('ZOE'))?.role).toBe('admin');
  expect(await users.hasAdmin()).toBe(true);
});

// Imports through HTTP: the status of an upload request, cancelling and retrying its parses, and
// the durable folder import (regular files only, progress, and a re-run that stores nothing twice).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportStatus } from '../../../src/shared/api/resumes.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { makePng } from '../pdf/pdf-factory.js';
import { makeResumeFile, pdf, uploadOk, waitForResume, waitForTask } from './resumes.fixtures.js';

let api: TestApi;
let staff: string;
let staffId: string;

// The queue is started by each test when it wants parses to run.
beforeEach(async () => {
  api = await createTestApi({}, { poolSize: 1 });
  const signedIn = await api.signIn('recruiter');
  staff = signedIn.token;
  staffId = signedIn.user.id;
});
afterEach(() => api.close());

const status = async (importId: string) => {
  const response = await api.as(staff, { method: 'GET', url: `/api/v1/resumes/imports/${importId}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ImportStatus>();
};
const post = (url: string, payload?: object) => api.as(staff, { method: 'POST', url, ...(payload ? { payload } : {}) });

describe('an upload request as an import', () => {
  it('counts its résumés per status, its duplicates and its refused files', async () => {
    const known = await makeResumeFile();
    await uploadOk(api, staff, [pdf('known.pdf', known)]);
    const body = await uploadOk(api, staff, [pdf('a.pdf', await makeResumeFile()), pdf('b.pdf', await makeResumeFile()), pdf('known.pdf', known), pdf('x.pdf', makePng(2, 2))]);
    expect(await status(body.import_id)).toEqual({ import_id: body.import_id, total: 2, uploaded: 2, parsing: 0, parsed: 0, failed: 0, analyzed: 0, duplicates: 1, rejected: 1 });
    api.queue.start();
    await Promise.all(body.items.slice(0, 2).map((i) => waitForResume(api, i.resume_id ?? '')));
    expect(await status(body.import_id)).toMatchObject({ total: 2, uploaded: 0, parsed: 2 });
    expect((await api.as(staff, { method: 'GET', url: '/api/v1/resumes/imports/unknown' })).statusCode).toBe(404);
  });

  it('cancels the parses not yet done (failed, code cancelled) and retries them on request', async () => {
    const body = await uploadOk(api, staff, [pdf('a.pdf', await makeResumeFile()), pdf('b.pdf', await makeResumeFile())]);
    const ids = body.items.map((i) => i.resume_id ?? '');
    const cancelled = await post(`/api/v1/resumes/imports/${body.import_id}/cancel`);
    expect(cancelled.json()).toEqual({ import_id: body.import_id, affected: 2 });
    for (const id of ids) {
      expect((await api.db.resumes.findOne(id).exec())?.parseError?.code).toBe('cancelled');
    }
    const tasks = await api.queue.list({ type: 'resume.parse' });
    expect(tasks.map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
    expect(await status(body.import_id)).toMatchObject({ total: 2, failed: 2 });

    api.queue.start();
    const retried = await post(`/api/v1/resumes/imports/${body.import_id}/retry`);
    expect(retried.json()).toEqual({ import_id: body.import_id, affected: 2 });
    const parsed = await Promise.all(ids.map((id) => waitForResume(api, id, new Set(['parsed']))));
    expect(parsed.map((r) => r.parseError)).toEqual([undefined, undefined]);
    expect(await status(body.import_id)).toMatchObject({ parsed: 2, failed: 0 });
  });
});

describe('importing a folder', () => {
  function makeFolder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'resume-folder-'));
    mkdirSync(join(dir, 'nested'));
    return dir;
  }

  it('refuses a relative path or one that is not an existing folder with 400', async () => {
    for (const path of ['relative/dir', '/definitely/not/here', join(makeFolder(), 'nested', '..', 'missing')]) {
      const response = await post('/api/v1/resumes/import-folder', { path });
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.details.field).toBe('path');
    }
  });

  it('stores every regular file of the folder (not subfolders or links), reports progress, and parses them', async () => {
    const dir = makeFolder();
    writeFileSync(join(dir, 'one.pdf'), await makeResumeFile());
    writeFileSync(join(dir, 'two.pdf'), await makeResumeFile());
    writeFileSync(join(dir, 'photo.pdf'), makePng(3, 3));
    writeFileSync(join(dir, 'nested', 'deep.pdf'), await makeResumeFile());
    symlinkSync(join(dir, 'nested', 'deep.pdf'), join(dir, 'link.pdf'));
    const progress: [number, number][] = [];
    api.events.on('task.progress', (event) => progress.push([event.done, event.total]));
    api.queue.start();

    const response = await post('/api/v1/resumes/import-folder', { path: dir });
    expect(response.statusCode).toBe(202);
    const { import_id, task_id } = response.json<{ import_id: string; task_id: string }>();
    expect(await waitForTask(api, task_id)).toBe('succeeded');
    expect(progress).toEqual([[0, 3], [1, 3], [2, 3], [3, 3]]);

    const stored = await api.db.resumes.find({ selector: { importId: import_id } }).exec();
    expect(stored.map((r) => r.fileName).sort()).toEqual(['one.pdf', 'two.pdf']);
    expect(stored.every((r) => r.source === 'folder')).toBe(true);
    await Promise.all(stored.map((r) => waitForResume(api, r.id)));
    expect(await status(import_id)).toMatchObject({ total: 2, parsed: 2, rejected: 1, duplicates: 0, task: { id: task_id, status: 'succeeded', done: 3, total: 3 } });
    expect((await api.queue.get(task_id)).result).toMatchObject({ files: 3, stored: 2, duplicates: 0, rejected: 1 });
  });

  it('run again after a crash part-way, stores each file once and queues the rest', async () => {
    const dir = makeFolder();
    const first = await makeResumeFile();
    writeFileSync(join(dir, 'a.pdf'), first);
    writeFileSync(join(dir, 'b.pdf'), await makeResumeFile());
    const { task_id } = (await post('/api/v1/resumes/import-folder', { path: dir })).json<{ task_id: string }>();
    // What the crashed first run left: a.pdf stored for this import, b.pdf not yet.
    const { resumes } = api.features.services;
    const staged = await resumes.stage({ name: 'a.pdf', bytes: first }, { actorId: staffId, importId: task_id, source: 'folder', candidateId: '' });
    await resumes.commit(staffId, [staged]);

    api.queue.start();
    expect(await waitForTask(api, task_id)).toBe('succeeded');
    expect((await api.queue.get(task_id)).result).toMatchObject({ files: 2, stored: 2, duplicates: 0, rejected: 0 });
    const stored = await api.db.resumes.find({ selector: { importId: task_id } }).exec();
    expect(stored.map((r) => r.fileName).sort()).toEqual(['a.pdf', 'b.pdf']);
    const parsed = await Promise.all(stored.map((r) => waitForResume(api, r.id)));
    expect(parsed.map((r) => r.status)).toEqual(['parsed', 'parsed']);
    const parseTasks = await api.queue.list({ type: 'resume.parse' });
    expect(parseTasks).toHaveLength(2);
  });
});

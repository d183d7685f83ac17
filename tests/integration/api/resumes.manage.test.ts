// Managing résumés through HTTP: list filters and paging, reading one, deleting, re-parsing, and
// what each role may do (candidates only their own; 401 without a token).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadResponse } from '../../../src/shared/api/resumes.js';
import type { Resume } from '../../../src/shared/schemas/resume.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { signInCandidate } from './candidates.fixtures.js';
import { makeResumeFile, pdf, upload, uploadOk, waitForResume, waitForTask } from './resumes.fixtures.js';

let api: TestApi;
let staff: string;
let admin: string;

beforeAll(async () => {
  api = await createTestApi({}, { poolSize: 1, startQueue: true });
  staff = (await api.signIn('recruiter')).token;
  admin = (await api.signIn('admin')).token;
});
afterAll(() => api.close());

const idOf = (body: UploadResponse) => body.items[0]?.resume_id ?? '';
const get = (token: string | undefined, url: string) => api.as(token, { method: 'GET', url });

describe('listing résumés', () => {
  it('lists newest first, pages with total, and filters by status, candidate and import', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      api.clock.advance(1000);
      ids.push(idOf(await uploadOk(api, staff, [pdf(`r${i}.pdf`, await makeResumeFile())])));
    }
    const parsed = await Promise.all(ids.map((id) => waitForResume(api, id)));

    const page = (await get(staff, '/api/v1/resumes/list?limit=2&skip=0')).json<{ items: Resume[]; total: number }>();
    expect(page.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items[0]).not.toHaveProperty('text');
    expect(page.items[0]).not.toHaveProperty('profile');

    const byCandidate = (await get(staff, `/api/v1/resumes/list?candidate_id=${parsed[0]?.candidateId}`)).json<{ items: Resume[] }>();
    expect(byCandidate.items.map((r) => r.id)).toEqual([ids[0]]);
    const byImport = (await get(staff, `/api/v1/resumes/list?import_id=${parsed[1]?.importId}`)).json<{ items: Resume[]; total: number }>();
    expect(byImport).toMatchObject({ total: 1, items: [{ id: ids[1] }] });
    const failed = (await get(staff, '/api/v1/resumes/list?status=failed')).json<{ items: Resume[] }>();
    expect(failed.items.every((r) => r.status === 'failed')).toBe(true);
    expect((await get(staff, '/api/v1/resumes/list?status=bogus')).statusCode).toBe(400);
  });
});

describe('reading, deleting and re-parsing', () => {
  it('answers the profile and parse status, and the text only with include=text', async () => {
    const id = idOf(await uploadOk(api, staff, [pdf('cv.pdf', await makeResumeFile())]));
    await waitForResume(api, id);
    const plain = (await get(staff, `/api/v1/resumes/${id}`)).json<Resume>();
    expect(plain).toMatchObject({ id, status: 'parsed' });
    expect(plain.profile).toBeDefined();
    expect(plain).not.toHaveProperty('text');
    const withText = (await get(staff, `/api/v1/resumes/${id}?include=text`)).json<Resume>();
    expect(withText.text).toContain('Pagamentos SA');
    expect((await get(staff, '/api/v1/resumes/nope')).statusCode).toBe(404);
  });

  it('deletes the résumé and its PDF, records it, and lets the same file be uploaded again', async () => {
    const bytes = await makeResumeFile();
    const id = idOf(await uploadOk(api, staff, [pdf('cv.pdf', bytes)]));
    await waitForResume(api, id);
    const response = await api.as(admin, { method: 'DELETE', url: `/api/v1/resumes/${id}` });
    expect(response.statusCode).toBe(200);
    expect(await api.db.resumes.findOne(id).exec()).toBeNull();
    expect((await get(staff, `/api/v1/resumes/${id}/file`)).statusCode).toBe(404);
    const activity = await api.db.activities.findOne({ selector: { subjectId: id, action: 'resume.deleted' } }).exec();
    expect(activity).not.toBeNull();
    const again = await uploadOk(api, staff, [pdf('cv.pdf', bytes)]);
    expect(again.items[0]).toMatchObject({ resume_id: id, duplicate: false });
    await waitForResume(api, id);
  });

  it('re-parses on request with a new task, and the résumé is parsed again', async () => {
    const id = idOf(await uploadOk(api, staff, [pdf('cv.pdf', await makeResumeFile())]));
    const first = await waitForResume(api, id);
    api.clock.advance(60_000);
    const response = await api.as(staff, { method: 'POST', url: `/api/v1/resumes/${id}/reparse` });
    expect(response.statusCode).toBe(202);
    const { task_id } = response.json<{ task_id: string }>();
    expect(await waitForTask(api, task_id)).toBe('succeeded');
    const again = (await api.db.resumes.findOne(id).exec())?.toMutableJSON();
    expect(again).toMatchObject({ status: 'parsed', parseGeneration: 1, candidateId: first.candidateId });
    expect(again?.parsedAt).toBeGreaterThan(first.parsedAt ?? 0);
  });
});

describe('who may do what', () => {
  it('answers 401 without a token on every résumé route', async () => {
    for (const [method, url] of [
      ['POST', '/api/v1/resumes/upload'],
      ['GET', '/api/v1/resumes/list'],
      ['GET', '/api/v1/resumes/x'],
      ['GET', '/api/v1/resumes/x/file'],
      ['DELETE', '/api/v1/resumes/x'],
      ['POST', '/api/v1/resumes/x/reparse'],
      ['GET', '/api/v1/resumes/imports/x'],
      ['POST', '/api/v1/resumes/import-folder'],
    ] as const) {
      expect((await api.as(undefined, { method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('refuses candidates the staff routes with 403', async () => {
    const { token } = await signInCandidate(api);
    expect((await api.as(token, { method: 'POST', url: '/api/v1/resumes/x/reparse' })).statusCode).toBe(403);
    expect((await api.as(token, { method: 'GET', url: '/api/v1/resumes/imports/x' })).statusCode).toBe(403);
    expect((await api.as(token, { method: 'POST', url: '/api/v1/resumes/import-folder', payload: { path: '/tmp' } })).statusCode).toBe(403);
  });

  it('lets a candidate upload, list, read, download and delete only their own résumés', async () => {
    const ana = await signInCandidate(api, 'Ana Costa');
    const rui = await signInCandidate(api, 'Rui Lopes');
    const own = idOf(await uploadOk(api, ana.token, [pdf('ana.pdf', await makeResumeFile())]));
    const others = idOf(await uploadOk(api, rui.token, [pdf('rui.pdf', await makeResumeFile())]));
    const resume = await waitForResume(api, own);
    await waitForResume(api, others);
    expect(resume.candidateId).toBe(ana.candidate.id);

    const list = (await get(ana.token, '/api/v1/resumes/list')).json<{ items: Resume[] }>();
    expect(list.items.map((r) => r.id)).toEqual([own]);
    expect((await get(ana.token, `/api/v1/resumes/list?candidate_id=${rui.candidate.id}`)).statusCode).toBe(403);
    expect((await get(ana.token, `/api/v1/resumes/${own}`)).statusCode).toBe(200);
    expect((await get(ana.token, `/api/v1/resumes/${own}/file`)).statusCode).toBe(200);
    expect((await get(ana.token, `/api/v1/resumes/${others}`)).statusCode).toBe(404);
    expect((await get(ana.token, `/api/v1/resumes/${others}/file`)).statusCode).toBe(404);
    expect((await api.as(ana.token, { method: 'DELETE', url: `/api/v1/resumes/${others}` })).statusCode).toBe(404);
    expect(await api.db.resumes.findOne(others).exec()).not.toBeNull();
    expect((await api.as(ana.token, { method: 'DELETE', url: `/api/v1/resumes/${own}` })).statusCode).toBe(200);
  });

  it('refuses a candidate uploading for someone else, and tells them nothing of a file someone else uploaded', async () => {
    const ana = await signInCandidate(api, 'Ana Costa');
    const rui = await signInCandidate(api, 'Rui Lopes');
    const forRui = await upload(api, ana.token, [pdf('x.pdf', await makeResumeFile())], { candidate_id: rui.candidate.id });
    expect(forRui.statusCode).toBe(403);
    const bytes = await makeResumeFile();
    await uploadOk(api, rui.token, [pdf('rui.pdf', bytes)]);
    const copy = await upload(api, ana.token, [pdf('copy.pdf', bytes)]);
    expect(copy.statusCode).toBe(400);
    expect(copy.json().error.details.items[0]).toMatchObject({ status: 'rejected', error: { code: 'duplicate_of_other' } });
    expect(copy.json().error.details.items[0]).not.toHaveProperty('resume_id');
  });

  it('lets staff upload for a named candidate, refuses an unknown one with 404, and a late candidate_id with 400 storing nothing', async () => {
    const { candidate } = await signInCandidate(api, 'Marta Reis');
    const body = await uploadOk(api, staff, [pdf('marta.pdf', await makeResumeFile())], { candidate_id: candidate.id });
    expect((await waitForResume(api, idOf(body))).candidateId).toBe(candidate.id);
    expect((await upload(api, staff, [pdf('x.pdf', await makeResumeFile())], { candidate_id: 'missing' })).statusCode).toBe(404);
    const before = await api.db.resumes.count().exec();
    const late = await upload(api, staff, [pdf('late.pdf', await makeResumeFile())], { candidate_id: candidate.id }, { fieldsLast: true });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details.field).toBe('candidate_id');
    expect(await api.db.resumes.count().exec()).toBe(before);
  });
});

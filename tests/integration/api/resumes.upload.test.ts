// Uploading résumés through HTTP: storage by hash, the parse task, the candidate it creates or
// links, duplicates, and the clear refusal of files that are not résumé PDFs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadResponse } from '../../../src/shared/api/resumes.js';
import type { Resume } from '../../../src/shared/schemas/resume.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { makeEncryptedPdf, makePng, makeScanPdf, makeZip } from '../pdf/pdf-factory.js';
import { makePerson, makeResumeFile, pdf, upload, uploadOk, waitForResume } from './resumes.fixtures.js';

let api: TestApi;
let staff: string;

beforeAll(async () => {
  api = await createTestApi({}, { poolSize: 1, startQueue: true });
  staff = (await api.signIn('recruiter')).token;
});
afterAll(() => api.close());

const firstId = (body: UploadResponse) => {
  const id = body.items[0]?.resume_id;
  if (!id) throw new Error(`no résumé id in ${JSON.stringify(body)}`);
  return id;
};

describe('uploading a résumé', () => {
  it('stores the PDF under its SHA-256, parses it in the pool and creates its candidate from the profile', async () => {
    const person = makePerson({ name: 'Inês Marques', email: 'ines.marques@example.com', phone: '+351 912 000 111' });
    const bytes = await makeResumeFile(person);
    const body = await uploadOk(api, staff, [pdf('../../etc/Inês CV.pdf', bytes)]);
    expect(body.items).toEqual([{ file_name: 'Inês CV.pdf', resume_id: expect.stringMatching(/^[0-9a-f]{64}$/), duplicate: false, status: 'uploaded' }]);
    const id = firstId(body);

    const resume = await waitForResume(api, id);
    expect(resume).toMatchObject({ status: 'parsed', sha256: id, size: bytes.length, pageCount: 2, fileName: 'Inês CV.pdf', importId: body.import_id, source: 'upload' });
    expect(resume.pdfMetadata?.title).toBe('CV — Inês Marques');
    expect(resume.text).toContain('Staff Engineer, Pagamentos SA');
    const profile = resume.profile as { basics: { name: string; email: string; phones: string[] }; skills: { name: string }[]; yearsOfExperience: number };
    expect(profile.basics).toMatchObject({ name: 'Inês Marques', email: 'ines.marques@example.com', phones: ['+351 912 000 111'] });
    expect(profile.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['TypeScript', 'Go', 'PostgreSQL', 'Kubernetes']));
    expect(profile.yearsOfExperience).toBeGreaterThan(9);

    const candidate = (await api.db.candidates.findOne(resume.candidateId).exec())?.toMutableJSON();
    expect(candidate).toMatchObject({ name: 'Inês Marques', primaryEmail: 'ines.marques@example.com', phones: ['+351 912 000 111'], location: 'Porto, Portugal', source: 'upload' });
    expect(candidate?.skills).toEqual(expect.arrayContaining(['TypeScript', 'Kubernetes']));
    expect(candidate?.links.map((l) => l.kind)).toEqual(expect.arrayContaining(['linkedin', 'github']));

    const file = await api.as(staff, { method: 'GET', url: `/api/v1/resumes/${id}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(`inline; filename="In_s CV.pdf"; filename*=UTF-8''In%C3%AAs%20CV.pdf`);
    expect(Buffer.compare(file.rawPayload, Buffer.from(bytes))).toBe(0);
  });

  it('announces every status change on the event bus: uploaded, parsing, parsed', async () => {
    const seen: string[] = [];
    const off = api.events.on('resume.changed', (event) => seen.push(event.status));
    const id = firstId(await uploadOk(api, staff, [pdf('cv.pdf', await makeResumeFile())]));
    await waitForResume(api, id);
    off();
    expect(seen).toEqual(['uploaded', 'parsing', 'parsed']);
  });

  it('takes several files in one request, each with its own item', async () => {
    const body = await uploadOk(api, staff, [pdf('a.pdf', await makeResumeFile()), pdf('b.pdf', await makeResumeFile()), pdf('c.png', makePng(4, 4))]);
    expect(body.items.map((i) => [i.file_name, i.status])).toEqual([
      ['a.pdf', 'uploaded'],
      ['b.pdf', 'uploaded'],
      ['c.png', 'rejected'],
    ]);
    expect(body.items[2]?.error?.code).toBe('not_pdf');
    await Promise.all(body.items.slice(0, 2).map((i) => waitForResume(api, i.resume_id ?? '')));
  });

  it('stores only the last part of the name, without control or bidi characters, at most 255 characters', async () => {
    const long = `${'x'.repeat(300)}.pdf`;
    const body = await uploadOk(api, staff, [pdf('C:\\Users\\me\\cv\u0007\u202Efdp.exe', await makeResumeFile()), pdf(long, await makeResumeFile()), pdf('..', await makeResumeFile())]);
    expect(body.items.map((i) => i.file_name)).toEqual(['cvfdp.exe', `${'x'.repeat(251)}.pdf`, 'resume.pdf']);
    await Promise.all(body.items.map((i) => waitForResume(api, i.resume_id ?? '')));
  });
});

describe('duplicates', () => {
  it('a second upload of the same PDF returns the first résumé and says it was a duplicate', async () => {
    const bytes = await makeResumeFile();
    const first = firstId(await uploadOk(api, staff, [pdf('first.pdf', bytes)]));
    await waitForResume(api, first);
    const again = await uploadOk(api, staff, [pdf('renamed.pdf', bytes)]);
    expect(again.items).toEqual([{ file_name: 'renamed.pdf', resume_id: first, duplicate: true, status: 'parsed' }]);
    expect(await api.db.resumes.count({ selector: { sha256: first } }).exec()).toBe(1);
  });

  it('two simultaneous uploads of the same PDF store one résumé and parse it once', async () => {
    const bytes = await makeResumeFile();
    const answers = await Promise.all([upload(api, staff, [pdf('x.pdf', bytes)]), upload(api, staff, [pdf('y.pdf', bytes)])]);
    const items = answers.map((r) => r.json<UploadResponse>().items[0]);
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(new Set(items.map((i) => i?.resume_id)).size).toBe(1);
    expect(items.map((i) => i?.duplicate).sort()).toEqual([false, true]);
    const id = items[0]?.resume_id ?? '';
    await waitForResume(api, id);
    const parseTasks = await api.queue.list({ type: 'resume.parse' });
    expect(parseTasks.filter((t) => t.payload.resumeId === id)).toHaveLength(1);
  });

  it('links a second résumé with the same e-mail to the first one’s candidate instead of creating another', async () => {
    const person = makePerson({ email: 'same.person@example.com' });
    const a = firstId(await uploadOk(api, staff, [pdf('a.pdf', await makeResumeFile(person))]));
    const b = firstId(await uploadOk(api, staff, [pdf('b.pdf', await makeResumeFile({ ...person, phone: '+351 999 888 777' }))]));
    const [ra, rb] = await Promise.all([waitForResume(api, a), waitForResume(api, b)]);
    expect(rb.candidateId).toBe(ra.candidateId);
    expect(await api.db.candidates.count({ selector: { primaryEmail: 'same.person@example.com' } }).exec()).toBe(1);
    // The second résumé's new phone fills the candidate; nothing already there is overwritten.
    const candidate = (await api.db.candidates.findOne(ra.candidateId).exec())?.toMutableJSON();
    expect(candidate?.phones).toEqual([person.phone, '+351 999 888 777']);
  });

  it('links by phone number (same digits, other spacing) when the e-mails differ', async () => {
    const a = firstId(await uploadOk(api, staff, [pdf('a.pdf', await makeResumeFile(makePerson({ email: 'one@example.com', phone: '+44 20 7946 0958' })))]));
    const b = firstId(await uploadOk(api, staff, [pdf('b.pdf', await makeResumeFile(makePerson({ email: 'two@example.com', phone: '+44 2079460958' })))]));
    const [ra, rb] = await Promise.all([waitForResume(api, a), waitForResume(api, b)]);
    expect(rb.candidateId).toBe(ra.candidateId);
  });
});

describe('files that are not résumé PDFs', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string][] = [
    ['a PNG named .pdf', () => makePng(8, 8), 'not_pdf'],
    ['a ZIP named .pdf', () => makeZip(), 'not_pdf'],
    ['an empty file', () => new Uint8Array(0), 'empty'],
    ['a truncated PDF', async () => (await makeResumeFile()).subarray(0, 600), 'truncated'],
    // One byte over the pool's 20 MB limit: the upload stops reading it there.
    ['a PDF over the size limit', () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(api.pool.limits.maxBytes), Buffer.from('%%EOF')]), 'too_large'],
  ];
  for (const [what, make, code] of cases) {
    it(`refuses ${what} with 400, code ${code}, and stores nothing`, async () => {
      const before = await api.db.resumes.count().exec();
      const response = await upload(api, staff, [pdf('resume.pdf', await make())]);
      expect(response.statusCode).toBe(400);
      const error = response.json<{ error: { code: string; message: string; details: { items: UploadResponse['items'] } } }>().error;
      expect(error.code).toBe('VALIDATION');
      expect(error.details.items[0]).toMatchObject({ file_name: 'resume.pdf', status: 'rejected', duplicate: false, error: { code } });
      expect(error.message.length).toBeGreaterThan(10);
      expect(await api.db.resumes.count().exec()).toBe(before);
    });
  }

  it('refuses a request with no files, and one that is not multipart', async () => {
    const none = await upload(api, staff, []);
    expect(none.statusCode).toBe(400);
    const json = await api.as(staff, { method: 'POST', url: '/api/v1/resumes/upload', payload: { files: [] } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toContain('multipart/form-data');
  });

  it('marks an encrypted PDF failed with code encrypted', async () => {
    const id = firstId(await uploadOk(api, staff, [pdf('locked.pdf', await makeEncryptedPdf())]));
    const resume: Resume = await waitForResume(api, id);
    expect(resume.status).toBe('failed');
    expect(resume.parseError?.code).toBe('encrypted');
    expect(resume.candidateId).toBe('');
  });

  it('marks a scan failed with no_text_layer and says it looks like a scan', async () => {
    const id = firstId(await uploadOk(api, staff, [pdf('scan.pdf', await makeScanPdf())]));
    const resume = await waitForResume(api, id);
    expect(resume).toMatchObject({ status: 'failed', pageCount: 1, parseError: { code: 'no_text_layer' } });
    expect(resume.parseError?.message).toMatch(/^no text layer: this looks like a scan/);
  });
});

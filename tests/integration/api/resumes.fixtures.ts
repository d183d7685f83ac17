// Small factories for the résumés API tests: résumé PDFs built with pdf-lib, multipart bodies as a
// browser sends them, and waits on the event bus (never on time) for a résumé to reach a status.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { UploadResponse } from '../../../src/shared/api/resumes.js';
import type { Resume } from '../../../src/shared/schemas/resume.js';
import type { TestApi } from '../../support/api-harness.js';
import { column, makePdf } from '../pdf/pdf-factory.js';

export interface PersonSpec {
  name: string;
  email: string;
  phone: string;
  location: string;
}

let serial = 0;

export function makePerson(overrides: Partial<PersonSpec> = {}): PersonSpec {
  serial++;
  return { name: `Inês Marques ${String.fromCharCode(65 + (serial % 26))}`, email: `ines${serial}@example.com`, phone: `+351 912 345 ${String(100 + serial).padStart(3, '0')}`, location: 'Porto, Portugal', ...overrides };
}

/** A realistic two-page résumé of this person, as a PDF with a text layer. */
export async function makeResumeFile(person: PersonSpec = makePerson()): Promise<Uint8Array> {
  const pages = [
    [
      person.name,
      'Senior Backend Engineer',
      `${person.email} | ${person.phone} | ${person.location}`,
      'linkedin.com/in/ines-marques | https://github.com/inesmarques',
      'Summary',
      'Backend engineer building payment systems in TypeScript and Go.',
      'Experience',
      'Staff Engineer, Pagamentos SA — Mar 2019 – Present',
      '• Led the move of the settlement service to Kubernetes',
      'Software Engineer, Café Systems — Jan 2015 – Feb 2019',
      '• Built the ordering API with Node.js and Redis',
    ],
    ['Education', 'MSc Computer Science, Universidade de Lisboa, 2014', 'Skills', 'TypeScript, Go, PostgreSQL, Kubernetes, Docker, Redis'],
  ];
  return makePdf({ title: `CV — ${person.name}`, pages: pages.map((lines) => ({ runs: column(lines, 50, 780, 18) })) });
}

export interface FilePart {
  name: string;
  bytes: Uint8Array;
  field?: string;
  contentType?: string;
}

/** A multipart/form-data body: the fields first (as the API asks), then the files. */
export function multipart(files: readonly FilePart[], fields: Record<string, string> = {}, { fieldsLast = false } = {}) {
  const boundary = `----test${randomUUID()}`;
  const fieldParts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  const fileParts = files.map((file) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'files'}"; filename="${file.name}"\r\nContent-Type: ${file.contentType ?? 'application/pdf'}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    ]),
  );
  const parts = fieldsLast ? [...fileParts, ...fieldParts] : [...fieldParts, ...fileParts];
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function upload(api: TestApi, token: string | undefined, files: readonly FilePart[], fields: Record<string, string> = {}, options: { fieldsLast?: boolean } = {}) {
  const { payload, headers } = multipart(files, fields, options);
  return api.as(token, { method: 'POST', url: '/api/v1/resumes/upload', payload, headers });
}

/** Uploads files that must all be accepted, and answers the body. */
export async function uploadOk(api: TestApi, token: string, files: readonly FilePart[], fields: Record<string, string> = {}): Promise<UploadResponse> {
  const response = await upload(api, token, files, fields);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<UploadResponse>();
}

const FINAL = new Set(['parsed', 'failed', 'analyzed']);

/** Resolves with the résumé once its status is one of `statuses` (parsed or failed by default). */
export function waitForResume(api: TestApi, id: string, statuses: ReadonlySet<string> = FINAL): Promise<Resume> {
  return new Promise((resolve, reject) => {
    const check = () =>
      api.db.resumes
        .findOne(id)
        .exec()
        .then((doc) => {
          if (doc && statuses.has(doc.status)) {
            off();
            resolve(doc.toMutableJSON());
          }
        }, reject);
    const off = api.events.on('resume.changed', (event) => {
      if (event.id === id) void check();
    });
    void check();
  });
}

/** Resolves when the task reaches a finished status. */
export function waitForTask(api: TestApi, id: string, statuses: ReadonlySet<string> = new Set(['succeeded', 'failed', 'dead', 'cancelled'])) {
  return new Promise<string>((resolve, reject) => {
    const check = () =>
      api.queue.get(id).then((task) => {
        if (statuses.has(task.status)) {
          off();
          resolve(task.status);
        }
      }, reject);
    const off = api.events.on('task.changed', (event) => {
      if (event.id === id) void check();
    });
    void check();
  });
}

export const pdf = (name: string, bytes: Uint8Array): FilePart => ({ name, bytes });

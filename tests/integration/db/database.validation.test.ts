import { RxError } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src/main/core/db/database.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import type { Application } from '../../../src/shared/schemas/application.js';
import type { Job } from '../../../src/shared/schemas/job.js';
import type { Resume } from '../../../src/shared/schemas/resume.js';
import type { User } from '../../../src/shared/schemas/user.js';
import { SAMPLE_DOCUMENTS, makeJob, openTestDatabase } from './factories.js';

/** A deliberately invalid document, past the type checker, to see what the database does with it. */
const invalid = <T>(doc: object): T => doc as T;

interface Rejection {
  code: string;
  errors: { instancePath: string; keyword: string; params: Record<string, unknown> }[];
}

/** The RxDB error a write failed with, and the schema violations it names. */
async function rejectionOf(write: Promise<unknown>): Promise<Rejection> {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RxError)) throw new Error(`expected the write to fail with an RxError, got ${String(error)}`);
  const writeError = error.parameters.writeError as { validationErrors?: Rejection['errors'] } | undefined;
  return { code: error.code, errors: writeError?.validationErrors ?? [] };
}

describe('schema validation in dev-mode', () => {
  let db: AppDatabase;
  afterEach(async () => {
    await db.close();
  });

  it('rejects a document with a field its schema does not know, naming the field', async () => {
    ({ db } = await openTestDatabase());
    const rejection = await rejectionOf(db.jobs.insert(invalid<Job>({ ...makeJob(), colour: 'red' })));
    expect(rejection.code).toBe('VD2');
    expect(rejection.errors[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'colour' } });
  });

  it('rejects a status outside the allowed values, naming the field', async () => {
    ({ db } = await openTestDatabase());
    const rejection = await rejectionOf(db.jobs.insert(invalid<Job>({ ...makeJob(), status: 'archived' })));
    expect(rejection.code).toBe('VD2');
    expect(rejection.errors[0]).toMatchObject({ instancePath: '/status', keyword: 'enum' });
  });

  it('rejects a document missing a required field, naming the field', async () => {
    ({ db } = await openTestDatabase());
    const { title: _title, ...untitled } = makeJob();
    const rejection = await rejectionOf(db.jobs.insert(invalid<Job>(untitled)));
    expect(rejection.errors[0]).toMatchObject({ keyword: 'required', params: { missingProperty: 'title' } });
  });

  it('rejects an invalid value deep inside a document', async () => {
    ({ db } = await openTestDatabase());
    const application = SAMPLE_DOCUMENTS.applications();
    const broken = { ...application, history: [{ at: 1, by: 'user-1', to: 'promoted' }] };
    const rejection = await rejectionOf(db.applications.insert(invalid<Application>(broken)));
    expect(rejection.errors[0]).toMatchObject({ instancePath: '/history/0/to', keyword: 'enum' });
  });

  it('rejects an update that would break the schema and keeps the stored document', async () => {
    ({ db } = await openTestDatabase());
    const job = await db.jobs.insert(unstamped<Job>(makeJob({ salaryMin: 40_000 })));
    const rejection = await rejectionOf(job.incrementalPatch({ salaryMin: -1 }));
    expect(rejection.errors[0]).toMatchObject({ instancePath: '/salaryMin', keyword: 'minimum' });
    expect((await db.jobs.findOne(job.id).exec())?.salaryMin).toBe(40_000);
  });

  it('rejects a malformed e-mail address and a malformed content hash', async () => {
    ({ db } = await openTestDatabase());
    const user = { ...SAMPLE_DOCUMENTS.users(), email: 'not-an-address' };
    expect((await rejectionOf(db.users.insert(unstamped<User>(user)))).errors[0]).toMatchObject({
      instancePath: '/email',
      keyword: 'format',
    });
    const resume = { ...SAMPLE_DOCUMENTS.resumes(), sha256: 'XYZ' };
    expect((await rejectionOf(db.resumes.insert(unstamped<Resume>(resume)))).errors[0]).toMatchObject({
      instancePath: '/sha256',
    });
  });
});

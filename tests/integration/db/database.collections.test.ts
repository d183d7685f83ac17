import type { RxCollection } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS } from '../../../src/main/core/db/collections.js';
import type { AppDatabase } from '../../../src/main/core/db/database.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import type { Resume } from '../../../src/shared/schemas/resume.js';
import { SAMPLE_DOCUMENTS, openTestDatabase } from './factories.js';

const EXPECTED_COLLECTIONS = [
  'users',
  'jobs',
  'candidates',
  'resumes',
  'applications',
  'analyses',
  'interviews',
  'emails',
  'email_templates',
  'activities',
  'tasks',
  'settings',
];

describe('the app database', () => {
  let db: AppDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('creates every collection of the design', async () => {
    ({ db } = await openTestDatabase());
    expect(Object.keys(db.collections).sort()).toEqual([...EXPECTED_COLLECTIONS].sort());
    expect([...COLLECTION_NAMES].sort()).toEqual([...EXPECTED_COLLECTIONS].sort());
  });

  it('gives every collection a string primary key and the fields sync merges on', () => {
    for (const name of COLLECTION_NAMES) {
      const schema = COLLECTION_SCHEMAS[name];
      expect(schema.primaryKey, name).toBe('id');
      expect(schema.properties.id, name).toMatchObject({ type: 'string', maxLength: 64 });
      for (const field of ['createdAt', 'updatedAt', 'deviceId']) {
        expect(schema.required, `${name}.${field}`).toContain(field);
      }
      expect(schema.properties.updatedAt, name).toMatchObject({ type: 'integer', multipleOf: 1 });
    }
  });

  it('stores only plain JSON Schema, with none of TypeBox’s marker keys', () => {
    for (const name of COLLECTION_NAMES) {
      const text = JSON.stringify(COLLECTION_SCHEMAS[name]);
      expect(text, name).not.toContain('~kind');
      expect(structuredClone(COLLECTION_SCHEMAS[name]), name).toEqual(JSON.parse(text));
    }
  });

  it('starts every collection at version 0 except jobs, candidates and resumes, at version 1, and analyses, at version 2', () => {
    const versions = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, COLLECTION_SCHEMAS[name].version]));
    expect(versions).toEqual({ ...Object.fromEntries(EXPECTED_COLLECTIONS.map((n) => [n, 0])), jobs: 1, analyses: 2, candidates: 1, resumes: 1 });
  });

  it('accepts a realistic document in every collection and reads it back unchanged', async () => {
    ({ db } = await openTestDatabase());
    for (const name of COLLECTION_NAMES) {
      const written = SAMPLE_DOCUMENTS[name]();
      // Untyped on purpose: one loop over collections of different document types.
      const collection: RxCollection = db[name];
      await collection.insert(written);
      const read = await collection.findOne(written.id).exec();
      expect(read?.toJSON(), name).toMatchObject(written);
    }
  });

  it('lets résumé PDFs be stored as attachments and read back byte for byte', async () => {
    ({ db } = await openTestDatabase());
    const resume = await db.resumes.insert(unstamped<Resume>(SAMPLE_DOCUMENTS.resumes()));
    const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
    await resume.putAttachment({ id: 'resume.pdf', data: new Blob([pdf]), type: 'application/pdf' });
    const stored = (await db.resumes.findOne(resume.id).exec())?.getAttachment('resume.pdf');
    expect(stored?.type).toBe('application/pdf');
    const bytes = new Uint8Array(await (await stored!.getData()).arrayBuffer());
    expect(bytes).toEqual(pdf);
  });
});

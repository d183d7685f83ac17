import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAppEventBus } from '../../../src/main/core/app-events.js';
import { describeTable, indexName } from '../../../src/main/core/db/storage-sqlite/sql-schema.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import { resumeRxSchemaV0 } from '../../../src/main/core/db/migrations/resumes.js';
import { createResumeStore } from '../../../src/main/core/features/resumes/resume-store.js';
import { RESUME_PDF_ATTACHMENT_ID, type Resume } from '../../../src/shared/schemas/resume.js';
import { uniqueDatabaseName } from './factories.js';
import { migrationStorages, openWithCurrentSchemas, writeWithEarlierSchema } from './migration-harness.js';

const WRITTEN_AT = 1_690_000_000_000;

/** A stand-in PDF: distinct bytes per résumé, so each one's file can be told apart after migrating. */
const pdfBytes = () => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096), Buffer.from('\n%%EOF\n')]));

/** What the app stores about a file: its id is the SHA-256 of its bytes. */
function fileFields(bytes: Uint8Array) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { id: sha256, sha256, size: bytes.length, candidateId: '', fileName: 'cv.pdf', status: 'uploaded' as const };
}

/** A résumé as v0 stored it, with its PDF as an inline attachment; `importId` left out means none. */
function makeResumeV0(bytes: Uint8Array, overrides: Partial<Resume> = {}): Resume {
  const resume: Resume & { _attachments: { id: string; type: string; data: Blob }[] } = {
    ...fileFields(bytes),
    createdAt: WRITTEN_AT,
    updatedAt: WRITTEN_AT,
    deviceId: 'old-laptop',
    ...overrides,
    _attachments: [{ id: RESUME_PDF_ATTACHMENT_ID, type: 'application/pdf', data: new Blob([bytes as Uint8Array<ArrayBuffer>]) }],
  };
  return resume;
}

describe.each(migrationStorages('resumes'))('resumes schema v0 → v1 on the $name', ({ open }) => {
  it("finds an import's résumés through the new importId index, with every stored PDF intact", async () => {
    const name = uniqueDatabaseName('migrate-resumes');
    const files = [pdfBytes(), pdfBytes(), pdfBytes(), pdfBytes()];
    const first = makeResumeV0(files[0]!, { importId: 'import-a', createdAt: WRITTEN_AT + 2 });
    const second = makeResumeV0(files[1]!, { importId: 'import-a', createdAt: WRITTEN_AT + 1, status: 'parsed' });
    const other = makeResumeV0(files[2]!, { importId: 'import-b' });
    const noImport = makeResumeV0(files[3]!, { fileName: 'imported.json' });
    const written = [first, second, other, noImport];
    await writeWithEarlierSchema(open(), name, { collection: 'resumes', schema: resumeRxSchemaV0(), docs: written });

    const db = await openWithCurrentSchemas(open(), name, WRITTEN_AT + 1_000_000);
    try {
      expect(await db.resumes.migrationNeeded()).toBe(false);
      const store = createResumeStore({ db, events: createAppEventBus() });

      // Oldest first within the import; the other import and the résumé of no import stay out.
      expect((await store.findByImport('import-a')).map((r) => r.id)).toEqual([second.id, first.id]);
      expect((await store.findByImport('import-b')).map((r) => r.id)).toEqual([other.id]);
      expect((await store.find(noImport.id))?.importId).toBe('');

      const query = db.resumes.find({ selector: { importId: 'import-a' }, sort: [{ createdAt: 'asc' }, { id: 'asc' }] });
      const { queryPlan } = query.getPreparedQuery();
      expect(queryPlan.index).toContain('importId');
      // Served by the index alone, which is also what lets RxDB count without reading documents.
      expect(queryPlan.selectorSatisfiedByIndex).toBe(true);
      expect(queryPlan.sortSatisfiedByIndex).toBe(true);
      // The SQLite storage reads a plan's range from the key column of the planned index.
      expect(describeTable(db.resumes.storageInstance.schema, 'resumes').byIndex.has(indexName(queryPlan.index))).toBe(true);
      expect(await db.resumes.count({ selector: { importId: 'import-a' } }).exec()).toBe(2);

      // A migration is not an edit, and it must not lose a stored PDF.
      for (const [index, resume] of written.entries()) {
        const doc = await store.get(resume.id);
        expect(doc.toJSON()).toMatchObject({ createdAt: resume.createdAt, updatedAt: WRITTEN_AT, deviceId: 'old-laptop', fileName: resume.fileName, status: resume.status });
        expect(await store.readFile(doc)).toEqual(files[index]);
      }
    } finally {
      await db.close();
    }
  });

  it('stores a résumé written after the migration without an import under the empty importId', async () => {
    const name = uniqueDatabaseName('migrate-resumes-after');
    const bytes = pdfBytes();
    await writeWithEarlierSchema(open(), name, { collection: 'resumes', schema: resumeRxSchemaV0(), docs: [makeResumeV0(pdfBytes(), { importId: 'import-a' })] });

    const db = await openWithCurrentSchemas(open(), name, WRITTEN_AT + 1_000_000);
    try {
      const store = createResumeStore({ db, events: createAppEventBus() });
      const { id } = fileFields(bytes);
      // Written the way a JSON Résumé import writes one: it knows of no import.
      const { resume, inserted } = await store.insertWithFile(unstamped<Resume>(fileFields(bytes)), bytes);
      expect(inserted).toBe(true);
      expect(resume).toMatchObject({ id, importId: '', createdAt: WRITTEN_AT + 1_000_000 });
      expect(await store.findByImport('import-a')).toHaveLength(1);
      expect(await store.readFile(await store.get(id))).toEqual(bytes);
    } finally {
      await db.close();
    }
  });
});

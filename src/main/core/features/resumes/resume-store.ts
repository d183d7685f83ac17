// Reads and writes of the `resumes` collection: a résumé is stored under the SHA-256 of its bytes
// (its id), with the PDF as an attachment in the same insert, so the database's primary key is
// what makes two uploads of one file a single résumé, even when they race.
import { createHash } from 'node:crypto';
import type { MangoQuerySelector, RxDocument } from 'rxdb';
import { RESUME_PDF_ATTACHMENT_ID, type Resume, type ResumeStatus } from '../../../../shared/schemas/resume.js';
import type { AppEventBus } from '../../app-events.js';
import type { AppDatabase } from '../../db/database.js';
import { unstamped } from '../../db/write-stamp.js';
import { NotFoundError } from '../../errors.js';

export type ResumeDocument = RxDocument<Resume>;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface ResumeStore {
  /** Inserts the résumé with its PDF; `inserted: false` gives the résumé already stored for these bytes. */
  insertWithFile(resume: Resume, bytes: Uint8Array): Promise<{ resume: Resume; inserted: boolean }>;
  find(id: string): Promise<ResumeDocument | null>;
  /** @throws NotFoundError */
  get(id: string): Promise<ResumeDocument>;
  /** The stored PDF's bytes, or undefined when the document has none. */
  readFile(doc: ResumeDocument): Promise<Uint8Array | undefined>;
  /**
   * Changes one résumé in one conditional write (re-run on the newest revision after a conflict)
   * and announces a status change on the event bus. `change` returns null to leave it as it is.
   */
  modify(id: string, change: (current: Resume) => Resume | null): Promise<Resume | undefined>;
  findAll(selector: MangoQuerySelector<Resume>): Promise<Resume[]>;
  /** The résumés an import first stored, oldest first: one range of the (importId, createdAt) index. */
  findByImport(importId: string): Promise<Resume[]>;
  /** Removes the PDF and then the document. */
  remove(doc: ResumeDocument): Promise<void>;
  /** Publishes 'resume.changed'; a deleted résumé is announced with status 'deleted'. */
  announce(resume: Pick<Resume, 'id' | 'candidateId' | 'importId'> & { status: string }): void;
}

export function createResumeStore({ db, events }: { db: AppDatabase; events: AppEventBus }): ResumeStore {
  const announce: ResumeStore['announce'] = (resume) =>
    events.emit('resume.changed', {
      id: resume.id,
      status: resume.status,
      ...(resume.candidateId ? { candidateId: resume.candidateId } : {}),
      ...(resume.importId ? { importId: resume.importId } : {}),
    });

  async function find(id: string) {
    return db.resumes.findOne(id).exec();
  }

  return {
    async insertWithFile(resume, bytes) {
      // RxDB takes inline attachments on insert, so document and file are one write.
      const withFile: Resume & { _attachments: { id: string; type: string; data: Blob }[] } = {
        ...resume,
        _attachments: [{ id: RESUME_PDF_ATTACHMENT_ID, type: 'application/pdf', data: new Blob([bytes as Uint8Array<ArrayBuffer>]) }],
      };
      const { success, error } = await db.resumes.bulkInsert([unstamped<Resume>(withFile)]);
      const written = success[0];
      if (written) return { resume: written.toMutableJSON(), inserted: true };
      const failure = error[0];
      if (failure?.status !== 409) throw new Error(`storing résumé ${resume.id} failed (${failure?.status ?? 'no result'})`);
      const existing = await find(resume.id);
      if (!existing) throw new Error(`résumé ${resume.id} conflicted but cannot be read`);
      return { resume: existing.toMutableJSON(), inserted: false };
    },

    find,

    async get(id) {
      const doc = await find(id);
      if (!doc) throw new NotFoundError(`No résumé with id ${id}.`, { resumeId: id });
      return doc;
    },

    async readFile(doc) {
      const attachment = doc.getAttachment(RESUME_PDF_ATTACHMENT_ID);
      if (!attachment) return undefined;
      return new Uint8Array(await (await attachment.getData()).arrayBuffer());
    },

    async modify(id, change) {
      const doc = await find(id);
      // RxDB writes even an unchanged document; a change that declines now is not written at all.
      if (!doc || change(doc.toMutableJSON()) === null) return undefined;
      let before: ResumeStatus | undefined;
      let changed = false;
      const written = await doc.incrementalModify((current) => {
        before = current.status;
        const next = change(current);
        changed = next !== null;
        return next ?? current;
      });
      const resume = written.toMutableJSON();
      if (changed && resume.status !== before) announce(resume);
      return changed ? resume : undefined;
    },

    async findAll(selector) {
      return (await db.resumes.find({ selector }).exec()).map((doc) => doc.toMutableJSON());
    },

    async findByImport(importId) {
      const docs = await db.resumes.find({ selector: { importId }, sort: [{ createdAt: 'asc' }, { id: 'asc' }] }).exec();
      return docs.map((doc) => doc.toMutableJSON());
    },

    async remove(doc) {
      await doc.getAttachment(RESUME_PDF_ATTACHMENT_ID)?.remove();
      await doc.getLatest().remove();
    },

    announce,
  };
}

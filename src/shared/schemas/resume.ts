// Résumés: an uploaded PDF (an RxDB attachment, so it reaches other devices through sync), its
// extracted text and the profile parsed from it.
import type { RxJsonSchema } from 'rxdb';
import { Type, type Static } from 'typebox';
import { Count, EpochMs, Id, NonEmptyText, OptionalRef, StringEnum, SyncedDocument, Text } from './base.js';
import { toRxSchema } from './rx-schema.js';

export const RESUME_STATUSES = ['uploaded', 'parsing', 'parsed', 'failed', 'analyzed'] as const;
export const ResumeStatusSchema = StringEnum([...RESUME_STATUSES]);
export type ResumeStatus = Static<typeof ResumeStatusSchema>;

/** How the file arrived: an upload request, or a folder import on the desktop. */
export const RESUME_SOURCES = ['upload', 'folder'] as const;
export const ResumeSourceSchema = StringEnum([...RESUME_SOURCES]);
export type ResumeSource = Static<typeof ResumeSourceSchema>;

/** The attachment id under which a résumé's PDF is stored. */
export const RESUME_PDF_ATTACHMENT_ID = 'resume.pdf';

const LooseEntry = Type.Record(Type.String(), Type.Unknown());
const LooseList = Type.Optional(Type.Array(LooseEntry, { maxItems: 500 }));

/**
 * A profile shaped like the JSON Resume schema (https://jsonresume.org/schema). Only `basics` is
 * spelled out; the sections are lists of loosely typed entries because extraction fills what it
 * finds, and extra keys are allowed so nothing extracted has to be thrown away.
 */
export const ResumeProfileSchema = Type.Object(
  {
    basics: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Text(200)),
          label: Type.Optional(Text(200)),
          email: Type.Optional(Text(254)),
          phone: Type.Optional(Text(40)),
          url: Type.Optional(Text(2048)),
          summary: Type.Optional(Text(10_000)),
          location: Type.Optional(LooseEntry),
          profiles: LooseList,
        },
        { additionalProperties: true },
      ),
    ),
    work: LooseList,
    education: LooseList,
    skills: LooseList,
    languages: LooseList,
    certificates: LooseList,
    projects: LooseList,
    awards: LooseList,
    volunteer: LooseList,
    publications: LooseList,
    interests: LooseList,
    references: LooseList,
    meta: Type.Optional(LooseEntry),
  },
  { additionalProperties: true },
);
export type ResumeProfile = Static<typeof ResumeProfileSchema>;

export const ResumeParseErrorSchema = Type.Object(
  {
    code: NonEmptyText(64, { description: 'Stable reason: encrypted, broken, no_text_layer, too_large, timeout, cancelled…' }),
    message: Text(2000),
  },
  { additionalProperties: false },
);
export type ResumeParseError = Static<typeof ResumeParseErrorSchema>;

const IMPORT_REF_DESCRIPTION = 'The import (upload request or folder import) that first stored this file.';

const resumeFields = {
  candidateId: OptionalRef('The candidate this résumé belongs to.'),
  uploadedBy: Type.Optional(Id({ description: 'The user who uploaded the file.' })),
  fileName: NonEmptyText(255, { description: 'Sanitised original file name.' }),
  importId: Type.Optional(OptionalRef(IMPORT_REF_DESCRIPTION)),
  source: Type.Optional(ResumeSourceSchema),
  parseGeneration: Type.Optional(
    Count({ description: 'Bumped by every re-parse; a parse task of an older generation is stale and does nothing.' }),
  ),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$', minLength: 64, maxLength: 64 }),
  size: Count({ description: 'File size in bytes.' }),
  pageCount: Type.Optional(Count()),
  status: ResumeStatusSchema,
  parseError: Type.Optional(ResumeParseErrorSchema),
  parsedAt: Type.Optional(EpochMs()),
  text: Type.Optional(Text(2_000_000, { description: 'Extracted text in reading order, pages separated by form feeds.' })),
  pdfMetadata: Type.Optional(Type.Record(Type.String(), Text(2000))),
  profile: Type.Optional(ResumeProfileSchema),
};

const RESUME_DESCRIPTION = 'An uploaded résumé PDF and what was extracted from it.';

/** A résumé as writers give it and the API shows it: a résumé from no import may leave `importId` out. */
export const ResumeSchema = SyncedDocument(resumeFields, { description: RESUME_DESCRIPTION });
export type Resume = Static<typeof ResumeSchema>;

/**
 * A résumé as the `resumes` collection stores it: `importId` is always there ('' for none) so that
 * "the résumés of this import" is an index lookup. RxDB fills the '' in on insert (the schema
 * default), so a writer that knows of no import need not say so.
 */
const StoredResumeSchema = SyncedDocument(
  { ...resumeFields, importId: Type.String({ ...OptionalRef(IMPORT_REF_DESCRIPTION), default: '' }) },
  { description: RESUME_DESCRIPTION },
);

/**
 * v1 made `importId` stored always and indexed it (db/migrations/resumes.ts). The collection is typed
 * by what writers give, `Resume`: with the default filled in, every stored résumé is one.
 */
export const resumeRxSchema: RxJsonSchema<Resume> = toRxSchema(StoredResumeSchema, {
  version: 1,
  primaryKey: 'id',
  description: 'resumes',
  attachments: true,
  indexes: ['sha256', ['status', 'updatedAt'], ['candidateId', 'createdAt'], ['importId', 'createdAt'], 'createdAt', 'updatedAt'],
}) as RxJsonSchema<Resume>;

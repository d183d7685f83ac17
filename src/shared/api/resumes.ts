// Request and response shapes of the résumés API, built from the résumé collection schema.
import { Type, type Static } from 'typebox';
import { Id, StringEnum } from '../schemas/base.js';
import { ResumeSchema, ResumeStatusSchema } from '../schemas/resume.js';
import { Page, PageQuery } from './common.js';

export const ResumeParams = Type.Object({ id: Id() }, { additionalProperties: false });
export const ImportParams = Type.Object({ id: Id() }, { additionalProperties: false });

/** A résumé with its profile and parse error; `text` only when asked for with `include=text`. */
export const ResumeOut = ResumeSchema;
export type ResumeOut = Static<typeof ResumeOut>;

/** What a list shows of each résumé: everything but the extracted text and profile. */
export const ResumeSummary = Type.Omit(ResumeSchema, ['text', 'profile'], { additionalProperties: false });
export type ResumeSummary = Static<typeof ResumeSummary>;
export const ResumePage = Page(ResumeSummary);

export const ResumeGetQuery = Type.Object(
  { include: Type.Optional(StringEnum(['text'], { description: 'include=text adds the extracted text.' })) },
  { additionalProperties: false },
);

export const ResumeListQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(ResumeStatusSchema),
    candidate_id: Type.Optional(Id()),
    import_id: Type.Optional(Id()),
  },
  { additionalProperties: false },
);
export type ResumeListQuery = Static<typeof ResumeListQuery>;

export const UPLOAD_ITEM_STATUSES = ['uploaded', 'parsing', 'parsed', 'failed', 'analyzed', 'rejected'] as const;

export const FileErrorSchema = Type.Object(
  {
    code: Type.String({ description: 'not_pdf, empty, too_large, not_a_file_field, duplicate_of_other…' }),
    message: Type.String(),
  },
  { additionalProperties: false },
);

/**
 * One file of an upload. A stored or duplicate file has `resume_id` and the résumé's status; a
 * refused file has status `rejected`, no `resume_id`, and `error` saying why.
 */
export const UploadItem = Type.Object(
  {
    file_name: Type.String(),
    resume_id: Type.Optional(Id()),
    duplicate: Type.Boolean({ description: 'True when these exact bytes were already stored: resume_id is that résumé.' }),
    status: StringEnum([...UPLOAD_ITEM_STATUSES]),
    error: Type.Optional(FileErrorSchema),
  },
  { additionalProperties: false },
);
export type UploadItem = Static<typeof UploadItem>;

export const UploadResponse = Type.Object(
  { import_id: Id(), items: Type.Array(UploadItem) },
  { additionalProperties: false },
);
export type UploadResponse = Static<typeof UploadResponse>;

export const ReparseResponse = Type.Object({ task_id: Id(), resume_id: Id() }, { additionalProperties: false });

export const ImportFolderBody = Type.Object(
  { path: Type.String({ minLength: 1, maxLength: 4096, description: 'Absolute path of a folder on this machine.' }) },
  { additionalProperties: false },
);

export const ImportFolderResponse = Type.Object({ import_id: Id(), task_id: Id() }, { additionalProperties: false });

export const ImportStatus = Type.Object(
  {
    import_id: Id(),
    total: Type.Integer({ minimum: 0, description: 'Résumés this import stored.' }),
    uploaded: Type.Integer({ minimum: 0 }),
    parsing: Type.Integer({ minimum: 0 }),
    parsed: Type.Integer({ minimum: 0 }),
    failed: Type.Integer({ minimum: 0 }),
    analyzed: Type.Integer({ minimum: 0 }),
    duplicates: Type.Integer({ minimum: 0, description: 'Files that were already stored by an earlier import.' }),
    rejected: Type.Integer({ minimum: 0, description: 'Files refused (not a PDF, empty, too large…).' }),
    task: Type.Optional(
      Type.Object({
        id: Id(),
        status: Type.String(),
        done: Type.Optional(Type.Integer({ minimum: 0 })),
        total: Type.Optional(Type.Integer({ minimum: 0 })),
      }),
    ),
  },
  { additionalProperties: false },
);
export type ImportStatus = Static<typeof ImportStatus>;

export const ImportActionResponse = Type.Object(
  { import_id: Id(), affected: Type.Integer({ minimum: 0, description: 'Résumés cancelled or queued again.' }) },
  { additionalProperties: false },
);

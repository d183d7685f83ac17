// HTTP routes of the résumés feature: upload, list, read, the PDF itself, delete, re-parse, and
// imports (status, cancel, retry, folder). HTTP ⇄ service only; candidates see only their own.
import { randomUUID } from 'node:crypto';
import fastifyMultipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AUTH_ERRORS, ErrorResponse, OkResponse } from '../../../../shared/api/common.js';
import {
  ImportActionResponse,
  ImportFolderBody,
  ImportFolderResponse,
  ImportParams,
  ImportStatus,
  ReparseResponse,
  ResumeGetQuery,
  ResumeListQuery,
  ResumeOut,
  ResumePage,
  ResumeParams,
  UploadResponse,
  type UploadItem,
} from '../../../../shared/api/resumes.js';
import { ALL_ROLES, principalOf, STAFF, type Principal } from '../../api/access.js';
import { ForbiddenError, ValidationError } from '../../errors.js';
import type { CandidateService } from '../candidates/service.js';
import { contentDisposition, sanitizeFileName } from './file-name.js';
import type { ImportService } from './imports.js';
import type { IngestTarget, ResumeService, StagedFile } from './service.js';
import { FILE_FIELDS, uploadParts } from './upload-request.js';

const tags = ['resumes'];
// Buffers are sent as they are (Fastify does not serialise them); this documents the body.
const PdfBytes = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The PDF (application/pdf).' });
export const UPLOAD_FILES_MAX = 100;

export interface ResumeRouteDeps {
  resumes: ResumeService;
  imports: ImportService;
  candidates: CandidateService;
  /** Largest file accepted: the worker pool's per-file limit. */
  maxFileBytes: number;
}

/** The candidate record a candidate account is limited to; undefined for staff, who see everything. */
function ownerOf(principal: Principal): string | undefined {
  if (principal.role !== 'candidate') return undefined;
  if (!principal.candidateId) throw new ForbiddenError('This account has no candidate profile yet.');
  return principal.candidateId;
}

const UPLOAD_DESCRIPTION = [
  'multipart/form-data with one or more PDFs in the field "files" (or "file") and, before the files, an optional "candidate_id".',
  'Files are checked by content (%PDF- header, %%EOF end), never by name or content type; the same bytes stored again answer with',
  'the existing resume_id and duplicate: true. Each file gets an item: a refused file has status "rejected" and error { code, message }',
  '(empty, not_pdf, truncated, too_large, unexpected_field, duplicate_of_other) without failing the others; when every file is refused',
  'the answer is 400 with the items in details. Candidates upload only for their own record; staff for any candidate, or for none',
  '(parsing then links the résumé to a candidate with the same e-mail or phone, or creates one). Every request is an import (import_id).',
].join(' ');

export function resumeRoutes({ resumes, imports, candidates, maxFileBytes }: ResumeRouteDeps): FastifyPluginAsync {
  return async (plugin) => {
    await plugin.register(fastifyMultipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: maxFileBytes, files: UPLOAD_FILES_MAX, fields: 5, fieldSize: 1024, parts: UPLOAD_FILES_MAX + 5, headerPairs: 100 },
    });
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();

    async function targetFor(principal: Principal, candidateId: string | undefined, importId: string): Promise<IngestTarget> {
      const owner = ownerOf(principal);
      if (owner !== undefined && candidateId !== undefined && candidateId !== owner) {
        throw new ForbiddenError('Candidates upload résumés only for themselves.', { field: 'candidate_id' });
      }
      if (owner === undefined && candidateId !== undefined) await candidates.get(candidateId);
      const target = { actorId: principal.userId, importId, source: 'upload' as const, candidateId: owner ?? candidateId ?? '' };
      return owner === undefined ? target : { ...target, owner };
    }

    async function readUpload(request: FastifyRequest, principal: Principal, importId: string, staged: StagedFile[]): Promise<void> {
      let target: IngestTarget | undefined;
      for await (const part of uploadParts(request)) {
        if (part.kind === 'field') {
          if (target) throw new ValidationError('candidate_id must come before the files in the form.', { field: 'candidate_id' });
          target = await targetFor(principal, part.value, importId);
          continue;
        }
        target ??= await targetFor(principal, undefined, importId);
        const rejected = (code: string, message: string): StagedFile => ({ item: { file_name: sanitizeFileName(part.fileName), duplicate: false, status: 'rejected', error: { code, message } } });
        if (!FILE_FIELDS.has(part.field)) staged.push(rejected('unexpected_field', `Files go in the field "files", not ${JSON.stringify(part.field.slice(0, 50))}.`));
        else if (part.tooLarge) staged.push(rejected('too_large', `The file is larger than the limit of ${maxFileBytes} bytes.`));
        else staged.push(await resumes.stage({ name: part.fileName, bytes: part.bytes }, target));
      }
    }

    app.post('/resumes/upload', {
      config: { access: ALL_ROLES },
      schema: {
        tags,
        summary: 'Upload one or more résumé PDFs',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        response: { 201: UploadResponse, 400: ErrorResponse, ...AUTH_ERRORS, 404: ErrorResponse, 413: ErrorResponse },
      },
      handler: async (request, reply) => {
        const principal = principalOf(request);
        const importId = randomUUID();
        const staged: StagedFile[] = [];
        try {
          await readUpload(request, principal, importId, staged);
        } catch (error) {
          // The request failed as a whole: what it stored so far was never announced, so it goes.
          await resumes.discard(staged);
          throw error;
        }
        const items: UploadItem[] = staged.map((s) => s.item);
        if (items.length === 0) throw new ValidationError('No files: send one or more PDFs in the field "files".', { field: 'files' });
        if (items.every((item) => item.status === 'rejected')) {
          const reason = items.length === 1 ? (items[0]?.error?.message ?? 'The file was refused.') : `None of the ${items.length} files could be stored.`;
          throw new ValidationError(reason, { field: 'files', items });
        }
        await resumes.commit(principal.userId, staged);
        await imports.recordSummary(principal.userId, importId, items);
        return reply.code(201).send({ import_id: importId, items });
      },
    });

    app.get('/resumes/list', {
      config: { access: ALL_ROLES },
      schema: {
        tags,
        summary: 'List résumés, newest first',
        description: 'Filters: status, candidate_id, import_id. Candidates see only their own. Text and profile are left out (GET /resumes/{id} has them).',
        querystring: ResumeListQuery,
        response: { 200: ResumePage, 400: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request) => {
        const owner = ownerOf(principalOf(request));
        if (owner !== undefined && request.query.candidate_id !== undefined && request.query.candidate_id !== owner) {
          throw new ForbiddenError('Candidates see only their own résumés.', { field: 'candidate_id' });
        }
        return resumes.list(owner === undefined ? request.query : { ...request.query, candidate_id: owner });
      },
    });

    app.get('/resumes/imports/:id', {
      config: { access: STAFF },
      schema: { tags, summary: 'Progress of an import', params: ImportParams, response: { 200: ImportStatus, ...AUTH_ERRORS, 404: ErrorResponse } },
      handler: async (request) => imports.status(request.params.id),
    });

    app.post('/resumes/imports/:id/cancel', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Cancel an import',
        description: 'Stops the folder walk and every parse not finished yet: those résumés end failed with code "cancelled" (retry re-queues them).',
        params: ImportParams,
        response: { 200: ImportActionResponse, ...AUTH_ERRORS, 404: ErrorResponse },
      },
      handler: async (request) => ({ import_id: request.params.id, affected: await imports.cancel(principalOf(request).userId, request.params.id) }),
    });

    app.post('/resumes/imports/:id/retry', {
      config: { access: STAFF },
      schema: { tags, summary: 'Parse the failed résumés of an import again', params: ImportParams, response: { 200: ImportActionResponse, ...AUTH_ERRORS, 404: ErrorResponse } },
      handler: async (request) => ({ import_id: request.params.id, affected: await imports.retry(principalOf(request).userId, request.params.id) }),
    });

    app.post('/resumes/import-folder', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Import every résumé in a folder of this machine',
        description: 'One durable task walks the folder (not its subfolders; regular files only) and stores each file as an upload would. Running it again stores nothing twice.',
        body: ImportFolderBody,
        response: { 202: ImportFolderResponse, 400: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request, reply) => {
        const { importId, taskId } = await imports.importFolder(principalOf(request).userId, request.body.path);
        return reply.code(202).send({ import_id: importId, task_id: taskId });
      },
    });

    app.get('/resumes/:id', {
      config: { access: ALL_ROLES },
      schema: {
        tags,
        summary: 'A résumé: metadata, extracted profile and parse error',
        description: 'The extracted text only with include=text; the PDF is at /resumes/{id}/file.',
        params: ResumeParams,
        querystring: ResumeGetQuery,
        response: { 200: ResumeOut, ...AUTH_ERRORS, 404: ErrorResponse },
      },
      handler: async (request) => {
        const owner = ownerOf(principalOf(request));
        return resumes.get(request.params.id, { ...(owner === undefined ? {} : { owner }), includeText: request.query.include === 'text' });
      },
    });

    app.get('/resumes/:id/file', {
      config: { access: ALL_ROLES },
      schema: { tags, summary: 'The résumé PDF', params: ResumeParams, produces: ['application/pdf'], response: { 200: PdfBytes, ...AUTH_ERRORS, 404: ErrorResponse } },
      handler: async (request, reply) => {
        const { fileName, bytes } = await resumes.file(request.params.id, ownerOf(principalOf(request)));
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', contentDisposition('inline', fileName))
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      },
    });

    app.delete('/resumes/:id', {
      config: { access: ALL_ROLES },
      schema: { tags, summary: 'Delete a résumé and its PDF', description: 'Candidates delete only their own.', params: ResumeParams, response: { 200: OkResponse, ...AUTH_ERRORS, 404: ErrorResponse } },
      handler: async (request) => {
        const principal = principalOf(request);
        await resumes.remove(principal.userId, request.params.id, ownerOf(principal));
        return { ok: true as const };
      },
    });

    app.post('/resumes/:id/reparse', {
      config: { access: STAFF },
      schema: { tags, summary: 'Parse a résumé again', params: ResumeParams, response: { 202: ReparseResponse, ...AUTH_ERRORS, 404: ErrorResponse } },
      handler: async (request, reply) => {
        const task = await resumes.reparse(principalOf(request).userId, request.params.id);
        return reply.code(202).send({ task_id: task.id, resume_id: request.params.id });
      },
    });
  };
}

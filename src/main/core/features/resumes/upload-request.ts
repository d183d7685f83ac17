// Reads a multipart upload one part at a time: at most one file's bytes (bounded by the file size
// limit) are in memory at once, and each file is handed on before the next one is read.
import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../../errors.js';

export const FILE_FIELDS = new Set(['files', 'file']);
export const UPLOAD_FIELDS = new Set(['candidate_id']);
const FIELD_VALUE_MAX = 256;

export type UploadPart =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; field: string; fileName: string; bytes: Uint8Array; tooLarge: boolean };

export async function* uploadParts(request: FastifyRequest): AsyncGenerator<UploadPart> {
  if (!request.isMultipart()) {
    throw new ValidationError('Send the files as multipart/form-data, in a field named "files".', { field: 'files' });
  }
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (!UPLOAD_FIELDS.has(part.fieldname)) {
        throw new ValidationError(`Unknown field ${JSON.stringify(part.fieldname.slice(0, 50))}: only "files" and "candidate_id" are read.`, { field: part.fieldname.slice(0, 50) });
      }
      if (part.valueTruncated || typeof part.value !== 'string' || part.value.length > FIELD_VALUE_MAX) {
        throw new ValidationError(`${part.fieldname} is too long.`, { field: part.fieldname });
      }
      yield { kind: 'field', name: part.fieldname, value: part.value };
      continue;
    }
    const chunks: Buffer[] = [];
    // Past the size limit busboy stops passing bytes on and marks the stream truncated.
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
    yield { kind: 'file', field: part.fieldname, fileName: part.filename, bytes: Buffer.concat(chunks), tooLarge: part.file.truncated };
  }
}

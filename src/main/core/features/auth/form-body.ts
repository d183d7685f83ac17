// application/x-www-form-urlencoded request bodies (Fastify parses none by default), for sign-in by
// an OAuth2 password-grant form as the seed's FastAPI accepted. Small bodies only; a field sent
// twice is refused rather than guessed at, and every field becomes an own property (no prototype
// tricks with "__proto__"), so the route's schema sees exactly what was sent.
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../errors.js';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** Largest form body accepted, in bytes: a sign-in form is a few hundred. */
export const FORM_BODY_LIMIT = 8 * 1024;

export function parseFormBody(body: string): Record<string, string> {
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(body)) {
    if (fields.has(name)) throw new ValidationError(`The form field "${name}" is sent more than once.`, { field: name });
    fields.set(name, value);
  }
  return Object.fromEntries(fields);
}

/** Lets the routes of `app` (and only them: parsers are scoped to their plugin) accept form bodies. */
export function acceptFormBodies(app: FastifyInstance, bodyLimit = FORM_BODY_LIMIT): void {
  app.addContentTypeParser(FORM_CONTENT_TYPE, { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseFormBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

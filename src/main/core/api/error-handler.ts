// The one mapping from errors to HTTP. Every failure answers `{ error: { code, message, details } }`;
// a 5xx never carries the internal message or stack.
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, RateLimitedError, type ErrorCode } from '../errors.js';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 400,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  EXTERNAL_SERVICE: 502,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as FastifyError).code === 'string';
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`));
  });

  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof DomainError) {
      if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(STATUS_BY_CODE[error.code]).send(errorBody(error.code, error.message, error.details));
    }
    if (isFastifyError(error) && error.validation) {
      const first = error.validation[0];
      const field = first?.instancePath?.replace(/^\//, '').replaceAll('/', '.') || first?.params?.missingProperty || first?.params?.additionalProperty;
      return reply.code(400).send(
        errorBody('VALIDATION', error.message, {
          field: field || undefined,
          in: error.validationContext,
          issues: error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
        }),
      );
    }
    const status = isFastifyError(error) && error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status < 500 && isFastifyError(error)) {
      return reply.code(status).send(errorBody(error.code, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody('INTERNAL', 'Something went wrong on our side; the error has been logged.'));
  });
}

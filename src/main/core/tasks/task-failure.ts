// How a handler's error becomes the `lastError` stored on a task: a short message and a code, and
// whether retrying can help. Only the error's own message is kept (no stack, no cause, no payload),
// with anything shaped like a credential masked, because task documents are synced and shown.
import { TASK_ERROR_MESSAGE_MAX, type TaskError } from '../../../shared/schemas/task.js';
import { DomainError, type ErrorCode } from '../errors.js';

/** Thrown by a handler when retrying cannot help (bad payload, missing file): the task fails at once. */
export class PermanentTaskError extends Error {
  constructor(
    message: string,
    readonly code = 'PERMANENT',
  ) {
    super(message);
    this.name = 'PermanentTaskError';
  }
}

/** Domain errors that another attempt will not fix; the user can still `retry` after fixing the cause. */
const PERMANENT_DOMAIN_CODES: ReadonlySet<ErrorCode> = new Set(['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHORIZED']);

export interface TaskFailure {
  error: TaskError;
  permanent: boolean;
}

const CREDENTIAL_PATTERNS: readonly [RegExp, string][] = [
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, '$1[redacted]@'],
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/\b((?:api[_-]?key|access[_-]?token|token|password|secret|key)=)[^&\s]+/gi, '$1[redacted]'],
  [/\bsk-[A-Za-z0-9_-]{8,}/g, '[redacted]'],
];

export function sanitizeErrorMessage(message: string, maxLength = TASK_ERROR_MESSAGE_MAX): string {
  let text = message;
  for (const [pattern, replacement] of CREDENTIAL_PATTERNS) text = text.replace(pattern, replacement);
  text = text.trim() || 'unknown error';
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** RxDB errors carry the offending documents in their message: keep only the first line. */
function isRxError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && (error as { rxdb?: unknown }).rxdb === true;
}

function errorMessage(error: unknown): string {
  if (isRxError(error)) {
    const firstLine = error.message.split('\n').find((line) => line.trim() !== '') ?? '';
    return `database error ${error.code}: ${firstLine.replace(/^Error message:\s*/, '')}`;
  }
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'non-error thrown';
}

function errorCode(error: unknown): string {
  if (error instanceof DomainError || error instanceof PermanentTaskError) return error.code;
  if (isRxError(error)) return `RXDB_${error.code}`;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(code)) return code;
  return 'HANDLER_ERROR';
}

export function describeFailure(error: unknown): TaskFailure {
  const permanent =
    error instanceof PermanentTaskError ||
    (error instanceof DomainError && PERMANENT_DOMAIN_CODES.has(error.code)) ||
    (error as { retryable?: unknown } | null)?.retryable === false;
  return { error: { message: sanitizeErrorMessage(errorMessage(error)), code: errorCode(error) }, permanent };
}

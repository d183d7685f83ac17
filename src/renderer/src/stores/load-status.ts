// What every store says about a request in flight, and the words an error is shown with.
import { ApiError } from '../../../shared/api/client';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

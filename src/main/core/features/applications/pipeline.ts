// The application status pipeline and which changes it allows.
//
//   applied → screening → interview → offer → hired
//   any of the first four → rejected | withdrawn
//
// Moves go forward only; a stage may be skipped (a small team may interview without screening),
// never revisited. hired, rejected and withdrawn are final: there is no "reopen". A decision, once
// recorded and counted by the dashboard, is not rewritten; and as there is one application per
// candidate and job (its id is derived from both), a candidate who withdrew cannot apply to the same
// job again.
import type { ApplicationStatus } from '../../../../shared/schemas/application.js';
import { ConflictError } from '../../errors.js';

export const PIPELINE_STAGES = ['applied', 'screening', 'interview', 'offer', 'hired'] as const satisfies readonly ApplicationStatus[];
export const FINAL_STATUSES: readonly ApplicationStatus[] = ['hired', 'rejected', 'withdrawn'];
const EXITS: readonly ApplicationStatus[] = ['rejected', 'withdrawn'];

export const isFinal = (status: ApplicationStatus): boolean => FINAL_STATUSES.includes(status);

/** Every status an application in `from` may move to, in pipeline order. */
export function allowedNextStatuses(from: ApplicationStatus): ApplicationStatus[] {
  if (isFinal(from)) return [];
  const stage = PIPELINE_STAGES.indexOf(from as (typeof PIPELINE_STAGES)[number]);
  return [...PIPELINE_STAGES.slice(stage + 1), ...EXITS];
}

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return allowedNextStatuses(from).includes(to);
}

/** Throws a 409 that names both statuses and what would have been allowed. */
export function assertCanMove(from: ApplicationStatus, to: ApplicationStatus): void {
  if (canMove(from, to)) return;
  const reason = isFinal(from)
    ? `${from} is final`
    : from === to
      ? `it is already ${to}`
      : `applications only move forward`;
  throw new ConflictError(`Cannot change an application from ${from} to ${to}: ${reason}.`, {
    from,
    to,
    allowed: allowedNextStatuses(from),
  });
}

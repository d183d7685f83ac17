// The payload of every event the core streams at GET /api/v1/events, written once: the core's event
// bus is typed by these (AppEvents), and the renderer's stream subscribers receive them. Payloads are
// small and plain JSON — ids and statuses, no personal data — picked from the collection schemas.
import type { Analysis, AnalysisStatus } from '../schemas/analysis.js';
import type { Application } from '../schemas/application.js';
import type { Job } from '../schemas/job.js';
import type { Resume } from '../schemas/resume.js';
import type { Task, TaskProgress } from '../schemas/task.js';

/** A task was queued, started, finished, failed, cancelled or retried. */
export type TaskChanged = Pick<Task, 'id' | 'type' | 'status'>;
/** A running task reported how far it got. */
export type TaskProgressed = Pick<Task, 'id' | 'type'> & TaskProgress;

/** What the task queue publishes. Type aliases, not interfaces, so they satisfy `Record<string, unknown>`. */
export type TaskEventPayloads = {
  'task.changed': TaskChanged;
  'task.progress': TaskProgressed;
};

/**
 * A résumé was stored, parsed, failed, re-parsed, analysed or deleted. `status` is the résumé's
 * status, or 'deleted'; `candidateId` and `importId` are left out when unset.
 */
export type ResumeChanged = Pick<Resume, 'id'> & Partial<Pick<Resume, 'candidateId' | 'importId'>> & { status: string };

/** An analysis reached its final state; `jobId` is left out for an analysis against no job. */
export type AnalysisCompleted = Pick<Analysis, 'id' | 'resumeId' | 'provider'> &
  Partial<Pick<Analysis, 'jobId'>> & { status: Extract<AnalysisStatus, 'completed' | 'failed'> };

/** A job was written or deleted, here or by replication; `status` is absent on a deletion without one. */
export type JobChanged = Pick<Job, 'id'> & Partial<Pick<Job, 'status'>> & { deleted: boolean };

/** An application was written or deleted, here or by replication: ids and status only. */
export type ApplicationChanged = Pick<Application, 'id' | 'jobId' | 'candidateId' | 'status'> & { deleted: boolean };

/** Every event published on the core's event bus (and streamed when a client asks for it). */
export type AppEventPayloads = TaskEventPayloads & {
  'resume.changed': ResumeChanged;
  'analysis.completed': AnalysisCompleted;
  'job.changed': JobChanged;
  'application.changed': ApplicationChanged;
};

/** Messages of the SSE layer itself, not of the bus. */
export type StreamEventPayloads = {
  /** A slow client's buffer overflowed and `dropped` events were lost: fetch state again. */
  'stream.overflow': { dropped: number };
};

/** Everything a client of the event stream can receive, by event name. */
export type EventPayloads = AppEventPayloads & StreamEventPayloads;
export type EventName = keyof EventPayloads;

// The `resume.parse` task handler: reads a stored résumé's PDF, parses it in the worker pool, and
// writes parsed (with text, profile and candidate) or failed (with a stable code and a clear
// message). A task of an older parse generation, or for a deleted résumé, does nothing.
import type { Resume, ResumeParseError } from '../../../../shared/schemas/resume.js';
import type { Clock } from '../../clock.js';
import { PermanentTaskError, type TaskHandler } from '../../tasks/queue.js';
import type { ActivityInput, ActivityLog } from '../activities/service.js';
import type { CandidateService } from '../candidates/service.js';
import { candidateFieldsOf } from './candidate-fields.js';
import type { PdfMetadata } from './pdf/pdf-extraction.js';
import type { ResumeParse, ResumeParseOptions, ResumeParsed } from './resume-parse.js';
import type { ResumeStore } from './resume-store.js';
import type { ParsePayload } from './service.js';

/** What the handler needs of the worker pool. */
export interface ResumeParser {
  parseResume(bytes: Uint8Array, options?: ResumeParseOptions): Promise<ResumeParse>;
}

export interface ParseTaskDeps {
  store: ResumeStore;
  parser: ResumeParser;
  candidates: CandidateService;
  activities: ActivityLog;
  clock: Clock;
}

const TEXT_MAX = 2_000_000;
const METADATA_VALUE_MAX = 2000;

export const NO_TEXT_LAYER_MESSAGE = 'no text layer: this looks like a scan (an image of the pages), so there is no text to read. Upload a PDF with selectable text.';

function parsePayload(payload: Record<string, unknown>): ParsePayload {
  const { resumeId, generation, actorId } = payload;
  if (typeof resumeId !== 'string' || typeof generation !== 'number' || typeof actorId !== 'string') {
    throw new PermanentTaskError('resume.parse needs { resumeId, generation, actorId }', 'BAD_PAYLOAD');
  }
  return { resumeId, generation, actorId };
}

function metadataOf(metadata: PdfMetadata): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value === 'string' && value !== '') out[key] = value.slice(0, METADATA_VALUE_MAX);
  }
  return out;
}

export function createParseTaskHandler({ store, parser, candidates, activities, clock }: ParseTaskDeps): TaskHandler {
  /** This parse's own run: the résumé is at its generation and not cancelled meanwhile. */
  const current = (resume: Resume, generation: number) => (resume.parseGeneration ?? 0) === generation && resume.status === 'parsing';

  /**
   * Writes the parse's outcome and its activity. Both writes start in one turn of the event loop, so
   * the storage's group commit makes them one commit (one fsync) instead of two in a row. The
   * activity is only written when the résumé, read just before, is still this parse's; the résumé's
   * write checks that again, so a cancel or re-parse landing in between keeps the résumé as it is
   * (its activity then still says this parse finished, which it did).
   */
  async function finish(resumeId: string, generation: number, actorId: string, next: (resume: Resume) => Resume): Promise<Resume | undefined> {
    const before = await store.find(resumeId);
    const now = before?.toMutableJSON();
    if (!now || !current(now, generation)) return undefined;
    const outcome = next(now);
    const [written] = await Promise.all([
      store.modify(resumeId, (resume) => (current(resume, generation) ? next(resume) : null)),
      activities.record(activityFor(outcome, actorId)),
    ]);
    return written;
  }

  function failedWith(parseError: ResumeParseError, extras: Partial<Resume> = {}) {
    return (resume: Resume): Resume => ({ ...resume, ...extras, status: 'failed', parseError, parsedAt: clock.now() });
  }

  /** Marks this parse failed for a reason that is not the file's, with no activity. */
  function markFailed(resumeId: string, generation: number, parseError: ResumeParseError) {
    return store.modify(resumeId, (resume) => (current(resume, generation) ? failedWith(parseError)(resume) : null));
  }

  /** Moves an 'uploaded' résumé of this generation to 'parsing'; null when it is no longer one. */
  function markParsing(resumeId: string, generation: number) {
    return store.modify(resumeId, (resume) => (resume.status === 'uploaded' && (resume.parseGeneration ?? 0) === generation ? { ...resume, status: 'parsing' } : null));
  }

  async function linkCandidate(actorId: string, resume: Resume, parsed: ResumeParsed): Promise<string> {
    if (!parsed.profile) return resume.candidateId;
    const fields = candidateFieldsOf(parsed.profile, resume.fileName);
    const { candidate } = await candidates.upsertFromProfile(actorId, fields, resume.candidateId || undefined);
    return candidate.id;
  }

  return async (task, ctx) => {
    const { resumeId, generation, actorId } = parsePayload(task.payload);
    const doc = await store.find(resumeId);
    const stored = doc?.toMutableJSON();
    // Deleted, cancelled, or re-parsed since this task was queued: nothing to do.
    if (!doc || !stored || (stored.parseGeneration ?? 0) !== generation || (stored.status !== 'uploaded' && stored.status !== 'parsing')) return { skipped: true };
    // A retried task finds the résumé 'parsing' already; writing it again would be a commit for nothing.
    const started = stored.status === 'parsing' ? stored : await markParsing(resumeId, generation);
    if (!started) return { skipped: true };
    const bytes = await store.readFile(doc);
    if (!bytes) {
      await markFailed(resumeId, generation, { code: 'missing_file', message: 'The PDF of this résumé has not reached this device yet.' });
      return { status: 'failed', code: 'missing_file' };
    }

    let result: ResumeParse;
    try {
      result = await parser.parseResume(bytes, { now: clock.now() });
    } catch (error) {
      // The pool itself failed (not the file): the queue retries; after the last attempt the
      // résumé must not stay 'parsing' for ever.
      if (ctx.attempt >= task.maxAttempts) {
        await markFailed(resumeId, generation, { code: 'parse_error', message: 'Parsing could not run; retry the résumé later.' });
      }
      throw error;
    }
    // Cancelled while the worker ran: the queue records nothing, and neither do we.
    ctx.signal.throwIfAborted();

    if (!result.ok) {
      await finish(resumeId, generation, actorId, failedWith({ code: result.code, message: result.message }));
      return { status: 'failed', code: result.code };
    }
    const extracted = { pageCount: result.pageCount, pdfMetadata: metadataOf(result.metadata) };
    if (!result.hasTextLayer || !result.profile) {
      await finish(resumeId, generation, actorId, failedWith({ code: 'no_text_layer', message: NO_TEXT_LAYER_MESSAGE }, extracted));
      return { status: 'failed', code: 'no_text_layer' };
    }

    const candidateId = await linkCandidate(actorId, started, result);
    const profile = result.profile;
    const text = result.text.slice(0, TEXT_MAX);
    const parsed = await finish(resumeId, generation, actorId, (resume) => {
      const { parseError: _cleared, ...rest } = resume;
      return { ...rest, ...extracted, status: 'parsed', candidateId, text, profile, parsedAt: clock.now() };
    });
    return { status: parsed ? 'parsed' : 'superseded', candidateId };
  };
}

/** The activity a parse's outcome is logged with. */
function activityFor(resume: Resume, actorId: string): ActivityInput {
  const failed = resume.status === 'failed';
  const summary = !failed
    ? `Parsed résumé ${resume.fileName}`
    : resume.parseError?.code === 'no_text_layer'
      ? `${resume.fileName} has no text layer (a scan)`
      : `Could not parse ${resume.fileName}: ${resume.parseError?.message ?? ''}`;
  return {
    actorId,
    action: failed ? 'resume.parse_failed' : 'resume.parsed',
    subjectType: 'resume',
    subjectId: resume.id,
    summary,
    details: { ...(resume.parseError ? { code: resume.parseError.code } : {}), ...(resume.candidateId ? { candidateId: resume.candidateId } : {}) },
  };
}

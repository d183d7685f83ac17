// The `resume.parse` task handler: reads a stored résumé's PDF, parses it in the worker pool, and
// writes parsed (with text, profile and candidate) or failed (with a stable code and a clear
// message). A task of an older parse generation, or for a deleted résumé, does nothing.
import type { Resume, ResumeParseError } from '../../../../shared/schemas/resume.js';
import type { Clock } from '../../clock.js';
import { PermanentTaskError, type TaskHandler } from '../../tasks/queue.js';
import type { ActivityLog } from '../activities/service.js';
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

  async function finishFailed(resumeId: string, generation: number, parseError: ResumeParseError, extras: Partial<Resume> = {}) {
    return store.modify(resumeId, (resume) => (current(resume, generation) ? { ...resume, ...extras, status: 'failed', parseError, parsedAt: clock.now() } : null));
  }

  async function linkCandidate(actorId: string, resume: Resume, parsed: ResumeParsed): Promise<string> {
    if (!parsed.profile) return resume.candidateId;
    const fields = candidateFieldsOf(parsed.profile, resume.fileName);
    const { candidate } = await candidates.upsertFromProfile(actorId, fields, resume.candidateId || undefined);
    return candidate.id;
  }

  return async (task, ctx) => {
    const { resumeId, generation, actorId } = parsePayload(task.payload);
    const started = await store.modify(resumeId, (resume) =>
      (resume.parseGeneration ?? 0) === generation && (resume.status === 'uploaded' || resume.status === 'parsing') ? { ...resume, status: 'parsing' } : null,
    );
    // Deleted, cancelled, or re-parsed since this task was queued: nothing to do.
    if (!started) return { skipped: true };
    const doc = await store.get(resumeId);
    const bytes = await store.readFile(doc);
    if (!bytes) {
      await finishFailed(resumeId, generation, { code: 'missing_file', message: 'The PDF of this résumé has not reached this device yet.' });
      return { status: 'failed', code: 'missing_file' };
    }

    let result: ResumeParse;
    try {
      result = await parser.parseResume(bytes, { now: clock.now() });
    } catch (error) {
      // The pool itself failed (not the file): the queue retries; after the last attempt the
      // résumé must not stay 'parsing' for ever.
      if (ctx.attempt >= task.maxAttempts) {
        await finishFailed(resumeId, generation, { code: 'parse_error', message: 'Parsing could not run; retry the résumé later.' });
      }
      throw error;
    }
    // Cancelled while the worker ran: the queue records nothing, and neither do we.
    ctx.signal.throwIfAborted();

    if (!result.ok) {
      const failed = await finishFailed(resumeId, generation, { code: result.code, message: result.message });
      if (failed) await recordOutcome(failed, actorId, `Could not parse ${failed.fileName}: ${result.message}`);
      return { status: 'failed', code: result.code };
    }
    const extracted = { pageCount: result.pageCount, pdfMetadata: metadataOf(result.metadata) };
    if (!result.hasTextLayer || !result.profile) {
      const failed = await finishFailed(resumeId, generation, { code: 'no_text_layer', message: NO_TEXT_LAYER_MESSAGE }, extracted);
      if (failed) await recordOutcome(failed, actorId, `${failed.fileName} has no text layer (a scan)`);
      return { status: 'failed', code: 'no_text_layer' };
    }

    const candidateId = await linkCandidate(actorId, started, result);
    const profile = result.profile;
    const parsed = await store.modify(resumeId, (resume) => {
      if (!current(resume, generation)) return null;
      const { parseError: _cleared, ...rest } = resume;
      return { ...rest, ...extracted, status: 'parsed', candidateId, text: result.text.slice(0, TEXT_MAX), profile, parsedAt: clock.now() };
    });
    if (parsed) await recordOutcome(parsed, actorId, `Parsed résumé ${parsed.fileName}`);
    return { status: parsed ? 'parsed' : 'superseded', candidateId };
  };

  async function recordOutcome(resume: Resume, actorId: string, summary: string) {
    await activities.record({
      actorId,
      action: resume.status === 'parsed' ? 'resume.parsed' : 'resume.parse_failed',
      subjectType: 'resume',
      subjectId: resume.id,
      summary,
      details: { ...(resume.parseError ? { code: resume.parseError.code } : {}), ...(resume.candidateId ? { candidateId: resume.candidateId } : {}) },
    });
  }
}

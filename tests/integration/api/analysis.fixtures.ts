// Small factories for the analysis API tests: parsed résumés written straight to the database (as
// the parse task leaves them: text, extracted profile, a candidate), and waits on analyses and tasks
// driven by the event bus.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import type { OfflineAnalyser } from '../../../src/main/core/features/analysis/offline/offline-analyser.js';
import type { AnalyzeAccepted } from '../../../src/shared/api/analysis.js';
import type { Analysis } from '../../../src/shared/schemas/analysis.js';
import type { Resume } from '../../../src/shared/schemas/resume.js';
import type { TestApi } from '../../support/api-harness.js';
import { loadAnalyser, profileOf } from '../../unit/analysis/analysis-fixtures.js';

let analyser: Promise<OfflineAnalyser> | undefined;

export interface ParsedResumeOptions {
  candidateName?: string;
  status?: Resume['status'];
  candidateId?: string;
}

/** A résumé as a finished parse leaves it, with a candidate named `candidateName` (created here). */
export async function insertParsedResume(api: TestApi, text: string, options: ParsedResumeOptions = {}): Promise<Resume> {
  analyser ??= loadAnalyser();
  const profile = profileOf(await analyser, text);
  let candidateId = options.candidateId ?? '';
  if (options.candidateName !== undefined) {
    const record = await api.features.services.candidates.createForAccount('system', {
      name: options.candidateName,
      email: `${createHash('sha256').update(options.candidateName).digest('hex').slice(0, 12)}@example.com`,
    });
    candidateId = record.id;
  }
  const sha256 = createHash('sha256').update(text).digest('hex');
  const doc = await api.db.resumes.insert(
    unstamped<Resume>({
      id: sha256,
      sha256,
      candidateId,
      fileName: 'cv.pdf',
      size: text.length,
      status: options.status ?? 'parsed',
      text,
      profile,
      parsedAt: api.clock.now(),
    }),
  );
  return doc.toMutableJSON();
}

/** A résumé whose parse found no text layer (a scan). */
export async function insertScannedResume(api: TestApi): Promise<Resume> {
  const doc = await api.db.resumes.insert(
    unstamped<Resume>({
      id: 'f'.repeat(64),
      sha256: 'f'.repeat(64),
      candidateId: '',
      fileName: 'scan.pdf',
      size: 1000,
      status: 'failed',
      parseError: { code: 'no_text_layer', message: 'no text layer: this looks like a scan.' },
    }),
  );
  return doc.toMutableJSON();
}

export async function requestAnalysis(api: TestApi, token: string, resumeId: string, body: Record<string, unknown> = {}): Promise<AnalyzeAccepted> {
  const response = await api.as(token, { method: 'POST', url: `/api/v1/resumes/analyze/${resumeId}`, payload: body });
  expect(response.statusCode, response.body).toBe(202);
  return response.json<AnalyzeAccepted>();
}

/** Resolves with the analysis once it has completed or failed. */
export function waitForAnalysis(api: TestApi, id: string): Promise<Analysis> {
  return new Promise((resolve, reject) => {
    const check = () =>
      api.db.analyses
        .findOne(id)
        .exec()
        .then((doc) => {
          if (doc && (doc.status === 'completed' || doc.status === 'failed')) {
            off();
            resolve(doc.toMutableJSON());
          }
        }, reject);
    const off = api.events.on('analysis.completed', (event) => {
      if (event.id === id) void check();
    });
    void check();
  });
}

export async function analysisOf(api: TestApi, token: string, resumeId: string): Promise<Analysis[]> {
  const response = await api.as(token, { method: 'GET', url: `/api/v1/resumes/analysis/${resumeId}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Analysis[] }>().items;
}

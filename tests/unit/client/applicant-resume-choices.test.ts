// Which résumés the add-applicant dialog offers (renderer screens/job/resume-choices.ts).
import { describe, expect, it } from 'vitest';
import { sendableResumes } from '../../../src/renderer/src/screens/job/resume-choices.js';
import type { ResumeSummary } from '../../../src/shared/api/resumes.js';

function makeResume(id: string, createdAt: number, status: ResumeSummary['status']): ResumeSummary {
  return { id, createdAt, updatedAt: createdAt, deviceId: 'laptop', candidateId: 'cand-1', fileName: `${id}.pdf`, sha256: 'a'.repeat(64), size: 1000, status };
}

describe('the résumés offered with an application', () => {
  it('are the parsed and analysed ones, newest upload first, whatever order the list came in', () => {
    const old = makeResume('old', 1_000, 'parsed');
    const analysed = makeResume('analysed', 2_000, 'analyzed');
    const newest = makeResume('newest', 3_000, 'parsed');
    const pending = [makeResume('uploaded', 4_000, 'uploaded'), makeResume('parsing', 5_000, 'parsing'), makeResume('failed', 6_000, 'failed')];
    const offered = sendableResumes([old, ...pending, newest, analysed]);
    expect(offered.map((r) => r.id)).toEqual([newest.id, analysed.id, old.id]);
  });

  it('orders two uploads of one millisecond by id, descending, as the API lists them', () => {
    expect(sendableResumes([makeResume('a', 1_000, 'parsed'), makeResume('b', 1_000, 'parsed')]).map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('offers nothing when no résumé is parsed yet', () => {
    expect(sendableResumes([makeResume('x', 1_000, 'uploaded')])).toEqual([]);
  });
});

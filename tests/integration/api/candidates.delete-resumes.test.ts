// Deleting a candidate takes their résumés with them: the PDF, the parsed text and the analyses of
// it, so a person deleted leaves nothing of their CV behind; other people's résumés stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadResponse } from '../../../src/shared/api/resumes.js';
import type { User } from '../../../src/shared/schemas/user.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { activitiesFor, addApplication, createCandidate, insertJob, insertResume } from './candidates.fixtures.js';
import { insertAnalysis, listCandidates } from './candidates.facets.fixtures.js';
import { makePerson, makeResumeFile, pdf, uploadOk, waitForResume } from './resumes.fixtures.js';

let api: TestApi;
let staff: { user: User; token: string };

beforeAll(async () => {
  api = await createTestApi({}, { poolSize: 1, startQueue: true });
  staff = await api.signIn('recruiter');
});
afterAll(() => api.close());

const get = (url: string) => api.as(staff.token, { method: 'GET', url });
const remove = (id: string, query = '') => api.as(staff.token, { method: 'DELETE', url: `/api/v1/candidates/${id}${query}` });

/** A real PDF uploaded for the candidate, parsed, with a completed analysis scoring `score`. */
async function uploadAnalysed(candidateId: string, score: number): Promise<string> {
  const body: UploadResponse = await uploadOk(api, staff.token, [pdf('cv.pdf', await makeResumeFile(makePerson()))], { candidate_id: candidateId });
  const id = body.items[0]?.resume_id ?? '';
  await waitForResume(api, id);
  await insertAnalysis(api, id, score);
  return id;
}

describe('deleting a candidate with résumés', () => {
  it('deletes their résumés, PDFs and analyses, says how many, and leaves other candidates’ résumés alone', async () => {
    const ana = await createCandidate(api, staff.token, { name: 'Ana Lopes' });
    const bea = await createCandidate(api, staff.token, { name: 'Bea Nunes' });
    const resumeId = await uploadAnalysed(ana.id, 82);
    const second = await insertResume(api, ana.id);
    const beas = await insertResume(api, bea.id);
    expect((await get(`/api/v1/resumes/${resumeId}/file`)).statusCode).toBe(200);
    expect((await listCandidates(api, staff.token, '?min_score=80')).items.map((c) => c.id)).toEqual([ana.id]);

    const response = await remove(ana.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ ok: true, applicationsDeleted: 0, resumesDeleted: 2 });

    for (const id of [resumeId, second.id]) {
      expect((await get(`/api/v1/resumes/${id}`)).statusCode, id).toBe(404);
      expect((await get(`/api/v1/resumes/${id}/file`)).statusCode, id).toBe(404);
      expect(await api.db.analyses.count({ selector: { resumeId: id } }).exec(), id).toBe(0);
    }
    expect((await get(`/api/v1/resumes/${beas.id}`)).statusCode).toBe(200);
    expect((await listCandidates(api, staff.token, '?min_score=80')).total).toBe(0);
    const deletedResume = await api.db.activities.findOne({ selector: { subjectId: resumeId, action: 'resume.deleted' } }).exec();
    expect(deletedResume?.details).toMatchObject({ candidateId: ana.id });
    // Found by action: on the fake clock the parse's candidate.updated can share the deletion's instant.
    const deleted = (await activitiesFor(api, ana.id)).find((a) => a.action === 'candidate.deleted');
    expect(deleted?.details).toMatchObject({ applicationsDeleted: 0, resumesDeleted: 2 });
  });

  it('with force=true deletes applications and résumés together; refused without it, keeping the résumés', async () => {
    const caio = await createCandidate(api, staff.token, { name: 'Caio Reis' });
    await addApplication(api, staff.token, (await insertJob(api)).id, caio.id);
    const resume = await insertResume(api, caio.id);

    expect((await remove(caio.id)).statusCode).toBe(409);
    expect((await get(`/api/v1/resumes/${resume.id}`)).statusCode).toBe(200);

    const response = await remove(caio.id, '?force=true');
    expect(response.json()).toEqual({ ok: true, applicationsDeleted: 1, resumesDeleted: 1 });
    expect((await get(`/api/v1/resumes/${resume.id}`)).statusCode).toBe(404);
  });
});

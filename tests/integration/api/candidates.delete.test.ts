// Deleting candidates through HTTP: refused while they have applications unless forced, and
// every deletion recorded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../src/shared/schemas/user.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { activitiesFor, addApplication, createCandidate, insertJob } from './candidates.fixtures.js';

let api: TestApi;
let staff: { user: User; token: string };

beforeEach(async () => {
  api = await createTestApi();
  staff = await api.signIn('recruiter');
});
afterEach(() => api.close());

const remove = (id: string, query = '') => api.as(staff.token, { method: 'DELETE', url: `/api/v1/candidates/${id}${query}` });

describe('deleting a candidate', () => {
  it('deletes a candidate without applications, records candidate.deleted, and then it is gone', async () => {
    const candidate = await createCandidate(api, staff.token, { name: 'Gone Soon' });
    api.clock.advance(1000);
    const response = await remove(candidate.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, applicationsDeleted: 0, resumesDeleted: 0 });
    expect((await api.as(staff.token, { method: 'GET', url: `/api/v1/candidates/${candidate.id}` })).statusCode).toBe(404);
    const activities = await activitiesFor(api, candidate.id);
    expect(activities.at(-1)).toMatchObject({ actorId: staff.user.id, action: 'candidate.deleted', details: { applicationsDeleted: 0 } });
    expect((await remove(candidate.id)).statusCode).toBe(404);
  });

  it('frees the primary e-mail for a new candidate', async () => {
    const candidate = await createCandidate(api, staff.token, { emails: ['reuse@example.com'] });
    await remove(candidate.id);
    await createCandidate(api, staff.token, { emails: ['reuse@example.com'] });
  });

  it('refuses (409) a candidate with applications and keeps everything', async () => {
    const candidate = await createCandidate(api, staff.token);
    await addApplication(api, staff.token, (await insertJob(api)).id, candidate.id);
    const response = await remove(candidate.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details).toEqual({ candidateId: candidate.id, applications: 1 });
    expect(await api.db.candidates.findOne(candidate.id).exec()).not.toBeNull();
    expect(await api.db.applications.count().exec()).toBe(1);
  });

  it('with force=true deletes the applications too, recording each and the count', async () => {
    const candidate = await createCandidate(api, staff.token);
    const other = await createCandidate(api, staff.token);
    const [jobA, jobB] = [await insertJob(api), await insertJob(api)];
    const a = await addApplication(api, staff.token, jobA.id, candidate.id);
    const b = await addApplication(api, staff.token, jobB.id, candidate.id);
    const kept = await addApplication(api, staff.token, jobA.id, other.id);
    api.clock.advance(1000);

    const response = await remove(candidate.id, '?force=true');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, applicationsDeleted: 2, resumesDeleted: 0 });
    const left = await api.db.applications.find().exec();
    expect(left.map((d) => d.id)).toEqual([kept.id]);
    for (const application of [a, b]) {
      expect((await activitiesFor(api, application.id)).at(-1)).toMatchObject({
        actorId: staff.user.id,
        action: 'application.deleted',
        details: { candidateId: candidate.id, reason: 'candidate deleted' },
      });
    }
    expect((await activitiesFor(api, candidate.id)).at(-1)).toMatchObject({ action: 'candidate.deleted', details: { applicationsDeleted: 2 } });
  });

  it('answers 404 for an unknown candidate and 400 for a force value that is not a boolean', async () => {
    expect((await remove('nope')).statusCode).toBe(404);
    const candidate = await createCandidate(api, staff.token);
    const response = await remove(candidate.id, '?force=maybe');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.field).toBe('force');
  });
});

describe('deleting a job’s applications (the call the jobs feature can use)', () => {
  it('removes only that job’s applications and records each', async () => {
    const candidate = await createCandidate(api, staff.token);
    const [jobA, jobB] = [await insertJob(api), await insertJob(api)];
    const gone = await addApplication(api, staff.token, jobA.id, candidate.id);
    await addApplication(api, staff.token, jobB.id, candidate.id);
    const { applications } = api.features.services;
    expect(await applications.countForJob(jobA.id)).toBe(1);
    api.clock.advance(1000);
    expect(await applications.removeForJob(staff.user.id, jobA.id)).toBe(1);
    expect(await applications.countForJob(jobA.id)).toBe(0);
    expect(await applications.countForCandidate(candidate.id)).toBe(1);
    expect((await activitiesFor(api, gone.id)).at(-1)).toMatchObject({ action: 'application.deleted', details: { reason: 'job deleted' } });
  });
});

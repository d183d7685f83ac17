// Moving applications along the pipeline with PATCH /applications/{id}: allowed and refused
// changes, the history of who changed what and when, activities, and what a candidate may do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationOut } from '../../../src/shared/api/applications.js';
import type { ApplicationStatus } from '../../../src/shared/schemas/application.js';
import type { User } from '../../../src/shared/schemas/user.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { activitiesFor, addApplication, createCandidate, insertJob, signInCandidate } from './candidates.fixtures.js';

let api: TestApi;
let staff: { user: User; token: string };

beforeEach(async () => {
  api = await createTestApi();
  staff = await api.signIn('recruiter');
});
afterEach(() => api.close());

const patch = (token: string | undefined, id: string, payload: object) =>
  api.as(token, { method: 'PATCH', url: `/api/v1/applications/${id}`, payload });

async function newApplication(): Promise<ApplicationOut> {
  const candidate = await createCandidate(api, staff.token);
  const job = await insertJob(api);
  return addApplication(api, staff.token, job.id, candidate.id);
}

async function moveTo(id: string, ...statuses: ApplicationStatus[]): Promise<void> {
  for (const status of statuses) {
    const response = await patch(staff.token, id, { status });
    expect(response.statusCode, response.body).toBe(200);
  }
}

describe('changing an application’s status', () => {
  it('walks the whole pipeline, keeping who, when, from, to and the note of every change', async () => {
    const application = await newApplication();
    const admin = await api.signIn('admin');
    const steps: [string, ApplicationStatus, string | undefined][] = [
      [staff.token, 'screening', 'CV looks strong'],
      [admin.token, 'interview', undefined],
      [staff.token, 'offer', 'Offer sent by e-mail'],
      [admin.token, 'hired', 'Starts in March'],
    ];
    for (const [token, status, note] of steps) {
      api.clock.advance(60_000);
      const response = await patch(token, application.id, note ? { status, note } : { status });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().status).toBe(status);
    }
    const stored = (await api.db.applications.findOne(application.id).exec())?.toMutableJSON();
    const start = application.history[0]?.at ?? 0;
    expect(stored?.status).toBe('hired');
    expect(stored?.history).toEqual([
      { at: start, by: staff.user.id, to: 'applied' },
      { at: start + 60_000, by: staff.user.id, from: 'applied', to: 'screening', note: 'CV looks strong' },
      { at: start + 120_000, by: admin.user.id, from: 'screening', to: 'interview' },
      { at: start + 180_000, by: staff.user.id, from: 'interview', to: 'offer', note: 'Offer sent by e-mail' },
      { at: start + 240_000, by: admin.user.id, from: 'offer', to: 'hired', note: 'Starts in March' },
    ]);
  });

  it('records an application.status_changed activity with from, to and the note', async () => {
    const application = await newApplication();
    api.clock.advance(1000);
    await patch(staff.token, application.id, { status: 'screening', note: 'Phone screen booked' });
    const activities = await activitiesFor(api, application.id);
    expect(activities.map((a) => a.action)).toEqual(['application.created', 'application.status_changed']);
    expect(activities[1]).toMatchObject({
      actorId: staff.user.id,
      subjectType: 'application',
      details: { from: 'applied', to: 'screening', note: 'Phone screen booked', jobId: application.jobId, candidateId: application.candidateId },
    });
  });

  it('allows skipping forward stages and rejecting or withdrawing from any open stage', async () => {
    const skip = await newApplication();
    await moveTo(skip.id, 'interview', 'hired');
    const reject = await newApplication();
    await moveTo(reject.id, 'screening', 'interview', 'rejected');
    const withdraw = await newApplication();
    await moveTo(withdraw.id, 'offer', 'withdrawn');
  });

  it.each<[ApplicationStatus[], ApplicationStatus]>([
    [['screening', 'interview'], 'screening'],
    [['screening'], 'applied'],
    [['screening'], 'screening'],
    [['interview', 'hired'], 'rejected'],
    [['rejected'], 'screening'],
    [['withdrawn'], 'applied'],
    [['rejected'], 'withdrawn'],
  ])('after %j refuses a change to %s with 409 naming from and to', async (path, to) => {
    const application = await newApplication();
    await moveTo(application.id, ...path);
    const from = path[path.length - 1];
    const response = await patch(staff.token, application.id, { status: to });
    expect(response.statusCode).toBe(409);
    const error = response.json().error;
    expect(error).toMatchObject({ code: 'CONFLICT', details: { from, to } });
    expect(error.message).toContain(`from ${from} to ${to}`);
    const stored = await api.db.applications.findOne(application.id).exec();
    expect(stored?.status).toBe(from);
    expect(stored?.history).toHaveLength(path.length + 1);
  });

  it('lets only one of two simultaneous, incompatible decisions win', async () => {
    const application = await newApplication();
    await moveTo(application.id, 'offer');
    const [hired, rejected] = await Promise.all([patch(staff.token, application.id, { status: 'hired' }), patch(staff.token, application.id, { status: 'rejected' })]);
    expect([hired.statusCode, rejected.statusCode].sort()).toEqual([200, 409]);
    const stored = await api.db.applications.findOne(application.id).exec();
    expect(stored?.history.map((h) => h.to)).toEqual(['applied', 'offer', (hired.statusCode === 200 ? 'hired' : 'rejected')]);
  });

  it('answers 404 for an unknown application and 400 naming the field for a bad body', async () => {
    const application = await newApplication();
    expect((await patch(staff.token, 'nope', { status: 'screening' })).statusCode).toBe(404);
    for (const [field, body] of [['status', {}], ['status', { status: 'promoted' }], ['note', { status: 'screening', note: 'x'.repeat(2001) }]] as const) {
      const response = await patch(staff.token, application.id, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.field).toBe(field);
    }
    expect((await patch(staff.token, application.id, { status: 'screening', by: 'someone' })).statusCode).toBe(400);
  });
});

describe('a candidate changing an application', () => {
  async function candidateApplication() {
    const account = await signInCandidate(api);
    const job = await insertJob(api);
    const response = await api.as(account.token, { method: 'POST', url: '/api/v1/jobs/apply', payload: { job_id: job.id } });
    return { ...account, application: response.json<ApplicationOut>() };
  }

  it('may withdraw their own application, which is recorded as their change', async () => {
    const { user, token, application } = await candidateApplication();
    api.clock.advance(1000);
    const response = await patch(token, application.id, { status: 'withdrawn', note: 'Accepted another offer' });
    expect(response.statusCode).toBe(200);
    expect(response.json().history.at(-1)).toMatchObject({ by: user.id, from: 'applied', to: 'withdrawn', note: 'Accepted another offer' });
    const [, activity] = await activitiesFor(api, application.id);
    expect(activity).toMatchObject({ actorId: user.id, action: 'application.status_changed', details: { from: 'applied', to: 'withdrawn' } });
  });

  it('may not set any other status on their own application (403)', async () => {
    const { token, application } = await candidateApplication();
    const response = await patch(token, application.id, { status: 'hired' });
    expect(response.statusCode).toBe(403);
    expect((await api.db.applications.findOne(application.id).exec())?.status).toBe('applied');
  });

  it('cannot withdraw someone else’s application: it is not found for them', async () => {
    const { application } = await candidateApplication();
    const other = await signInCandidate(api, 'Other Person');
    expect((await patch(other.token, application.id, { status: 'withdrawn' })).statusCode).toBe(404);
  });

  it('cannot withdraw twice (409: withdrawn is final)', async () => {
    const { token, application } = await candidateApplication();
    await patch(token, application.id, { status: 'withdrawn' });
    expect((await patch(token, application.id, { status: 'withdrawn' })).statusCode).toBe(409);
  });

  it('needs a token (401)', async () => {
    const { application } = await candidateApplication();
    expect((await patch(undefined, application.id, { status: 'withdrawn' })).statusCode).toBe(401);
  });
});

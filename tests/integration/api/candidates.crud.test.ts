// Candidates through HTTP: create, read, update, the candidate's own record, duplicates, roles.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Candidate } from '../../../src/shared/schemas/candidate.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { activitiesFor, createCandidate, makeCandidateBody, signInCandidate } from './candidates.fixtures.js';

let api: TestApi;
let staff: string;

beforeEach(async () => {
  api = await createTestApi();
  staff = (await api.signIn('recruiter')).token;
});
afterEach(() => api.close());

const post = (token: string | undefined, payload: unknown) => api.as(token, { method: 'POST', url: '/api/v1/candidates', payload: payload as object });

describe('creating a candidate', () => {
  it('stores every field, derives the primary e-mail and answers 201 with the record', async () => {
    const body = makeCandidateBody({ name: '  Maria Santos ', emails: ['Maria.Santos@Example.com', 'maria@home.pt'], yearsOfExperience: 7 });
    const response = await post(staff, body);
    expect(response.statusCode).toBe(201);
    const candidate = response.json<Candidate>();
    expect(candidate).toMatchObject({
      name: 'Maria Santos',
      emails: ['Maria.Santos@Example.com', 'maria@home.pt'],
      primaryEmail: 'maria.santos@example.com',
      phones: body.phones,
      location: 'Lisbon',
      links: body.links,
      tags: ['backend'],
      notes: 'Met at a meetup.',
      source: 'referral',
      skills: ['TypeScript', 'Node.js'],
      yearsOfExperience: 7,
      createdAt: api.clock.now(),
    });
    expect(candidate.id).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await api.db.candidates.findOne(candidate.id).exec();
    expect(stored?.primaryEmail).toBe('maria.santos@example.com');
  });

  it('accepts a name alone and fills the lists with empty ones', async () => {
    const response = await post(staff, { name: 'No Contact' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: 'No Contact', emails: [], primaryEmail: '', phones: [], links: [], tags: [], skills: [] });
  });

  it('records a candidate.created activity naming the recruiter', async () => {
    const { user, token } = await api.signIn('admin');
    const candidate = await createCandidate(api, token, { name: 'Rui Lopes' });
    const [activity] = await activitiesFor(api, candidate.id);
    expect(activity).toMatchObject({ actorId: user.id, action: 'candidate.created', subjectType: 'candidate', at: api.clock.now() });
    expect(activity?.summary).toContain('Rui Lopes');
  });

  it('refuses a second candidate with the same primary e-mail (any case) with 409 and the existing id', async () => {
    const first = await createCandidate(api, staff, { emails: ['dup@example.com'] });
    const response = await post(staff, makeCandidateBody({ emails: ['DUP@example.com'] }));
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'CONFLICT', details: { existingId: first.id, field: 'emails' } });
  });

  it('lets only one of two simultaneous creates with the same e-mail through', async () => {
    const [a, b] = await Promise.all([post(staff, makeCandidateBody({ emails: ['same@example.com'] })), post(staff, makeCandidateBody({ emails: ['same@example.com'] }))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(await api.db.candidates.count({ selector: { primaryEmail: 'same@example.com' } }).exec()).toBe(1);
  });

  it.each([
    ['name', { emails: ['x@example.com'] }],
    ['name', { name: '' }],
    ['name', { name: '   ' }],
    ['emails.0', { name: 'A', emails: ['not-an-email'] }],
    ['tags.0', { name: 'A', tags: [''] }],
    ['tags.0', { name: 'A', tags: [{ $gt: '' }] }],
    // A missing nested property is named by the object that lacks it.
    ['links.0', { name: 'A', links: [{ kind: 'github' }] }],
    ['name', { name: { $gt: '' } }],
  ])('rejects an invalid body with 400 naming the field %s', async (field, body) => {
    const response = await post(staff, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION', details: { field } });
  });

  it('rejects unknown and server-owned fields with 400', async () => {
    for (const extra of [{ nickname: 'x' }, { primaryEmail: 'a@b.c' }, { id: 'mine' }, { createdAt: 1 }]) {
      const response = await post(staff, { name: 'A', ...extra });
      expect(response.statusCode, JSON.stringify(extra)).toBe(400);
    }
  });
});

describe('reading a candidate', () => {
  it('returns the record by id', async () => {
    const candidate = await createCandidate(api, staff);
    const response = await api.as(staff, { method: 'GET', url: `/api/v1/candidates/${candidate.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(candidate);
  });

  it('answers 404 for an unknown id', async () => {
    const response = await api.as(staff, { method: 'GET', url: '/api/v1/candidates/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});

describe('updating a candidate', () => {
  it.each(['PATCH', 'PUT'] as const)('%s changes only the fields sent and records candidate.updated', async (method) => {
    const candidate = await createCandidate(api, staff, { name: 'Old Name', tags: ['a'] });
    api.clock.advance(1000);
    const response = await api.as(staff, { method, url: `/api/v1/candidates/${candidate.id}`, payload: { name: 'New Name', skills: ['Go'] } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'New Name', skills: ['Go'], tags: ['a'], emails: candidate.emails, updatedAt: api.clock.now() });
    const activities = await activitiesFor(api, candidate.id);
    expect(activities.map((a) => a.action)).toEqual(['candidate.created', 'candidate.updated']);
    expect(activities[1]?.details).toEqual({ fields: ['name', 'skills'] });
  });

  it('re-derives the primary e-mail and refuses one another candidate already has', async () => {
    const other = await createCandidate(api, staff, { emails: ['taken@example.com'] });
    const candidate = await createCandidate(api, staff, { emails: ['mine@example.com'] });
    const url = `/api/v1/candidates/${candidate.id}`;
    const clash = await api.as(staff, { method: 'PATCH', url, payload: { emails: ['Taken@example.com'] } });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details.existingId).toBe(other.id);

    const ok = await api.as(staff, { method: 'PATCH', url, payload: { emails: ['New@Example.com', 'mine@example.com'] } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().primaryEmail).toBe('new@example.com');
    const same = await api.as(staff, { method: 'PATCH', url, payload: { emails: ['new@example.com'] } });
    expect(same.statusCode).toBe(200);
  });

  it('answers 400 for an empty or invalid change and 404 for an unknown candidate', async () => {
    const candidate = await createCandidate(api, staff);
    const url = `/api/v1/candidates/${candidate.id}`;
    expect((await api.as(staff, { method: 'PATCH', url, payload: {} })).statusCode).toBe(400);
    const invalid = await api.as(staff, { method: 'PATCH', url, payload: { yearsOfExperience: -1 } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details.field).toBe('yearsOfExperience');
    expect((await api.as(staff, { method: 'PATCH', url: '/api/v1/candidates/nope', payload: { name: 'X' } })).statusCode).toBe(404);
  });
});

describe('a candidate account', () => {
  it('reads its own record at /candidates/me without the recruiters’ notes, tags and source', async () => {
    const { token, candidate } = await signInCandidate(api, 'Ana Costa');
    await api.as(staff, { method: 'PATCH', url: `/api/v1/candidates/${candidate.id}`, payload: { notes: 'internal', tags: ['hot'] } });
    const response = await api.as(token, { method: 'GET', url: '/api/v1/candidates/me' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ id: candidate.id, name: 'Ana Costa', emails: candidate.emails });
    expect(body).not.toHaveProperty('notes');
    expect(body).not.toHaveProperty('tags');
    expect(body).not.toHaveProperty('source');
  });

  it('gets 404 from /candidates/me when no candidate record is linked', async () => {
    const { token } = await api.signIn('candidate');
    expect((await api.as(token, { method: 'GET', url: '/api/v1/candidates/me' })).statusCode).toBe(404);
  });

  it('cannot use the staff candidate routes (403), and staff cannot use /candidates/me', async () => {
    const { token, candidate } = await signInCandidate(api);
    const attempts = [
      { method: 'GET', url: '/api/v1/candidates' },
      { method: 'POST', url: '/api/v1/candidates', payload: { name: 'X' } },
      { method: 'GET', url: `/api/v1/candidates/${candidate.id}` },
      { method: 'PATCH', url: `/api/v1/candidates/${candidate.id}`, payload: { name: 'X' } },
      { method: 'DELETE', url: `/api/v1/candidates/${candidate.id}` },
    ] as const;
    for (const attempt of attempts) {
      const response = await api.as(token, attempt);
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(403);
    }
    expect((await api.as(staff, { method: 'GET', url: '/api/v1/candidates/me' })).statusCode).toBe(403);
  });

  it('needs a token: every candidate route answers 401 without one', async () => {
    for (const [method, url] of [['GET', '/api/v1/candidates'], ['POST', '/api/v1/candidates'], ['GET', '/api/v1/candidates/me'], ['GET', '/api/v1/candidates/x'], ['DELETE', '/api/v1/candidates/x']] as const) {
      expect((await api.as(undefined, { method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

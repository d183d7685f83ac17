// /api/v1/users: an admin manages accounts; everyone reads their own at /users/me.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { login, makeUserBody, PASSWORD } from './auth.fixtures.js';

let api: TestApi;
let admin: Awaited<ReturnType<TestApi['signIn']>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());
beforeEach(async () => {
  admin = await api.signIn('admin');
});

const asAdmin = (options: Parameters<TestApi['as']>[1]) => api.as(admin.token, options);
const createUser = (payload: object) => asAdmin({ method: 'POST', url: '/api/v1/users', payload });
const updateUser = (id: string, payload: object) => asAdmin({ method: 'PATCH', url: `/api/v1/users/${id}`, payload });

describe('GET /users/me', () => {
  it('returns the signed-in user for every role, without secrets', async () => {
    for (const role of ['admin', 'recruiter', 'candidate'] as const) {
      const { user, token } = await api.signIn(role);
      const res = await api.as(token, { url: '/api/v1/users/me' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: user.id, username: user.username, role });
      expect(res.json()).not.toHaveProperty('passwordHash');
      expect(res.json()).not.toHaveProperty('tokenVersion');
    }
  });

  it('answers 401 without a token', async () => {
    expect((await api.app.inject({ url: '/api/v1/users/me' })).statusCode).toBe(401);
  });
});

describe('POST /users', () => {
  it('creates a recruiter who can then sign in, and records user.created', async () => {
    const body = makeUserBody({ username: 'Rita.Recruiter', displayName: 'Rita' });
    const res = await createUser(body);
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ username: 'rita.recruiter', role: 'recruiter', displayName: 'Rita', disabled: false });
    expect(user).not.toHaveProperty('passwordHash');
    expect((await login(api, 'rita.recruiter', PASSWORD)).statusCode).toBe(200);
    const activity = await api.db.activities.findOne({ selector: { action: 'user.created', subjectId: user.id } }).exec();
    expect(activity?.actorId).toBe(admin.user.id);
  });

  it('creates another admin', async () => {
    const res = await createUser(makeUserBody({ role: 'admin' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().role).toBe('admin');
  });

  it('gives a candidate account its own candidate record', async () => {
    const res = await createUser(makeUserBody({ role: 'candidate', displayName: 'Carl Candidate' }));
    expect(res.statusCode).toBe(201);
    const candidate = await api.db.candidates.findOne(res.json().candidateId).exec();
    expect(candidate?.name).toBe('Carl Candidate');
  });

  it('refuses a taken username in another letter case with 409', async () => {
    expect((await createUser(makeUserBody({ username: 'dora' }))).statusCode).toBe(201);
    const res = await createUser(makeUserBody({ username: 'Dora' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.field).toBe('username');
  });

  it('creates one account when the same new username is sent twice at once', async () => {
    const results = await Promise.all([createUser(makeUserBody({ username: 'twice' })), createUser(makeUserBody({ username: 'TWICE' }))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await api.db.users.count({ selector: { username: 'twice' } }).exec()).toBe(1);
  });

  it.each([
    ['an unknown role', { role: 'superuser' }, 'role'],
    ['a short password', { password: 'short' }, 'password'],
    ['an invalid e-mail', { email: 'nope' }, 'email'],
    ['an unknown field', { tokenVersion: 7 }, 'tokenVersion'],
  ])('refuses %s with 400 naming the field', async (_case, override, field) => {
    const res = await createUser({ ...makeUserBody(), ...override });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe(field);
  });

  it('is for admins only: 403 for a recruiter and a candidate, 401 without a token', async () => {
    for (const role of ['recruiter', 'candidate'] as const) {
      const { token } = await api.signIn(role);
      const res = await api.as(token, { method: 'POST', url: '/api/v1/users', payload: makeUserBody() });
      expect(res.statusCode).toBe(403);
    }
    expect((await api.app.inject({ method: 'POST', url: '/api/v1/users', payload: makeUserBody() })).statusCode).toBe(401);
  });
});

describe('GET /users/:user_id', () => {
  it('returns the user, or 404 for an unknown id', async () => {
    const { user } = await api.signIn('recruiter');
    const res = await asAdmin({ url: `/api/v1/users/${user.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, username: user.username });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const missing = await asAdmin({ url: '/api/v1/users/no-such-user' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 403 to a recruiter', async () => {
    const { user, token } = await api.signIn('recruiter');
    expect((await api.as(token, { url: `/api/v1/users/${user.id}` })).statusCode).toBe(403);
  });
});

describe('PATCH /users/:user_id', () => {
  it('changes e-mail and display name without signing the user out', async () => {
    const { user, token } = await api.signIn('recruiter');
    const res = await updateUser(user.id, { email: 'new@example.com', displayName: 'New Name' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'new@example.com', displayName: 'New Name' });
    expect((await api.as(token, { url: '/api/v1/users/me' })).statusCode).toBe(200);
    const activity = await api.db.activities.findOne({ selector: { action: 'user.updated', subjectId: user.id } }).exec();
    expect(activity?.details).toMatchObject({ fields: ['email', 'displayName'] });
  });

  it('signs the user out everywhere when the role changes', async () => {
    const { user, token } = await api.signIn('recruiter');
    const res = await updateUser(user.id, { role: 'admin' });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('admin');
    expect((await api.as(token, { url: '/api/v1/users/me' })).statusCode).toBe(401);
    const activity = await api.db.activities.findOne({ selector: { action: 'user.updated', subjectId: user.id } }).exec();
    expect(activity?.details).toMatchObject({ role: { from: 'recruiter', to: 'admin' } });
  });

  it('disabling an account refuses its tokens and its sign-in; enabling lets it sign in again', async () => {
    const { user, token } = await api.signIn('recruiter');
    expect((await updateUser(user.id, { disabled: true })).json().disabled).toBe(true);
    expect((await api.as(token, { url: '/api/v1/users/me' })).statusCode).toBe(401);
    expect((await updateUser(user.id, { disabled: false })).statusCode).toBe(200);
    expect((await api.as(token, { url: '/api/v1/users/me' })).statusCode).toBe(401);
  });

  it('keeps a candidate account a candidate, and staff out of candidate accounts (400 naming role)', async () => {
    const { user: candidate } = await api.signIn('candidate');
    const up = await updateUser(candidate.id, { role: 'recruiter' });
    expect(up.statusCode).toBe(400);
    expect(up.json().error.details.field).toBe('role');
    const { user: recruiter } = await api.signIn('recruiter');
    expect((await updateUser(recruiter.id, { role: 'candidate' })).statusCode).toBe(400);
  });

  it('refuses an empty body and unknown fields with 400, and an unknown id with 404', async () => {
    const { user } = await api.signIn('recruiter');
    expect((await updateUser(user.id, {})).statusCode).toBe(400);
    const extra = await updateUser(user.id, { passwordHash: 'x' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details.field).toBe('passwordHash');
    expect((await updateUser('no-such-user', { displayName: 'x' })).statusCode).toBe(404);
  });
});

describe('DELETE /users/:user_id', () => {
  it('deletes an account, whose token then stops working, and records user.deleted', async () => {
    const { user, token } = await api.signIn('recruiter');
    const res = await asAdmin({ method: 'DELETE', url: `/api/v1/users/${user.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await asAdmin({ url: `/api/v1/users/${user.id}` })).statusCode).toBe(404);
    expect((await api.as(token, { url: '/api/v1/users/me' })).statusCode).toBe(401);
    expect(await api.db.activities.findOne({ selector: { action: 'user.deleted', subjectId: user.id } }).exec()).not.toBeNull();
  });

  it('refuses to delete your own account with 409 and an unknown id with 404', async () => {
    const self = await asAdmin({ method: 'DELETE', url: `/api/v1/users/${admin.user.id}` });
    expect(self.statusCode).toBe(409);
    expect((await asAdmin({ method: 'DELETE', url: '/api/v1/users/no-such-user' })).statusCode).toBe(404);
  });

  it('answers 403 to a recruiter', async () => {
    const { user, token } = await api.signIn('recruiter');
    expect((await api.as(token, { method: 'DELETE', url: `/api/v1/users/${user.id}` })).statusCode).toBe(403);
  });
});

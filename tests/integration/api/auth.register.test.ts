// POST /api/v1/auth/register: public sign-up creates candidate accounts only, with their candidate record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { makeRegistration, register } from './auth.fixtures.js';

let api: TestApi;
beforeEach(async () => {
  api = await createTestApi();
});
afterEach(async () => api.close());

describe('POST /auth/register', () => {
  it('creates a candidate account linked to a new candidate record and never shows the password hash', async () => {
    const body = makeRegistration({ username: 'Ana.Silva', email: 'ana@example.com', displayName: 'Ana Silva' });
    const res = await register(api, body);
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ username: 'ana.silva', email: 'ana@example.com', displayName: 'Ana Silva', role: 'candidate', disabled: false });
    expect(user).not.toHaveProperty('passwordHash');
    expect(user).not.toHaveProperty('tokenVersion');

    const stored = await api.db.users.findOne(user.id).exec();
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    const candidate = await api.db.candidates.findOne(user.candidateId).exec();
    expect(candidate?.name).toBe('Ana Silva');
    expect(candidate?.emails).toEqual(['ana@example.com']);
  });

  it('names the candidate record after the username when no display name is given', async () => {
    const { displayName: _omitted, ...body } = makeRegistration({ username: 'bruno' });
    const user = (await register(api, body)).json();
    expect((await api.db.candidates.findOne(user.candidateId).exec())?.name).toBe('bruno');
  });

  it('records a user.registered activity by the new user', async () => {
    const user = (await register(api, makeRegistration())).json();
    const activity = await api.db.activities.findOne({ selector: { action: 'user.registered' } }).exec();
    expect(activity).toMatchObject({ actorId: user.id, subjectType: 'user', subjectId: user.id });
  });

  it('refuses a role in the body as an unknown field, so nobody can sign up as admin', async () => {
    const res = await register(api, { ...makeRegistration(), role: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: { field: 'role' } });
    expect(await api.db.users.count().exec()).toBe(0);
  });

  it('refuses a username already taken in any letter case with 409', async () => {
    expect((await register(api, makeRegistration({ username: 'carla' }))).statusCode).toBe(201);
    const res = await register(api, makeRegistration({ username: 'CARLA' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', details: { field: 'username' } });
  });

  it.each([
    ['a username shorter than 3 characters', { username: 'ab' }, 'username'],
    ['a username longer than 64 characters', { username: 'x'.repeat(65) }, 'username'],
    ['a username with a space', { username: 'ana silva' }, 'username'],
    ['a username with an operator character', { username: '$gt' }, 'username'],
    ['an invalid e-mail', { email: 'not-an-email' }, 'email'],
    ['a password shorter than 10 characters', { password: 'short' }, 'password'],
    ['a password longer than 256 characters', { password: 'p'.repeat(257) }, 'password'],
    ['a username that is an object', { username: { $gt: '' } }, 'username'],
  ])('refuses %s with 400 naming the field', async (_case, override, field) => {
    const res = await register(api, { ...makeRegistration(), ...override });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: { field } });
  });

  it('refuses a body without a password with 400 naming it', async () => {
    const { password: _omitted, ...body } = makeRegistration();
    const res = await register(api, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('password');
  });

  it('accepts a password of exactly 10 and of exactly 256 characters', async () => {
    expect((await register(api, makeRegistration({ password: 'p'.repeat(10) }))).statusCode).toBe(201);
    expect((await register(api, makeRegistration({ password: 'p'.repeat(256) }))).statusCode).toBe(201);
  });
});

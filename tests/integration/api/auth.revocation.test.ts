// Logout and password change revoke every earlier token (the user's tokenVersion is bumped).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, TEST_PASSWORD, type TestApi } from '../../support/api-harness.js';
import { freshAddress, login, PASSWORD, signUp } from './auth.fixtures.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

const me = (token: string) => api.as(token, { url: '/api/v1/users/me' });
const changePassword = (token: string | undefined, payload: object) =>
  api.as(token, { method: 'POST', url: '/api/v1/auth/change-password', payload, remoteAddress: freshAddress() });

describe('POST /auth/logout', () => {
  it('revokes the token it was called with and every other token of the user', async () => {
    const { body, token } = await signUp(api);
    const other = (await login(api, body.username, body.password)).json().access_token as string;
    const res = await api.as(token, { method: 'POST', url: '/api/v1/auth/logout' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    for (const old of [token, other]) {
      const after = await me(old);
      expect(after.statusCode).toBe(401);
      expect(after.json().error.message).toMatch(/revoked/);
    }
    const again = (await login(api, body.username, body.password)).json().access_token as string;
    expect((await me(again)).statusCode).toBe(200);
  });

  it('records a user.signed_out activity', async () => {
    const { user, token } = await api.signIn('recruiter');
    await api.as(token, { method: 'POST', url: '/api/v1/auth/logout' });
    expect(await api.db.activities.findOne({ selector: { action: 'user.signed_out', subjectId: user.id } }).exec()).not.toBeNull();
  });

  it('answers 401 without a token', async () => {
    const res = await api.app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(res.statusCode).toBe(401);
  });
});

describe('POST /auth/change-password', () => {
  it('returns a fresh token that works while the earlier one is refused, and the new password signs in', async () => {
    const { user, token } = await api.signIn('candidate');
    const res = await changePassword(token, { current_password: TEST_PASSWORD, new_password: 'an entirely new passphrase' });
    expect(res.statusCode).toBe(200);
    const fresh = res.json();
    expect(fresh).toMatchObject({ token_type: 'bearer', access_token: expect.any(String) });
    expect((await me(token)).statusCode).toBe(401);
    expect((await me(fresh.access_token)).statusCode).toBe(200);
    expect((await login(api, user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(api, user.username, 'an entirely new passphrase')).statusCode).toBe(200);
    expect(await api.db.activities.findOne({ selector: { action: 'user.password_changed', subjectId: user.id } }).exec()).not.toBeNull();
  });

  it('refuses a wrong current password with 400 naming current_password and keeps the token valid', async () => {
    const { token } = await api.signIn('recruiter');
    const res = await changePassword(token, { current_password: 'not the password', new_password: PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: { field: 'current_password' } });
    expect((await me(token)).statusCode).toBe(200);
  });

  it('refuses a new password that is too short, or the same as the current one, naming new_password', async () => {
    const { token } = await api.signIn('recruiter');
    const short = await changePassword(token, { current_password: TEST_PASSWORD, new_password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.field).toBe('new_password');
    const same = await changePassword(token, { current_password: TEST_PASSWORD, new_password: TEST_PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details.field).toBe('new_password');
  });

  it('refuses unknown fields with 400 and answers 401 without a token', async () => {
    const { token } = await api.signIn('admin');
    const extra = await changePassword(token, { current_password: TEST_PASSWORD, new_password: PASSWORD, username: 'someone-else' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details.field).toBe('username');
    expect((await changePassword(undefined, { current_password: TEST_PASSWORD, new_password: PASSWORD })).statusCode).toBe(401);
  });

  it('counts wrong current passwords as failed sign-ins of the user, so a stolen token cannot guess on forever', async () => {
    const { token } = await api.signIn('recruiter');
    const limit = api.config.auth.loginAttemptsPerMinute;
    for (let i = 0; i < limit; i++) {
      expect((await changePassword(token, { current_password: `guess number ${i}`, new_password: PASSWORD })).statusCode).toBe(400);
    }
    const refused = await changePassword(token, { current_password: TEST_PASSWORD, new_password: PASSWORD });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

// POST /api/v1/auth/login: JSON or OAuth2 form, one answer for every wrong credential, disabled
// accounts refused, and what a successful sign-in records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, TEST_PASSWORD, type TestApi } from '../../support/api-harness.js';
import { freshAddress, login } from './auth.fixtures.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const loginForm = (payload: string, remoteAddress = freshAddress()) =>
  api.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload, remoteAddress });

describe('POST /auth/login', () => {
  it('returns a bearer token that opens the API, and records the time of the sign-in', async () => {
    const { user } = await api.signIn('recruiter');
    api.clock.advance(5_000);
    const res = await login(api, user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: api.config.auth.accessTokenExpireMinutes * 60 });
    const me = await api.as(body.access_token, { url: '/api/v1/users/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id, lastLoginAt: api.clock.now() });
    const activity = await api.db.activities.findOne({ selector: { action: 'user.signed_in', actorId: user.id } }).exec();
    expect(activity).not.toBeNull();
  });

  it('ignores the letter case of the username', async () => {
    const { user } = await api.signIn('recruiter');
    expect((await login(api, user.username.toUpperCase(), TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('accepts the OAuth2 password-grant form the seed used', async () => {
    const { user } = await api.signIn('admin');
    const res = await loginForm(form({ grant_type: 'password', username: user.username, password: TEST_PASSWORD, scope: '' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().token_type).toBe('bearer');
  });

  it('validates a form like JSON: unknown fields and missing ones are 400 naming the field', async () => {
    const unknown = await loginForm(form({ username: 'someone', password: 'x', role: 'admin' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.field).toBe('role');
    const missing = await loginForm(form({ username: 'someone' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.field).toBe('password');
  });

  it('refuses a form that sends a field twice, or a "__proto__" field, with 400', async () => {
    const twice = await loginForm('username=a&username=b&password=x');
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error).toMatchObject({ code: 'VALIDATION', details: { field: 'username' } });
    const proto = await loginForm('username=a&password=x&__proto__=y');
    expect(proto.statusCode).toBe(400);
    expect(proto.json().error.details.field).toBe('__proto__');
  });

  it('refuses a form body larger than 8 KiB with 413', async () => {
    const res = await loginForm(form({ username: 'a', password: 'x'.repeat(9000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBeTruthy();
  });

  it('gives the same 401 for an unknown username and for a wrong password', async () => {
    const { user } = await api.signIn('recruiter');
    const unknown = await login(api, 'nobody-here', TEST_PASSWORD);
    const wrong = await login(api, user.username, 'not the password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error).toEqual({ code: 'UNAUTHORIZED', message: 'Incorrect username or password.' });
  });

  it('takes about as long for an unknown username as for a wrong password (a dummy hash is checked)', async () => {
    const { user } = await api.signIn('recruiter');
    const time = async (username: string) => {
      const started = performance.now();
      await login(api, username, 'not the password');
      return performance.now() - started;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      unknown.push(await time(`ghost-${i}`));
      wrong.push(await time(user.username));
      api.clock.advance(60_000); // keep the per-username throttle out of the measurement
    }
    // Without the dummy check an unknown username answers in well under a tenth of the time.
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
  });

  it('refuses a disabled account even with the right password', async () => {
    const { user } = await api.signIn('recruiter', { disabled: true });
    const res = await login(api, user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/disabled/);
  });

  it('refuses an operator object as the username with 400, never as a query', async () => {
    await api.signIn('admin');
    const res = await login(api, { $gt: '' }, 'x');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: { field: 'username' } });
    const passwordObject = await login(api, 'admin1', { $ne: null });
    expect(passwordObject.statusCode).toBe(400);
    expect(passwordObject.json().error.details.field).toBe('password');
  });

  it('treats operator text as a username like any other: it matches nobody', async () => {
    const res = await login(api, '{"$gt":""}', TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
  });

  it('refuses a body with an empty password or an unknown field with 400 naming the field', async () => {
    const empty = await login(api, 'someone', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.field).toBe('password');
    const extra = await api.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'someone', password: 'x', admin: true } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details.field).toBe('admin');
  });
});

// Throttling: failed sign-ins per IP and per username, sign-ups per IP, and the global per-token
// request limit. Time is the harness's FakeClock, so "a minute later" is exact.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApi, TEST_PASSWORD, type TestApi } from '../../support/api-harness.js';
import { freshAddress, login, makeRegistration, register } from './auth.fixtures.js';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(env: Record<string, string> = {}): Promise<TestApi> {
  api = await createTestApi(env);
  return api;
}

describe('failed sign-ins', () => {
  it('refuses the 6th attempt from one IP within a minute with 429 and Retry-After, and lets it in a minute later', async () => {
    const api = await start();
    const { user } = await api.signIn('recruiter');
    const ip = '192.0.2.10';
    for (let i = 0; i < 5; i++) expect((await login(api, `someone${i}`, 'wrong password', ip)).statusCode).toBe(401);

    const refused = await login(api, user.username, TEST_PASSWORD, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 60 } });

    api.clock.advance(60_000);
    expect((await login(api, user.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('refuses the 6th attempt for one username even when each comes from a different IP', async () => {
    const api = await start();
    const { user } = await api.signIn('recruiter');
    for (let i = 0; i < 5; i++) expect((await login(api, user.username, 'wrong password')).statusCode).toBe(401);
    const refused = await login(api, user.username, TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBe(60);
    // The throttle is about that username: another account from the same kind of place still signs in.
    const { user: other } = await api.signIn('recruiter');
    expect((await login(api, other.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts the username in any letter case as the same username', async () => {
    const api = await start();
    const { user } = await api.signIn('recruiter');
    for (let i = 0; i < 5; i++) await login(api, i % 2 ? user.username.toUpperCase() : user.username, 'wrong password');
    expect((await login(api, user.username, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('says how long is left in Retry-After: the oldest failure leaves the window first', async () => {
    const api = await start();
    const ip = '192.0.2.11';
    await login(api, 'someone', 'wrong password', ip);
    api.clock.advance(20_000);
    for (let i = 0; i < 4; i++) await login(api, 'someone', 'wrong password', ip);
    const refused = await login(api, 'someone', 'wrong password', ip);
    expect(refused.headers['retry-after']).toBe('40');
    api.clock.advance(40_000);
    // One failure has left the window: one more attempt is allowed, and refused again after it.
    expect((await login(api, 'someone', 'wrong password', ip)).statusCode).toBe(401);
    const again = await login(api, 'someone', 'wrong password', ip);
    expect(again.statusCode).toBe(429);
    expect(again.headers['retry-after']).toBe('20');
  });

  it('does not count successful sign-ins', async () => {
    const api = await start();
    const { user } = await api.signIn('recruiter');
    const ip = '192.0.2.12';
    for (let i = 0; i < 10; i++) expect((await login(api, user.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(api, user.username, 'wrong password', ip)).statusCode).toBe(401);
    expect((await login(api, user.username, TEST_PASSWORD, ip)).statusCode).toBe(200);
    expect((await login(api, user.username, 'wrong password', ip)).statusCode).toBe(401);
    expect((await login(api, user.username, TEST_PASSWORD, ip)).statusCode).toBe(429);
  });

  it('uses LOGIN_ATTEMPTS_PER_MINUTE from the configuration', async () => {
    const api = await start({ LOGIN_ATTEMPTS_PER_MINUTE: '2' });
    const ip = '192.0.2.13';
    for (let i = 0; i < 2; i++) expect((await login(api, 'someone', 'wrong password', ip)).statusCode).toBe(401);
    expect((await login(api, 'someone', 'wrong password', ip)).statusCode).toBe(429);
  });
});

describe('sign-ups', () => {
  it('allows 5 sign-ups a minute from one IP, refuses the 6th with 429, and accepts again a minute later', async () => {
    const api = await start();
    const ip = '192.0.2.20';
    for (let i = 0; i < 5; i++) expect((await register(api, makeRegistration(), ip)).statusCode).toBe(201);
    const refused = await register(api, makeRegistration(), ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect((await register(api, makeRegistration(), freshAddress())).statusCode).toBe(201);
    api.clock.advance(60_000);
    expect((await register(api, makeRegistration(), ip)).statusCode).toBe(201);
  });
});

describe('the global request limit (API_REQUESTS_PER_MINUTE)', () => {
  it('refuses a token its 4th request in a minute when the limit is 3, counting other tokens apart', async () => {
    const api = await start({ API_REQUESTS_PER_MINUTE: '3' });
    const first = await api.signIn('recruiter');
    const second = await api.signIn('recruiter');
    for (let i = 0; i < 3; i++) expect((await api.as(first.token, { url: '/api/v1/users/me' })).statusCode).toBe(200);
    const refused = await api.as(first.token, { url: '/api/v1/users/me' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect((await api.as(second.token, { url: '/api/v1/users/me' })).statusCode).toBe(200);

    api.clock.advance(60_000);
    expect((await api.as(first.token, { url: '/api/v1/users/me' })).statusCode).toBe(200);
  });

  it('counts requests without a token per IP, and leaves /health alone', async () => {
    const api = await start({ API_REQUESTS_PER_MINUTE: '3' });
    const status = (remoteAddress: string) => api.app.inject({ url: '/api/v1/setup/status', remoteAddress });
    for (let i = 0; i < 3; i++) expect((await status('192.0.2.30')).statusCode).toBe(200);
    expect((await status('192.0.2.30')).statusCode).toBe(429);
    expect((await status('192.0.2.31')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await api.app.inject({ url: '/health', remoteAddress: '192.0.2.30' })).statusCode).toBe(200);
  });

  it('is off when set to 0', async () => {
    const api = await start({ API_REQUESTS_PER_MINUTE: '0' });
    const { token } = await api.signIn('recruiter');
    for (let i = 0; i < 50; i++) expect((await api.as(token, { url: '/api/v1/users/me' })).statusCode).toBe(200);
  });
});

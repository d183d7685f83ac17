// Authentication keeps users in a cache; these check it never lets a revoked or disabled account
// through, whichever way the user record changes.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/api-harness.js';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('the authenticated-user cache', () => {
  it('refuses a token as soon as its user is disabled, even by a write that bypasses the API', async () => {
    api = await createTestApi();
    const { user, token } = await api.signIn('recruiter');
    expect((await api.as(token, { url: '/api/v1/users/me' })).statusCode).toBe(200);
    const doc = await api.db.users.findOne(user.id).exec();
    await doc!.incrementalPatch({ disabled: true });
    expect((await api.as(token, { url: '/api/v1/users/me' })).statusCode).toBe(401);
  });

  it('refuses a token as soon as its user’s tokenVersion moves on, and accepts a new one', async () => {
    api = await createTestApi();
    const { user, token } = await api.signIn('admin');
    expect((await api.as(token, { url: '/api/v1/users/me' })).statusCode).toBe(200);
    const doc = await api.db.users.findOne(user.id).exec();
    const bumped = await doc!.incrementalPatch({ tokenVersion: user.tokenVersion + 1 });
    expect((await api.as(token, { url: '/api/v1/users/me' })).statusCode).toBe(401);
    const fresh = api.features.services.tokens.issue(bumped.toJSON());
    expect((await api.as(fresh.token, { url: '/api/v1/users/me' })).statusCode).toBe(200);
  });

  it('refuses a token once its user is deleted', async () => {
    api = await createTestApi();
    const { user, token } = await api.signIn('candidate');
    expect((await api.as(token, { url: '/api/v1/users/me' })).statusCode).toBe(200);
    await (await api.db.users.findOne(user.id).exec())!.remove();
    expect((await api.as(token, { url: '/api/v1/users/me' })).statusCode).toBe(401);
  });
});

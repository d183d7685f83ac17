// The app always keeps an enabled admin: the last one cannot be demoted, disabled or deleted.
// (A database of its own: these tests count the admins.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/api-harness.js';

let api: TestApi;
beforeEach(async () => {
  api = await createTestApi();
});
afterEach(async () => api.close());

const patch = (token: string, id: string, payload: object) => api.as(token, { method: 'PATCH', url: `/api/v1/users/${id}`, payload });

describe('the last enabled admin', () => {
  it('cannot demote or disable themselves when they are the only admin (409 naming the field)', async () => {
    const only = await api.signIn('admin');
    const demote = await patch(only.token, only.user.id, { role: 'recruiter' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error).toMatchObject({ code: 'CONFLICT', details: { field: 'role' } });
    const disable = await patch(only.token, only.user.id, { disabled: true });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().error.details.field).toBe('disabled');
    expect((await api.db.users.findOne(only.user.id).exec())?.role).toBe('admin');
  });

  it('can be demoted while another enabled admin exists, which then becomes the last one', async () => {
    const first = await api.signIn('admin');
    const second = await api.signIn('admin');
    expect((await patch(second.token, first.user.id, { role: 'recruiter' })).statusCode).toBe(200);
    expect((await patch(second.token, second.user.id, { role: 'recruiter' })).statusCode).toBe(409);
  });

  it('does not count a disabled admin as another admin', async () => {
    const active = await api.signIn('admin');
    await api.signIn('admin', { disabled: true });
    expect((await patch(active.token, active.user.id, { role: 'recruiter' })).statusCode).toBe(409);
  });

  it('cannot disable your own account even when other admins exist', async () => {
    const first = await api.signIn('admin');
    await api.signIn('admin');
    const res = await patch(first.token, first.user.id, { disabled: true });
    expect(res.statusCode).toBe(409);
  });

  it('cannot delete your own account, so the last admin cannot delete itself', async () => {
    const only = await api.signIn('admin');
    const res = await api.as(only.token, { method: 'DELETE', url: `/api/v1/users/${only.user.id}` });
    expect(res.statusCode).toBe(409);
    expect(await api.db.users.findOne(only.user.id).exec()).not.toBeNull();
  });
});

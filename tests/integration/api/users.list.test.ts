// GET /api/v1/users: paging, role filter and username search (literal text, never a pattern or operator).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../support/api-harness.js';

let api: TestApi;
let adminToken: string;
beforeAll(async () => {
  api = await createTestApi();
  adminToken = (await api.signIn('admin', { username: 'boss' })).token;
  for (const username of ['alice', 'bob', 'carol', 'dave', 'a.b-c_d']) await api.signIn('recruiter', { username });
  for (const username of ['erin', 'frank']) await api.signIn('candidate', { username });
});
afterAll(async () => api.close());

const list = (query = '') => api.as(adminToken, { url: `/api/v1/users${query}` });
const usernames = (res: { json(): { items: { username: string }[] } }) => res.json().items.map((u) => u.username);

describe('GET /users', () => {
  it('lists every account sorted by username, with the total and the page it is', async () => {
    const res = await list();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 8, limit: 20, skip: 0 });
    expect(usernames(res)).toEqual(['a.b-c_d', 'alice', 'bob', 'boss', 'carol', 'dave', 'erin', 'frank']);
    for (const user of res.json().items) expect(user).not.toHaveProperty('passwordHash');
  });

  it('pages with limit and skip, and a skip past the end gives no items but the total', async () => {
    const page = await list('?limit=3&skip=3');
    expect(usernames(page)).toEqual(['boss', 'carol', 'dave']);
    expect(page.json()).toMatchObject({ total: 8, limit: 3, skip: 3 });
    const past = await list('?skip=50');
    expect(past.json()).toMatchObject({ items: [], total: 8, skip: 50 });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['skip=-1', 'skip'],
    ['role=owner', 'role'],
    ['search=', 'search'],
    ['sort=username', 'sort'],
  ])('refuses ?%s with 400 naming the parameter', async (query, field) => {
    const res = await list(`?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: { field } });
  });

  it('filters by role', async () => {
    const res = await list('?role=candidate');
    expect(usernames(res)).toEqual(['erin', 'frank']);
    expect(res.json().total).toBe(2);
  });

  it('finds text anywhere in the username, ignoring case, and pages the matches', async () => {
    expect(usernames(await list('?search=A'))).toEqual(['a.b-c_d', 'alice', 'carol', 'dave', 'frank']);
    const page = await list('?search=a&limit=2&skip=1');
    expect(usernames(page)).toEqual(['alice', 'carol']);
    expect(page.json().total).toBe(5);
    expect(usernames(await list('?search=o&role=recruiter'))).toEqual(['bob', 'carol']);
  });

  it('treats regular-expression characters in the search as literal text', async () => {
    expect(usernames(await list(`?search=${encodeURIComponent('.')}`))).toEqual(['a.b-c_d']);
    expect(usernames(await list(`?search=${encodeURIComponent('.*')}`))).toEqual([]);
    expect(usernames(await list(`?search=${encodeURIComponent('^b')}`))).toEqual([]);
  });

  it('treats an operator written into the query string as literal text that matches nobody', async () => {
    const res = await list(`?search=${encodeURIComponent('{"$gt":""}')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ items: [], total: 0 });
  });

  it('refuses operator-shaped parameter names with 400 instead of building a query from them', async () => {
    const res = await list(`?${encodeURIComponent('role[$ne]')}=admin`);
    expect(res.statusCode).toBe(400);
  });

  it('is for admins only', async () => {
    const { token } = await api.signIn('recruiter');
    expect((await api.as(token, { url: '/api/v1/users' })).statusCode).toBe(403);
    expect((await api.app.inject({ url: '/api/v1/users' })).statusCode).toBe(401);
  });
});

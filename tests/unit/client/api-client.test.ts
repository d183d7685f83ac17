// The typed API client against the real API on a real loopback port: requests, the error shape by
// field, and the session-expired hook.
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, toQueryString } from '../../../src/shared/api/client.js';
import { createTestApi, TEST_PASSWORD, type TestApi } from '../../support/api-harness.js';

describe('the typed API client', () => {
  let api: TestApi;
  let origin: string;

  beforeAll(async () => {
    // A worker pool, because uploads take their size limit from it (nothing is parsed: the queue is not started).
    api = await createTestApi({}, { poolSize: 1 });
    origin = await api.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await api.close();
  });

  it('reports that the first admin is still needed, creates it, and then signs in with it', async () => {
    const client = createApiClient({ baseUrl: origin });
    expect(await client.setup.status()).toEqual({ needs_admin: true });
    const admin = await client.setup.createAdmin({ username: 'Boss', email: 'boss@example.com', password: TEST_PASSWORD });
    expect(admin.username).toBe('boss');
    expect(admin).not.toHaveProperty('passwordHash');
    expect(await client.setup.status()).toEqual({ needs_admin: false });

    const token = await client.auth.login({ username: 'boss', password: TEST_PASSWORD });
    expect(token.token_type).toBe('bearer');
    const signedIn = createApiClient({ baseUrl: origin, getToken: () => token.access_token });
    expect((await signedIn.users.me()).role).toBe('admin');
  });

  it('sends the bearer token and query filters, and reads a typed page back', async () => {
    const { token } = await api.signIn('recruiter');
    const client = createApiClient({ baseUrl: `${origin}/`, getToken: () => token });
    const created = await client.jobs.create({ title: 'Senior Java Developer', location: 'Lisbon, Portugal', remote: true });
    await client.jobs.create({ title: 'Office manager', location: 'Porto' });
    const page = await client.jobs.list({ keyword: 'java', remote: true, limit: 5 });
    expect(page.total).toBe(1);
    expect(page.items[0]?.id).toBe(created.id);
    const closed = await client.jobs.update(created.id, { status: 'closed' });
    expect(closed.status).toBe('closed');
  });

  it('turns a validation failure into an ApiError that names the field', async () => {
    const { token } = await api.signIn('recruiter');
    const client = createApiClient({ baseUrl: origin, getToken: () => token });
    const error = await client.jobs.create({ title: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('VALIDATION');
    expect(apiError.field).toBe('title');
    expect(apiError.message).not.toBe('');
  });

  it('gives a not-found error its status and code', async () => {
    const { token } = await api.signIn('admin');
    const client = createApiClient({ baseUrl: origin, getToken: () => token });
    const error = (await client.jobs.get('no-such-job').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(404);
    expect(error.code).toBe('NOT_FOUND');
  });

  it('calls the session-expired hook when a request with a token is refused, but not for a failed sign-in', async () => {
    const refused: ApiError[] = [];
    const client = createApiClient({ baseUrl: origin, getToken: () => 'not-a-valid-token', onUnauthorized: (e) => refused.push(e) });
    await expect(client.users.me()).rejects.toMatchObject({ status: 401 });
    expect(refused).toHaveLength(1);

    const anonymous = createApiClient({ baseUrl: origin, getToken: () => null, onUnauthorized: (e) => refused.push(e) });
    await expect(anonymous.auth.login({ username: 'nobody', password: 'wrong password' })).rejects.toMatchObject({ status: 401 });
    expect(refused).toHaveLength(1);
  });

  it('reports a core that cannot be reached as a network error with status 0', async () => {
    const unreachable: ApiError[] = [];
    const client = createApiClient({ baseUrl: 'http://127.0.0.1:9', onNetworkError: (e) => unreachable.push(e) });
    const error = (await client.setup.status().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.isNetworkError).toBe(true);
    expect(unreachable).toEqual([error]);
  });

  it('uploads PDFs as multipart, reports each file, and downloads the stored PDF with the token', async () => {
    const { token } = await api.signIn('recruiter');
    const client = createApiClient({ baseUrl: origin, getToken: () => token });
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText('Ada Lovelace - Analyst - ada@example.com');
    const bytes = await pdf.save();
    const first = await client.resumes.upload([
      { name: 'ada.pdf', data: new Blob([bytes], { type: 'application/pdf' }) },
      { name: 'notes.txt', data: new Blob(['not a pdf'], { type: 'text/plain' }) },
    ]);
    expect(first.items.map((i) => [i.file_name, i.status, i.duplicate])).toEqual([
      ['ada.pdf', 'uploaded', false],
      ['notes.txt', 'rejected', false],
    ]);
    const again = await client.resumes.upload([{ name: 'ada-again.pdf', data: new Blob([bytes], { type: 'application/pdf' }) }]);
    expect(again.items[0]?.duplicate).toBe(true);
    expect(again.items[0]?.resume_id).toBe(first.items[0]?.resume_id);

    const file = await client.resumes.file(first.items[0]?.resume_id ?? '');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });

  it('reads the health document outside the API prefix', async () => {
    const client = createApiClient({ baseUrl: origin });
    const health = await client.health();
    expect(health.status).toBe('ok');
  });
});

describe('query strings', () => {
  it('leave out undefined, null and empty values and keep booleans and numbers as text', () => {
    expect(toQueryString({ a: undefined, b: null, c: '', d: false, e: 0, f: 'x y' })).toBe('?d=false&e=0&f=x+y');
    expect(toQueryString({})).toBe('');
    expect(toQueryString(undefined)).toBe('');
  });
});

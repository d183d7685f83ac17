import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApiServer } from '../../../src/main/core/api/server.js';
import { NotFoundError } from '../../../src/main/core/errors.js';
import { silentLog } from '../../../src/main/core/log.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('GET /health', () => {
  it('answers 200 with every service ok and the version', async () => {
    app = await createApiServer({ log: silentLog, version: '1.2.3', healthChecks: { db: async () => {}, queue: async () => {} } });
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', version: '1.2.3', services: { db: 'ok', queue: 'ok' } });
  });

  it('answers 503 naming the service that is down and why', async () => {
    app = await createApiServer({
      log: silentLog,
      version: '1.2.3',
      healthChecks: { db: async () => { throw new Error('database is closed'); }, queue: async () => {} },
    });
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    const body = res.json();
    expect(body.failing).toEqual(['db']);
    expect(body.services).toEqual({ db: 'down: database is closed', queue: 'ok' });
  });
});

describe('error shape', () => {
  it('maps domain errors to their HTTP status with the one error body', async () => {
    app = await createApiServer({ log: silentLog, version: '0', healthChecks: {} });
    app.get('/missing-thing', async () => {
      throw new NotFoundError('Job 42 does not exist', { id: '42' });
    });
    const res = await app.inject({ method: 'GET', url: '/missing-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Job 42 does not exist', details: { id: '42' } } });
  });

  it('never leaks the message of an unexpected error', async () => {
    app = await createApiServer({ log: silentLog, version: '0', healthChecks: {} });
    app.get('/boom', async () => {
      throw new Error('SELECT * FROM secrets failed at /home/ana/.config');
    });
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secrets');
    expect(res.json().error.code).toBe('INTERNAL');
  });

  it('names the offending field of a validation error', async () => {
    app = await createApiServer({ log: silentLog, version: '0', healthChecks: {} });
    app.post('/things', {
      schema: { body: { type: 'object', required: ['title'], additionalProperties: false, properties: { title: { type: 'string', minLength: 1 } } } },
    }, async () => ({ ok: true }));
    const res = await app.inject({ method: 'POST', url: '/things', payload: { title: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: { field: 'title' } });
  });

  it('answers unknown routes with a 404 in the same shape', async () => {
    app = await createApiServer({ log: silentLog, version: '0', healthChecks: {} });
    const res = await app.inject({ method: 'GET', url: '/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route for GET /nope' } });
  });

  it('sends a strict Content-Security-Policy on every answer', async () => {
    app = await createApiServer({ log: silentLog, version: '0', healthChecks: {} });
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
  });

  it('answers 413 in the one error shape when a body exceeds the limit', async () => {
    app = await createApiServer({ log: silentLog, version: '0', healthChecks: {}, bodyLimit: 1024 });
    app.post('/things', async () => ({ ok: true }));
    const res = await app.inject({ method: 'POST', url: '/things', payload: { text: 'x'.repeat(2048) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FST_ERR_CTP_BODY_TOO_LARGE');
  });

  it('answers 415 in the one error shape for a content type it does not accept', async () => {
    app = await createApiServer({ log: silentLog, version: '0', healthChecks: {} });
    app.post('/things', async () => ({ ok: true }));
    const res = await app.inject({ method: 'POST', url: '/things', headers: { 'content-type': 'application/x-unknown' }, payload: 'abc' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toMatch(/media type|content-type/i);
  });
});

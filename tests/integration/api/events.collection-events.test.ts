// 'job.changed' and 'application.changed' on GET /api/v1/events: published from the collections'
// change streams, so REST writes, bulk writes and writes that bypass the services (as replication
// does, straight into the storage) all reach the renderer. Real port, read as the UI reads it.
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRevision, now } from 'rxdb';
import { createAppEventBus, type AppEvents } from '../../../src/main/core/app-events.js';
import { publishCollectionEvents } from '../../../src/main/core/features/events/collection-events.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { openSse, type SseMessage, type SseStream } from '../../support/sse-client.js';
import { addApplication, createCandidate } from './candidates.fixtures.js';
import { createJob, JOBS_URL } from './jobs.fixtures.js';

let api: TestApi;
let base: string;
let staff: string;
const streams: SseStream[] = [];

beforeEach(async () => {
  api = await createTestApi();
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}/api/v1`;
  staff = (await api.signIn('recruiter')).token;
});
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await api.close();
});

async function open(token: string, types = 'job.changed,application.changed'): Promise<SseStream> {
  const stream = await openSse(`${base}/events?types=${types}`, { authorization: `Bearer ${token}` });
  streams.push(stream);
  return stream;
}

type Name = 'job.changed' | 'application.changed';
/** The next event of this name about this document, parsed. */
async function nextAbout<N extends Name>(stream: SseStream, name: N, id: string, match: (data: AppEvents[N]) => boolean = () => true): Promise<AppEvents[N]> {
  const parse = (m: SseMessage) => JSON.parse(m.data) as AppEvents[N];
  return parse(await stream.next((m) => m.event === name && parse(m).id === id && match(parse(m))));
}

async function newApplication() {
  const job = await createJob(api, staff);
  const candidate = await createCandidate(api, staff);
  return { job, candidate, application: await addApplication(api, staff, job.id, candidate.id) };
}

describe('application.changed', () => {
  it('follows a move through the REST API with the new status and the ids of job and candidate', async () => {
    const { job, candidate, application } = await newApplication();
    const stream = await open(staff);
    const other = (await api.signIn('admin')).token;
    const response = await api.as(other, { method: 'PATCH', url: `/api/v1/applications/${application.id}`, payload: { status: 'screening' } });
    expect(response.statusCode, response.body).toBe(200);
    const event = await nextAbout(stream, 'application.changed', application.id);
    expect(event).toEqual({ id: application.id, jobId: job.id, candidateId: candidate.id, status: 'screening', deleted: false });
  });

  it('is published for a write straight into the storage, as replication from another device writes', async () => {
    const { application } = await newApplication();
    const stream = await open(staff);
    const storage = api.db.applications.storageInstance;
    const [previous] = await storage.findDocumentsById([application.id], false);
    if (!previous) throw new Error('the application is not stored');
    const next = { ...previous, status: 'interview' as const, _rev: createRevision(api.db.token, previous), _meta: { lwt: now() } };
    const result = await storage.bulkWrite([{ previous, document: next }], 'replication-test');
    expect(result.error).toEqual([]);
    expect(await nextAbout(stream, 'application.changed', application.id)).toMatchObject({ status: 'interview', deleted: false });
  });

  it('says deleted: true for each application a forced job deletion removes', async () => {
    const { job, application } = await newApplication();
    const second = await addApplication(api, staff, job.id, (await createCandidate(api, staff)).id);
    const stream = await open(staff);
    const response = await api.as(staff, { method: 'DELETE', url: `${JOBS_URL}/${job.id}?force=true` });
    expect(response.statusCode, response.body).toBe(200);
    // The deletions come in whatever order the store removes them: collect until all three are seen.
    const expected = new Set([`application.changed ${application.id}`, `application.changed ${second.id}`, `job.changed ${job.id}`]);
    const seen = new Map<string, { jobId?: string; deleted: boolean }>();
    while (seen.size < expected.size) {
      const message = await stream.next((m) => (m.event === 'application.changed' || m.event === 'job.changed') && expected.has(`${m.event} ${(JSON.parse(m.data) as { id: string }).id}`));
      const data = JSON.parse(message.data) as { id: string; jobId?: string; deleted: boolean };
      if (data.deleted) seen.set(`${message.event} ${data.id}`, data);
    }
    for (const id of [application.id, second.id]) expect(seen.get(`application.changed ${id}`)).toMatchObject({ jobId: job.id, deleted: true });
    expect(seen.get(`job.changed ${job.id}`)).toMatchObject({ deleted: true });
  });

  it('carries ids and status only, no personal data of the candidate', async () => {
    const { application } = await newApplication();
    const stream = await open(staff);
    await api.as(staff, { method: 'PATCH', url: `/api/v1/applications/${application.id}`, payload: { status: 'rejected' } });
    const event = await nextAbout(stream, 'application.changed', application.id);
    expect(Object.keys(event).sort()).toEqual(['candidateId', 'deleted', 'id', 'jobId', 'status']);
  });
});

describe('job.changed', () => {
  it('follows a job created, patched and deleted through the REST API', async () => {
    const stream = await open(staff);
    const job = await createJob(api, staff);
    expect(await nextAbout(stream, 'job.changed', job.id)).toEqual({ id: job.id, status: 'open', deleted: false });

    const patched = await api.as(staff, { method: 'PATCH', url: `${JOBS_URL}/${job.id}`, payload: { status: 'closed' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await nextAbout(stream, 'job.changed', job.id, (e) => e.status === 'closed')).toEqual({ id: job.id, status: 'closed', deleted: false });

    const removed = await api.as(staff, { method: 'DELETE', url: `${JOBS_URL}/${job.id}` });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await nextAbout(stream, 'job.changed', job.id, (e) => e.deleted)).toMatchObject({ id: job.id, deleted: true });
  });

  it('is published for a write to the collection that no service made', async () => {
    const job = await createJob(api, staff);
    const stream = await open(staff);
    const doc = await api.db.jobs.findOne(job.id).exec();
    await doc?.incrementalPatch({ status: 'closed' });
    expect(await nextAbout(stream, 'job.changed', job.id)).toEqual({ id: job.id, status: 'closed', deleted: false });
  });

  it('reaches a reading client once per seeded job, none dropped', async () => {
    const stream = await open(staff);
    const response = await api.as(staff, { method: 'POST', url: `${JOBS_URL}/seed` });
    expect(response.statusCode, response.body).toBe(200);
    const { inserted } = response.json<{ inserted: number }>();
    expect(inserted).toBeGreaterThan(1);
    const ids: string[] = [];
    while (ids.length < inserted) ids.push((JSON.parse((await stream.next((m) => m.event === 'job.changed')).data) as { id: string }).id);
    const seeded = (await api.db.jobs.find().exec()).map((doc) => doc.id);
    expect(ids.sort()).toEqual(seeded.sort());
    expect(stream.messages.some((m) => m.event === 'stream.overflow')).toBe(false);
  });
});

describe('who receives them', () => {
  it('refuses the stream to a candidate account, so applications of others are never pushed to one', async () => {
    const { token } = await api.signIn('candidate');
    const stream = await openSse(`${base}/events?types=application.changed`, { authorization: `Bearer ${token}` });
    streams.push(stream);
    expect(stream.status).toBe(403);
  });

  it('stops publishing when stopped, as it is when the database closes', async () => {
    const bus = createAppEventBus();
    const received: AppEvents['job.changed'][] = [];
    bus.on('job.changed', (e) => received.push(e));
    const stop = publishCollectionEvents({ db: api.db, events: bus });
    expect(api.db.onClose).toContain(stop);
    const first = await createJob(api, staff);
    expect(received.map((e) => e.id)).toEqual([first.id]);
    stop();
    await createJob(api, staff);
    expect(received.map((e) => e.id)).toEqual([first.id]);
  });
});

// The jobs store kept live by the real core's event stream over HTTP: another user's moves, a sync's
// bulk write, a deleted job and a new one reach the open job page and the list, and a move of this
// user still in flight is never undone by a refresh those events cause.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import { createJobsStore, JOB_DELETED_MESSAGE, type JobsState, type JobsStore } from '../../../src/renderer/src/stores/jobs.js';
import type { ApplicationOut } from '../../../src/shared/api/applications.js';
import { createApiClient } from '../../../src/shared/api/client.js';
import { createEventStream, type EventStream, type StreamState } from '../../../src/shared/api/event-stream.js';
import type { Application, ApplicationStatus } from '../../../src/shared/schemas/application.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { addApplication, createCandidate } from '../../integration/api/candidates.fixtures.js';
import { createJob, JOBS_URL } from '../../integration/api/jobs.fixtures.js';
import { until } from './support.js';

let api: TestApi;
let other: string;
let jobs: JobsStore;
let stream: EventStream;
let streamState: StreamState = 'closed';
let stopFollowing: () => void;
const stateListeners = new Set<(state: StreamState) => void>();
/** Every request the store sent, as "METHOD /path". */
let sent: string[];
/** While set, the store's PATCH requests wait here before they are sent. */
let patchGate: Promise<void> | undefined;

beforeEach(async () => {
  api = await createTestApi();
  const baseUrl = await api.app.listen({ host: '127.0.0.1', port: 0 });
  const { token } = await api.signIn('recruiter');
  other = (await api.signIn('admin')).token;
  sent = [];
  patchGate = undefined;
  const gatedFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    sent.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    if (init?.method === 'PATCH') await patchGate;
    return fetch(input, init);
  };
  jobs = createJobsStore({ api: createApiClient({ baseUrl, getToken: () => token, fetch: gatedFetch }) });
  stream = createEventStream({
    baseUrl,
    getToken: () => token,
    onStateChange: (state) => {
      streamState = state;
      for (const listener of stateListeners) listener(state);
    },
  });
  stopFollowing = jobs.getState().follow(stream);
  await openStream();
});
afterEach(async () => {
  stopFollowing();
  stream.stop();
  stateListeners.clear();
  await api.close();
});

function openStream(): Promise<void> {
  stream.start();
  return new Promise((resolve) => {
    if (streamState === 'open') return resolve();
    const listener = (state: StreamState) => {
      if (state !== 'open') return;
      stateListeners.delete(listener);
      resolve();
    };
    stateListeners.add(listener);
  });
}

const statusOn = (state: JobsState, id: string) => state.applications.find((a) => a.id === id)?.status;
const boardReads = (jobId: string) => sent.filter((r) => r === `GET ${JOBS_URL}/${jobId}/applications`).length;

/** A job with `count` applicants, opened in the store. */
async function openJobWith(count: number) {
  const job = await createJob(api, other);
  const applications: ApplicationOut[] = [];
  for (let i = 0; i < count; i++) applications.push(await addApplication(api, other, job.id, (await createCandidate(api, other)).id));
  await jobs.getState().openJob(job.id);
  expect(jobs.getState().applications).toHaveLength(count);
  return { job, applications };
}

/** Another user moves an application through the REST API. */
async function moveAsOther(id: string, status: ApplicationStatus): Promise<void> {
  const response = await api.as(other, { method: 'PATCH', url: `/api/v1/applications/${id}`, payload: { status } });
  expect(response.statusCode, response.body).toBe(200);
}

describe('the open job’s board', () => {
  it('shows a move another user made through the REST API', async () => {
    const { applications: [application] } = await openJobWith(1);
    await moveAsOther(application!.id, 'screening');
    const state = await until(jobs, (s) => statusOn(s, application!.id) === 'screening');
    expect(state.jobStatus).toBe('ready');
  });

  it('reads a burst of changes from a sync as one request, new applicants included', async () => {
    const { job, applications } = await openJobWith(2);
    const readsBefore = boardReads(job.id);
    const synced = unstamped<Application>({ id: randomUUID(), jobId: job.id, candidateId: (await createCandidate(api, other)).id, status: 'applied', history: [] });
    // One bulk write, as replication writes a batch pulled from another device.
    const current = await api.db.applications.findByIds(applications.map((a) => a.id)).exec();
    await api.db.applications.bulkUpsert([...[...current.values()].map((doc) => ({ ...doc.toMutableJSON(), status: 'interview' as const })), synced]);

    const state = await until(jobs, (s) => s.applications.length === 3 && applications.every((a) => statusOn(s, a.id) === 'interview'));
    expect(statusOn(state, synced.id)).toBe('applied');
    expect(boardReads(job.id) - readsBefore).toBe(1);
  });

  it('keeps this user’s move in flight while another user’s move refreshes the board', async () => {
    const { applications: [mine, theirs] } = await openJobWith(2);
    let release!: () => void;
    patchGate = new Promise((resolve) => (release = resolve));
    const move = jobs.getState().move(mine!.id, 'interview');
    expect(statusOn(jobs.getState(), mine!.id)).toBe('interview');

    // The refresh this causes reads `mine` as still applied: the PATCH has not even been sent.
    await moveAsOther(theirs!.id, 'rejected');
    const refreshed = await until(jobs, (s) => statusOn(s, theirs!.id) === 'rejected');
    expect(statusOn(refreshed, mine!.id)).toBe('interview');

    release();
    await move;
    expect(statusOn(jobs.getState(), mine!.id)).toBe('interview');
    expect((await api.db.applications.findOne(mine!.id).exec())?.status).toBe('interview');
  });

  it('ends showing the other user’s move when it made this user’s move fail', async () => {
    const { applications: [application] } = await openJobWith(1);
    let release!: () => void;
    patchGate = new Promise((resolve) => (release = resolve));
    const move = jobs.getState().move(application!.id, 'interview');
    await moveAsOther(application!.id, 'rejected');
    release();
    await expect(move).rejects.toThrow(/rejected/);
    await until(jobs, (s) => statusOn(s, application!.id) === 'rejected');
  });

  it('reads the open job again after the stream reconnects, catching changes made while it was away', async () => {
    const { applications: [application] } = await openJobWith(1);
    // What App.tsx does each time the stream opens.
    stateListeners.add((state) => {
      if (state === 'open') void jobs.getState().refreshOpenJob();
    });
    stream.stop();
    await moveAsOther(application!.id, 'screening');
    expect(statusOn(jobs.getState(), application!.id)).toBe('applied');
    await openStream();
    await until(jobs, (s) => statusOn(s, application!.id) === 'screening');
  });
});

describe('the open job', () => {
  it('shows that it was deleted by another user instead of a stale page', async () => {
    const { job } = await openJobWith(1);
    const response = await api.as(other, { method: 'DELETE', url: `${JOBS_URL}/${job.id}?force=true` });
    expect(response.statusCode, response.body).toBe(200);
    const state = await until(jobs, (s) => s.jobStatus === 'error');
    expect(state).toMatchObject({ job: null, applications: [], jobError: JOB_DELETED_MESSAGE });
  });

  it('shows another user’s change to the job itself', async () => {
    const { job } = await openJobWith(0);
    const response = await api.as(other, { method: 'PATCH', url: `${JOBS_URL}/${job.id}`, payload: { status: 'closed' } });
    expect(response.statusCode, response.body).toBe(200);
    await until(jobs, (s) => s.job?.status === 'closed');
  });
});

describe('a job page that was left', () => {
  it('reads nothing more about that job', async () => {
    const { job, applications: [application] } = await openJobWith(1);
    await jobs.getState().load();
    jobs.getState().closeJob();
    const readsBefore = boardReads(job.id);
    await moveAsOther(application!.id, 'screening');
    // A later event on the same stream, which the store does act on: once the list has reloaded for
    // it, any board read for the earlier move would have been sent already (both wait equally long).
    const added = await createJob(api, other, { title: 'Later Engineer' });
    await until(jobs, (s) => s.items.some((j) => j.id === added.id));
    expect(boardReads(job.id)).toBe(readsBefore);
    expect(statusOn(jobs.getState(), application!.id)).toBe('applied');
  });
});

describe('the list of jobs', () => {
  it('reloads when another user creates a job or deletes one in it', async () => {
    const kept = await createJob(api, other, { title: 'Kept Engineer' });
    await jobs.getState().load();
    expect(jobs.getState().items.map((j) => j.id)).toEqual([kept.id]);

    const added = await createJob(api, other, { title: 'Added Engineer' });
    await until(jobs, (s) => s.items.some((j) => j.id === added.id));

    const response = await api.as(other, { method: 'DELETE', url: `${JOBS_URL}/${kept.id}` });
    expect(response.statusCode, response.body).toBe(200);
    const state = await until(jobs, (s) => s.status === 'ready' && !s.items.some((j) => j.id === kept.id));
    expect(state.items.map((j) => j.id)).toEqual([added.id]);
  });
});

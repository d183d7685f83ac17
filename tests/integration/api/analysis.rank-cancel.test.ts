// A ranking stopped part-way through the API, against a slow provider (a proxy that holds each
// request until the test lets it through): cancelled, every analysis it started and did not finish
// is failed with code `cancelled` and none stays queued or running; stopped by a shutdown instead,
// they stay to be resumed, and the resumed ranking finishes them.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rankAnalysisId } from '../../../src/main/core/features/analysis/tasks.js';
import type { Analysis } from '../../../src/shared/schemas/analysis.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { RESUME_TEXT, makeAnalysis, makeJobMatch } from '../../support/llm/analysis-fixtures.js';
import { startGatedProxy, type GatedProxy } from '../../support/llm/gated-proxy.js';
import { startOllamaServer } from '../../support/llm/ollama-server.js';
import { llmStep, type ScriptedLlmServer } from '../../support/llm/scripted-llm-server.js';
import { createJob } from './jobs.fixtures.js';
import { insertParsedResume } from './analysis.fixtures.js';
import { waitForTask } from './resumes.fixtures.js';

const RESUMES_PER_RANKING = 6;

let api: TestApi;
let admin: string;
let ollama: ScriptedLlmServer;
let proxy: GatedProxy;
let serial = 0;

beforeAll(async () => {
  ollama = await startOllamaServer();
  // Ollama needs no key; with no cloud key set the chain for `ollama` is ollama → mock.
  api = await createTestApi({ ANALYSIS_TIMEOUT_MS: '30000' }, { poolSize: 1, startQueue: true });
  admin = (await api.signIn('admin')).token;
});
afterAll(async () => {
  await api.close();
  await ollama.close();
});

// A proxy per test: requests a stopped worker left behind must not be taken for the next test's.
beforeEach(async () => {
  proxy = await startGatedProxy(ollama.url);
  const response = await api.as(admin, { method: 'PUT', url: '/api/v1/settings/analysis', payload: { providers: { ollama: { baseUrl: proxy.url } } } });
  expect(response.statusCode, response.body).toBe(200);
});
afterEach(async () => {
  await proxy.close();
});

/** A job and fresh résumés (fresh, so no earlier analysis answers from the cache). */
async function rankingSubject() {
  const job = await createJob(api, admin, { title: 'Platform engineer', description: 'TypeScript and Kubernetes required, Go a plus.' });
  const resumeIds: string[] = [];
  for (let i = 0; i < RESUMES_PER_RANKING; i++) {
    serial++;
    resumeIds.push((await insertParsedResume(api, `${RESUME_TEXT}\nReference ${serial}.`)).id);
  }
  return { job, resumeIds };
}

async function startRanking(jobId: string, resumeIds: string[]): Promise<string> {
  const response = await api.as(admin, { method: 'POST', url: `/api/v1/jobs/${jobId}/rank`, payload: { resume_ids: resumeIds, provider: 'ollama' } });
  expect(response.statusCode, response.body).toBe(202);
  return response.json<{ task_id: string }>().task_id;
}

async function analysesOf(taskId: string, resumeIds: readonly string[]): Promise<Analysis[]> {
  const docs = await api.db.analyses.findByIds(resumeIds.map((id) => rankAnalysisId(taskId, id))).exec();
  return [...docs.values()].map((doc) => doc.toMutableJSON());
}

/** Lets one held request through and waits for its analysis to complete. */
async function completeOne(): Promise<void> {
  const completed = new Promise<void>((resolve) => {
    const off = api.events.on('analysis.completed', (event) => {
      if (event.status === 'completed') {
        off();
        resolve();
      }
    });
  });
  proxy.release(1);
  await completed;
}

const statusCounts = (analyses: readonly Analysis[]) =>
  analyses.reduce<Record<string, number>>((counts, a) => ({ ...counts, [a.status]: (counts[a.status] ?? 0) + 1 }), {});

// A stopped worker is replaced, which takes seconds on a loaded machine.
describe('stopping a ranking part-way', { timeout: 120_000 }, () => {
  it('cancelled: what it started and did not finish fails with code cancelled, nothing stays queued or running', async () => {
    const { job, resumeIds } = await rankingSubject();
    ollama.script(...resumeIds.map(() => llmStep.ok(makeAnalysis({ jobMatch: makeJobMatch() }))));
    const taskId = await startRanking(job.id, resumeIds);
    // The ranking keeps two analyses started per pool worker (one worker here: one request at a
    // time). One finishes; then one is at the provider and one waits for the worker.
    await proxy.waitForHeld(1);
    await completeOne();
    await proxy.waitForHeld(1);

    const cancel = await api.as(admin, { method: 'POST', url: `/api/v1/tasks/${taskId}/cancel` });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(await waitForTask(api, taskId)).toBe('cancelled');
    // The task is recorded cancelled at once; draining the queue waits for its handler to return.
    await api.queue.stop({ drain: true });

    const analyses = await analysesOf(taskId, resumeIds);
    expect(statusCounts(analyses)).toEqual({ completed: 1, failed: 2 });
    for (const analysis of analyses.filter((a) => a.status === 'failed')) {
      expect(analysis.error).toEqual({ code: 'cancelled', message: 'The ranking was cancelled before this analysis finished.' });
    }
    api.queue.start();
  });

  it('shut down: the analyses stay for the resumed task, which finishes them', async () => {
    const { job, resumeIds } = await rankingSubject();
    ollama.script(...resumeIds.map(() => llmStep.ok(makeAnalysis({ jobMatch: makeJobMatch() }))));
    const taskId = await startRanking(job.id, resumeIds);
    await proxy.waitForHeld(1);
    await completeOne();
    await proxy.waitForHeld(1);

    await api.queue.stop();
    expect((await api.queue.get(taskId)).status).toBe('queued');
    const interrupted = await analysesOf(taskId, resumeIds);
    expect(statusCounts(interrupted)).toEqual({ completed: 1, running: 2 });

    // The resumed ranking asks again for the two it had in flight, then for the three never started.
    proxy.open();
    const requestsBefore = ollama.requests.length;
    api.queue.start();
    expect(await waitForTask(api, taskId, new Set(['succeeded', 'failed', 'dead']))).toBe('succeeded');
    expect(ollama.requests.length - requestsBefore).toBeGreaterThanOrEqual(RESUMES_PER_RANKING - 1);
    const finished = await analysesOf(taskId, resumeIds);
    expect(statusCounts(finished)).toEqual({ completed: RESUMES_PER_RANKING });
  });
});

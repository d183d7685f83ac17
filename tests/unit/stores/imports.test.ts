// The imports and tasks stores while real PDFs are uploaded to the real core and parsed by its
// worker pool: each file's outcome arrives through the event stream, and the background-task
// indicator shows the parse tasks while they run and clears once they end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_TEXT_LAYER_MESSAGE } from '../../../src/main/core/features/resumes/parse-task.js';
import type { Stores } from '../../../src/renderer/src/stores/index.js';
import { makePerson, makeResumeFile } from '../../integration/api/resumes.fixtures.js';
import { makePng, makeScanPdf } from '../../integration/pdf/pdf-factory.js';
import { openStream, signedIn, startCore, until, type Core } from './support.js';

let core: Core;
let stores: Stores;
const stops: (() => void)[] = [];

beforeAll(async () => {
  core = await startCore({ poolSize: 1, startQueue: true });
  stores = await signedIn(core, 'recruiter');
  stops.push(stores.imports.getState().follow(stores.stream), stores.tasks.getState().follow(stores.stream));
  await openStream(stores);
});
afterAll(async () => {
  for (const stop of stops) stop();
  await core?.close();
});

const pdfFile = (name: string, bytes: Uint8Array) => new File([bytes], name, { type: 'application/pdf' });

describe('uploading résumés', () => {
  it('follows one upload through the stream to a parsed résumé with its candidate', async () => {
    const { imports } = stores;
    const upload = imports.getState().uploadFiles([pdfFile('ana.pdf', await makeResumeFile(makePerson({ name: 'Ana Stream' })))]);
    expect(imports.getState()).toMatchObject({ phase: 'uploading', rows: [{ fileName: 'ana.pdf', outcome: 'waiting' }] });
    await upload;

    const done = await until(imports, (s) => s.phase === 'done');
    expect(done.error).toBeNull();
    expect(done.rows).toEqual([expect.objectContaining({ fileName: 'ana.pdf', outcome: 'parsed', resumeId: expect.any(String), candidateId: expect.any(String) })]);
    expect(done.status).toMatchObject({ total: 1, parsed: 1, failed: 0, uploaded: 0, parsing: 0 });
  });

  it('shows each file’s own outcome: parsed, a duplicate, a scan that failed and a file refused, with reasons', async () => {
    const { imports, tasks } = stores;
    const known = await makeResumeFile(makePerson({ name: 'Bea Twice' }));
    await imports.getState().uploadFiles([pdfFile('bea.pdf', known)]);
    await until(imports, (s) => s.phase === 'done');

    // The tasks indicator must show the parse tasks of the next import while they run.
    let sawParseTask = false;
    const offTasks = tasks.subscribe((s) => {
      if ([...s.active.values()].some((t) => t.type === 'resume.parse')) sawParseTask = true;
    });
    await imports.getState().uploadFiles([
      pdfFile('new.pdf', await makeResumeFile(makePerson({ name: 'Caio New' }))),
      pdfFile('bea-again.pdf', known),
      pdfFile('scan.pdf', await makeScanPdf()),
      pdfFile('photo.pdf', makePng(4, 4)),
    ]);
    const done = await until(imports, (s) => s.phase === 'done');
    offTasks();

    const byName = new Map(done.rows.map((row) => [row.fileName, row]));
    expect(byName.get('new.pdf')).toMatchObject({ outcome: 'parsed', candidateId: expect.any(String) });
    expect(byName.get('bea-again.pdf')).toMatchObject({ outcome: 'duplicate', reason: expect.stringMatching(/already/i) });
    expect(byName.get('scan.pdf')).toMatchObject({ outcome: 'failed', reason: NO_TEXT_LAYER_MESSAGE });
    expect(byName.get('photo.pdf')).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/pdf/i) });
    expect(byName.get('photo.pdf')?.resumeId).toBeUndefined();
    expect(done.status).toMatchObject({ parsed: 1, failed: 1, duplicates: 1, rejected: 1 });

    expect(sawParseTask).toBe(true);
    await until(tasks, (s) => ![...s.active.values()].some((t) => t.type === 'resume.parse'));
  });

  it('an upload of nothing but refused files ends in an error with the core’s message', async () => {
    const { imports } = stores;
    await imports.getState().uploadFiles([pdfFile('photo.pdf', makePng(4, 4))]);
    expect(imports.getState().phase).toBe('error');
    expect(imports.getState().error).toEqual(expect.any(String));
    expect(imports.getState().importId).toBeNull();

    imports.getState().reset();
    expect(imports.getState()).toMatchObject({ phase: 'idle', rows: [], error: null });
  });
});

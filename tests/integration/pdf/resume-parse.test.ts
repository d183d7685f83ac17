// Résumé parsing through the real worker pool: the PDF's text and the profile extracted from it,
// in one worker round trip.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../src/main/core/log.js';
import { FakeClock } from '../../../src/main/core/clock.js';
import { createWorkerPool, type WorkerPool } from '../../../src/main/core/pool/worker-pool.js';
import type { ResumeParse, ResumeParsed } from '../../../src/main/core/features/resumes/resume-parse.js';
import { makePng, makeResumePdf, makeScanPdf, RESUME_PAGES } from './pdf-factory.js';

const NOW = Date.UTC(2024, 5, 15);
const clock = new FakeClock(NOW);
let pool: WorkerPool;

beforeAll(() => {
  pool = createWorkerPool({ size: 1, log: silentLog, clock });
});

afterAll(async () => {
  await pool.close();
});

function parsed(result: ResumeParse): ResumeParsed {
  if (!result.ok) throw new Error(`expected a parsed résumé, got ${result.code}: ${result.message}`);
  return result;
}

describe('parsing a résumé in the worker pool', () => {
  it('returns the text of every page and a profile with the name, e-mail, skills and experience', async () => {
    const result = parsed(await pool.parseResume(await makeResumePdf()));
    expect(result.pageCount).toBe(2);
    expect(result.text).toBe(RESUME_PAGES.map((lines) => lines.join('\n')).join('\f'));
    expect(result.metadata.title).toBe('CV — Mariana Costa-Álvarez');
    const profile = result.profile;
    expect(profile?.basics.name).toBe('Mariana Costa-Álvarez');
    expect(profile?.basics.email).toBe('mariana.costa@example.com');
    expect(profile?.skills.map((skill) => skill.name)).toEqual(
      expect.arrayContaining(['TypeScript', 'Go', 'PostgreSQL', 'Kubernetes', 'Docker', 'Redis']),
    );
    expect(profile?.work.map((job) => job.name)).toEqual(['Pagamentos SA', 'Café Systems']);
    // Jan 2015 to the pool's clock (June 2024), the two jobs back to back.
    expect(profile?.yearsOfExperience).toBeCloseTo(9.4, 0);
  });

  it('counts "present" up to the instant the caller gives, not the pool clock', async () => {
    const later = parsed(await pool.parseResume(await makeResumePdf(), { now: Date.UTC(2029, 5, 15) }));
    expect(later.profile?.yearsOfExperience).toBeCloseTo(14.4, 0);
  });

  it('answers a scan with its (empty) text and no profile, since there is nothing to read', async () => {
    const result = parsed(await pool.parseResume(await makeScanPdf()));
    expect(result.hasTextLayer).toBe(false);
    expect(result.text).toBe('');
    expect(result.profile).toBeNull();
  });

  it('answers a bad file with its failure code, then parses the next résumé normally', async () => {
    expect(await pool.parseResume(makePng(4, 4))).toMatchObject({ ok: false, code: 'not_pdf' });
    const truncated = (await makeResumePdf()).slice(0, 300);
    expect(await pool.parseResume(truncated)).toMatchObject({ ok: false, code: 'broken' });
    expect(await pool.parseResume(await makeResumePdf(), { limits: { maxPages: 1 } })).toMatchObject({ ok: false, code: 'too_many_pages' });
    expect(parsed(await pool.parseResume(await makeResumePdf())).profile?.basics.name).toBe('Mariana Costa-Álvarez');
  });
});

describe('the skills taxonomy a pool reads', () => {
  it('comes from the resources folder the pool is given, loaded by its workers', async () => {
    const resourcesDir = mkdtempSync(join(tmpdir(), 'resume-parse-resources-'));
    const taxonomy = { version: 1, skills: [{ name: 'Go', category: 'Languages', synonyms: ['Golang'] }] };
    writeFileSync(join(resourcesDir, 'skills-taxonomy.json'), JSON.stringify(taxonomy));
    const ownPool = createWorkerPool({ size: 1, log: silentLog, clock, resourcesDir });
    try {
      const result = parsed(await ownPool.parseResume(await makeResumePdf()));
      expect(result.profile?.skills.map((skill) => skill.name)).toEqual(['Go']);
    } finally {
      await ownPool.close();
      rmSync(resourcesDir, { recursive: true, force: true });
    }
  });
});

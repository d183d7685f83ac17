// `npx tsx tests/bench/api/candidate-pages.ts [size]`: time per page of the candidate list on the
// SQLite storage when a facet filter or the best-score sort matches (nearly) every candidate — the
// desktop list asks for one page of 100 at a time as the user scrolls.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FakeClock } from '../../../src/main/core/clock.js';
import { createAppDatabase } from '../../../src/main/core/db/database.js';
import { getRxStorageSQLite } from '../../../src/main/core/db/storage-sqlite/index.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import { createCandidateLister } from '../../../src/main/core/features/candidates/candidate-list.js';
import { createCandidateFacets } from '../../../src/main/core/features/candidates/facets.js';
import { silentLog } from '../../../src/main/core/log.js';
import type { CandidateListQuery } from '../../../src/shared/api/candidates.js';
import type { Analysis } from '../../../src/shared/schemas/analysis.js';
import type { Candidate } from '../../../src/shared/schemas/candidate.js';
import type { Resume } from '../../../src/shared/schemas/resume.js';
import { SAMPLE_DOCUMENTS } from '../../integration/db/factories.js';

const size = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'candidate-pages-'));
const clock = new FakeClock(Date.UTC(2026, 0, 1));
const db = await createAppDatabase({ storage: getRxStorageSQLite({ databaseDir: dir }), name: 'pages', deviceId: 'dev-1', devMode: false, log: silentLog, clock });
try {
  const candidates: Candidate[] = [];
  const resumes: Resume[] = [];
  const analyses: Analysis[] = [];
  for (let i = 0; i < size; i++) {
    const candidate = unstamped<Candidate>({ ...SAMPLE_DOCUMENTS.candidates(), id: `c-${String(i).padStart(6, '0')}`, name: `Person ${i}`, createdAt: i });
    const resume = unstamped<Resume>({ ...SAMPLE_DOCUMENTS.resumes(), id: `r-${i}`, candidateId: candidate.id });
    const sample = SAMPLE_DOCUMENTS.analyses();
    const result = sample.result && { ...sample.result, scores: { ...sample.result.scores, overall: (i * 37) % 100 } };
    candidates.push(candidate);
    resumes.push(resume);
    analyses.push(unstamped<Analysis>({ ...sample, id: `a-${i}`, resumeId: resume.id, result }));
  }
  await db.candidates.bulkInsert(candidates);
  await db.resumes.bulkInsert(resumes);
  await db.analyses.bulkInsert(analyses);
  const facets = await createCandidateFacets({ db });
  const list = createCandidateLister({ db, facets });

  const wide: Record<string, CandidateListQuery> = {
    'min_score=0': { min_score: 0 },
    'status=none': { status: 'none' },
    'sort=bestScore': { sort: 'bestScore' },
    'no filter (db query)': {},
  };
  console.log(`size ${size}, loadavg ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  for (const [label, query] of Object.entries(wide)) {
    const times: string[] = [];
    for (const page of [0, 10, 50, 0, 10, 50]) {
      const started = performance.now();
      const answer = await list({ ...query, limit: 100, skip: page * 100 });
      if (answer.total !== size) throw new Error(`${label}: total ${answer.total}, expected ${size}`);
      times.push(`p${page} ${(performance.now() - started).toFixed(1)}ms`);
    }
    console.log(`${label.padEnd(22)} ${times.join('  ')}`);
  }
  // The kept ids follow a write on this storage too: the next page request sees it (100 tops every score above).
  await list({ sort: 'bestScore', limit: 100 });
  const last = candidates.at(-1) as Candidate;
  const sample = SAMPLE_DOCUMENTS.analyses();
  const result = sample.result && { ...sample.result, scores: { ...sample.result.scores, overall: 100 } };
  await db.analyses.insert(unstamped<Analysis>({ ...sample, id: 'a-top', resumeId: `r-${size - 1}`, result }));
  const top = await list({ sort: 'bestScore', limit: 1 });
  if (top.items[0]?.id !== last.id) throw new Error('a completed analysis did not reach the next page request');
  await (await db.candidates.findOne(last.id).exec())?.remove();
  const after = await list({ sort: 'bestScore', limit: 1 });
  if (after.total !== size - 1 || after.items[0]?.id === last.id) throw new Error('a deleted candidate did not leave the next page request');
  console.log('writes between page requests: seen by the next request');
  facets.close();
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}

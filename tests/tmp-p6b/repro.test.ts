import { it } from 'vitest';
import { createWorkerPool } from '../../src/main/core/pool/worker-pool.js';
import { silentLog } from '../../src/main/core/log.js';
import { makeResumeText, loadAnalyser, profileOf } from '../unit/analysis/analysis-fixtures.js';

it('repro', async () => {
  const pool = createWorkerPool({ size: 1, log: silentLog });
  const text = makeResumeText();
  const profile = profileOf(await loadAnalyser(), text);
  for (let i = 0; i < 4; i++) {
    const out = await pool.analyze({ resumeText: text, profile, chain: [{ name: 'mock', timeoutMs: 60000 }], blind: true, now: Date.now() });
    console.log(i, out.ok, out.ok ? '' : out.error.code, pool.threadIds());
  }
  await pool.close();
});

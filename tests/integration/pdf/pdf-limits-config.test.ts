// The PDF limits come from the environment through the one config loader, and the pool applies
// them over its defaults.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/main/core/config.js';
import { silentLog } from '../../../src/main/core/log.js';
import { createWorkerPool } from '../../../src/main/core/pool/worker-pool.js';
import { DEFAULT_PDF_LIMITS } from '../../../src/main/core/features/resumes/pdf/pdf-extraction.js';

// An empty working directory, so no developer's .env leaks into the test.
const cwd = mkdtempSync(join(tmpdir(), 'pdf-limits-config-'));

afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

describe('PDF limits from the environment', () => {
  it('reads PDF_MAX_BYTES, PDF_MAX_PAGES, PDF_TIMEOUT_MS, PDF_MAX_INFLATED_BYTES and WORKER_HEAP_MB', () => {
    const config = loadConfig(
      { PDF_MAX_BYTES: '5000000', PDF_MAX_PAGES: '12', PDF_TIMEOUT_MS: '9000', PDF_MAX_INFLATED_BYTES: '33554432', WORKER_HEAP_MB: '512' },
      cwd,
      'linux',
    );
    expect(config.pdfLimits).toEqual({ maxBytes: 5_000_000, maxPages: 12, timeoutMs: 9000, maxInflatedBytes: 33_554_432 });
    expect(config.workerHeapMb).toBe(512);
  });

  it('leaves the limits that are not set to the pool, which fills in its defaults', async () => {
    const config = loadConfig({ PDF_MAX_PAGES: '12' }, cwd, 'linux');
    expect(config.pdfLimits).toEqual({ maxPages: 12 });
    expect(config.workerHeapMb).toBeUndefined();
    const pool = createWorkerPool({ size: 1, log: silentLog, limits: config.pdfLimits });
    try {
      expect(pool.limits).toEqual({ ...DEFAULT_PDF_LIMITS, maxPages: 12 });
    } finally {
      await pool.close();
    }
  });

  it('refuses a limit that is not a positive whole number, naming the variable', () => {
    expect(() => loadConfig({ PDF_MAX_PAGES: 'many' }, cwd, 'linux')).toThrow(ConfigError);
    expect(() => loadConfig({ PDF_TIMEOUT_MS: '10' }, cwd, 'linux')).toThrow(/PDF_TIMEOUT_MS/);
    expect(() => loadConfig({ WORKER_HEAP_MB: '16' }, cwd, 'linux')).toThrow(/WORKER_HEAP_MB/);
  });
});

// Small fixtures shared by the credential tests: a log whose output can be read back, and a fresh
// app data folder per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLog, type Log } from '../../../src/main/core/log.js';

export interface CapturedLog {
  log: Log;
  /** Everything logged so far, as written. */
  text(): string;
  /** Everything logged so far, one parsed pino record per line. */
  lines(): Record<string, unknown>[];
}

export function capturedLog(): CapturedLog {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log: createLog('debug', stream), text, lines };
}

/** Fresh app data folders for one test file, all removed by `removeAll` (call it in afterAll). */
export function tempFolders() {
  const roots: string[] = [];
  return {
    /** A folder that does not exist yet (its parent does, and is empty), so the store must create it. */
    appDataDir(): string {
      const root = mkdtempSync(join(tmpdir(), 'credentials-'));
      roots.push(root);
      return join(root, 'app-data');
    },
    removeAll(): void {
      for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
    },
  };
}

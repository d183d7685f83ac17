// Starts the built headless app (out/main/headless.js) as a child process on a fresh data folder
// and resolves with the URL it prints, so tests exercise exactly what `npm run headless` runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const HEADLESS_ENTRY = resolve('out/main/headless.js');

export interface HeadlessApp {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function headlessBuilt(): boolean {
  return existsSync(HEADLESS_ENTRY);
}

export async function startHeadless(env: Record<string, string> = {}): Promise<HeadlessApp> {
  const dataDir = env.APP_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'headless-'));
  const child = spawn(process.execPath, [HEADLESS_ENTRY], {
    cwd: dataDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dataDir, PORT: '0', LOG_LEVEL: 'warn', APP_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const url = await new Promise<string>((res, rej) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/[^\s]+:\d+/.exec(output);
      if (match) res(match[0]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => rej(new Error(`headless app exited with ${code} before printing its URL:\n${output}`)));
  });
  return {
    url,
    dataDir,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

// HTTP load with autocannon, run in a child process so the load generator does not share the
// server's event loop (on a 2-core machine it would otherwise halve what it measures).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requestsPerSec: number;
  latencyMs: { p50: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** What autocannon's --json output holds that we read. */
interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const autocannonCli = join(dirname(createRequire(import.meta.url).resolve('autocannon/package.json')), 'autocannon.js');

export function runLoad(url: string, { connections, durationSeconds, headers = {} }: LoadOptions): Promise<LoadResult> {
  const args = [autocannonCli, '--json', '--no-progress', '-c', String(connections), '-d', String(durationSeconds)];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`autocannon exited with ${code}: ${stderr.trim() || stdout.trim()}`));
        return;
      }
      const json = JSON.parse(line) as AutocannonJson;
      resolve({
        requestsPerSec: Math.round(json.requests.average),
        latencyMs: { p50: json.latency.p50, p99: json.latency.p99, max: json.latency.max },
        requests: json.requests.total,
        non2xx: json.non2xx,
        errors: json.errors,
        timeouts: json.timeouts,
      });
    });
  });
}

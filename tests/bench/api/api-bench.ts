// API benchmark (issue 3): the real API on SQLite with 10k jobs, 10k candidates and 50k
// applications, loaded over HTTP by autocannon (10 connections, 5 s per endpoint) — a bare route
// returning a constant (the ceiling on this machine), job search and lookup, and every dashboard
// statistic — with the targets evaluated on the results.
import type { FastifyInstance } from 'fastify';
import { ALL_ROLES } from '../../../src/main/core/api/access.js';
import { API_PREFIX } from '../../../src/main/core/api/server.js';
import { systemClock } from '../../../src/main/core/clock.js';
import { createDashboardService } from '../../../src/main/core/features/dashboard/service.js';
import { round, timeOnce } from '../stats.js';
import { BENCH_ADMIN_ID, createBenchApi, type BenchApi } from './bench-api.js';
import { BENCH_KEYWORD, jobId, makeBenchData } from './bench-data.js';
import { runLoad, type LoadResult } from './load.js';

const SIZES = { jobs: 10_000, candidates: 10_000, applications: 50_000 };
const CONNECTIONS = 10;
const DURATION_SECONDS = 5;
const WARMUP_SECONDS = 1;
const BARE = `${API_PREFIX}/bench/bare`;
const STATS = `${API_PREFIX}/dashboard/stats`;

type Kind = 'baseline' | 'jobs' | 'statistic';

interface Endpoint {
  name: string;
  path: string;
  kind: Kind;
  signedIn: boolean;
}

type Row = Endpoint & ({ skipped: string } | (LoadResult & { skipped?: undefined }));

function endpoints(today: string, yearAgo: string): Endpoint[] {
  const statistic = (name: string, path: string): Endpoint => ({ name, path: `${STATS}/${path}`, kind: 'statistic', signedIn: true });
  return [
    { name: 'bare route (constant, public)', path: BARE, kind: 'baseline', signedIn: false },
    { name: 'bare route (signed in)', path: `${BARE}-signed-in`, kind: 'baseline', signedIn: true },
    { name: 'job search', path: `${API_PREFIX}/jobs?keyword=${BENCH_KEYWORD}`, kind: 'jobs', signedIn: true },
    { name: 'job by id', path: `${API_PREFIX}/jobs/${jobId(4242)}`, kind: 'jobs', signedIn: true },
    statistic('overview', 'overview'),
    statistic('jobs-per-location', 'jobs-per-location'),
    statistic('applications-per-job (first page)', 'applications-per-job'),
    statistic('applications-per-job (last page)', `applications-per-job?limit=20&skip=${SIZES.jobs - 20}`),
    statistic('daily-applications (30 days)', 'daily-applications?tz=Europe/Lisbon'),
    statistic('daily-applications (366 days)', `daily-applications?from=${yearAgo}&to=${today}&tz=Europe/Lisbon`),
    statistic('most-applied-jobs', 'most-applied-jobs?limit=10'),
    statistic('most-active-candidates', 'most-active-candidates?limit=10'),
    statistic('application-status-breakdown', 'application-status-breakdown'),
    statistic('recent-activity', 'recent-activity?limit=20'),
  ];
}

function registerBaselineRoutes(app: FastifyInstance): void {
  const body = { ok: true };
  app.get(BARE, { config: { access: 'public' }, schema: { hide: true } }, async () => body);
  app.get(`${BARE}-signed-in`, { config: { access: ALL_ROLES }, schema: { hide: true } }, async () => body);
}

async function measureEndpoint(bench: BenchApi, origin: string, endpoint: Endpoint): Promise<Row> {
  const headers: Record<string, string> = endpoint.signedIn ? { authorization: `Bearer ${bench.token}` } : {};
  const probe = await fetch(`${origin}${endpoint.path}`, { headers });
  if (probe.status === 404 && endpoint.kind === 'jobs' && (await probe.text()).includes('No route')) {
    const skipped = 'the jobs routes are not registered in this build';
    console.log(`  ${endpoint.name}: skipped (${skipped})`);
    return { ...endpoint, skipped };
  }
  if (!probe.ok) throw new Error(`${endpoint.name}: ${endpoint.path} answered ${probe.status}: ${await probe.text()}`);
  const url = `${origin}${endpoint.path}`;
  await runLoad(url, { connections: CONNECTIONS, durationSeconds: WARMUP_SECONDS, headers });
  const result = await runLoad(url, { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, headers });
  console.log(
    `  ${endpoint.name.padEnd(38)} ${String(result.requestsPerSec).padStart(7)} req/s  p50 ${String(result.latencyMs.p50).padStart(4)} ms  p99 ${String(result.latencyMs.p99).padStart(4)} ms  non-2xx ${result.non2xx}`,
  );
  return { ...endpoint, ...result };
}

export async function runApiBench(_sizes: readonly number[]) {
  const now = Date.now();
  const data = makeBenchData({ ...SIZES, now, actorId: BENCH_ADMIN_ID });
  console.log(`  seeding ${SIZES.jobs} jobs, ${SIZES.candidates} candidates, ${SIZES.applications} applications, ${data.activities.length} activities on SQLite`);
  const bench = await createBenchApi(data, registerBaselineRoutes);
  try {
    // One more dashboard over the same data: what its initial load costs at this size.
    const dashboardStartMs = await timeOnce(async () => {
      const { db, features } = bench;
      (await createDashboardService({ db, clock: systemClock, activities: features.services.activities })).close();
    });
    const setup = { ...SIZES, activities: data.activities.length, ...bench.timings, dashboardStartMs, heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) };
    console.log(`  seeded in ${setup.seedMs} ms; features started in ${setup.featuresStartMs} ms (dashboard alone ${dashboardStartMs} ms); heap ${setup.heapUsedMiB} MiB`);

    const origin = await bench.app.listen({ host: '127.0.0.1', port: 0 });
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const rows: Row[] = [];
    for (const endpoint of endpoints(day(now), day(now - 365 * 86_400_000))) rows.push(await measureEndpoint(bench, origin, endpoint));
    return { setup, load: { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, warmupSeconds: WARMUP_SECONDS }, results: rows, targets: evaluateTargets(rows) };
  } finally {
    await bench.close();
  }
}

function evaluateTargets(rows: readonly Row[]) {
  const measured = (row: Row | undefined) => (row && row.skipped === undefined ? row : undefined);
  const bare = measured(rows.find((r) => r.path === BARE));
  const search = measured(rows.find((r) => r.name === 'job search'));
  const statistics = rows.flatMap((r) => (r.kind === 'statistic' && r.skipped === undefined ? [r] : []));
  const worst = statistics.reduce<(typeof statistics)[number] | undefined>((w, r) => (!w || r.latencyMs.p99 > w.latencyMs.p99 ? r : w), undefined);
  const ratio = bare && search ? search.requestsPerSec / bare.requestsPerSec : undefined;
  return {
    jobSearchAtLeast40PercentOfBareWithP99Under50ms:
      bare && search && ratio !== undefined
        ? { bareRequestsPerSec: bare.requestsPerSec, searchRequestsPerSec: search.requestsPerSec, ratio: round(ratio, 2), p99Ms: search.latencyMs.p99, non2xx: search.non2xx, met: ratio >= 0.4 && search.latencyMs.p99 < 50 && search.non2xx === 0 }
        : { evaluated: false, reason: 'job search was not measured (see results)' },
    everyStatisticP99Under100ms: {
      worst: worst ? { name: worst.name, p99Ms: worst.latencyMs.p99 } : null,
      p99Ms: Object.fromEntries(statistics.map((r) => [r.name, r.latencyMs.p99])),
      non2xx: statistics.reduce((sum, r) => sum + r.non2xx, 0),
      met: statistics.length > 0 && statistics.every((r) => r.latencyMs.p99 < 100 && r.non2xx === 0),
    },
  };
}

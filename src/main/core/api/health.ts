// GET /health: 200 with every service "ok", or 503 naming the services that are down.
import type { FastifyInstance } from 'fastify';

/** Resolves when the service is usable; rejects (with a message safe to show) when it is not. */
export type HealthCheck = () => Promise<void>;

export interface HealthOptions {
  version: string;
  checks: Readonly<Record<string, HealthCheck>>;
  /** A single check taking longer than this counts as down. */
  timeoutMs?: number;
}

async function runCheck(check: HealthCheck, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } catch (error) {
    return `down: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoute(app: FastifyInstance, options: HealthOptions): void {
  app.get('/health', async (_request, reply) => {
    const names = Object.keys(options.checks);
    const results = await Promise.all(
      names.map((name) => runCheck(options.checks[name] as HealthCheck, options.timeoutMs ?? 2000)),
    );
    const services = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    const failing = names.filter((_, i) => results[i] !== 'ok');
    if (failing.length === 0) return { status: 'ok', version: options.version, services };
    return reply.code(503).send({ status: 'unavailable', version: options.version, services, failing });
  });
}

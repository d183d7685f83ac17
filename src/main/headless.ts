// The core without Electron: REST API + the built renderer on http://HOST:PORT.
// `npm run headless` runs this; SIGINT/SIGTERM shut down gracefully with exit code 0.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from './core/app.js';
import { ConfigError, loadConfig } from './core/config.js';
import { createLog } from './core/log.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLog(config.logLevel);
  const here = dirname(fileURLToPath(import.meta.url));
  const core = await startCore({ config, log, rendererDir: join(here, '..', 'renderer') });
  let url: string;
  try {
    url = await core.listen();
  } catch (error) {
    await core.stop();
    throw error;
  }
  console.log(`Recruiting Desk (headless) is running at ${url}  (data: ${config.appDataDir})`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    core
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error('Recruiting Desk failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

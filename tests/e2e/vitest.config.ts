// The end-to-end suite: real Chromium (Debian's, driven by playwright-core) against the built
// headless app. Separate from the unit/integration config because it needs `npm run build` first
// and runs one spec file at a time (each starts an app and a browser). Run:
//   npx vitest run --config tests/e2e/vitest.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});

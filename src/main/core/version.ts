// The app version, baked in at build time from package.json (see electron.vite.config.ts);
// falls back to reading package.json when running from source (tests, tsx).
import { readFileSync } from 'node:fs';

declare const __APP_VERSION__: string | undefined;

export function appVersion(): string {
  if (typeof __APP_VERSION__ === 'string') return __APP_VERSION__;
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

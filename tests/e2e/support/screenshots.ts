// A screenshot of every screen a spec visits: test-artifacts/e2e/<spec>/<step>.png, kept by CI.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const ARTIFACTS_DIR = resolve('test-artifacts', 'e2e');

export interface Screenshots {
  readonly dir: string;
  /** Saves `<step>.png`; a step name used twice in one spec is an error (it would overwrite). */
  take(page: Page, step: string): Promise<string>;
}

export function screenshotsFor(spec: string): Screenshots {
  const dir = join(ARTIFACTS_DIR, spec);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const taken = new Set<string>();
  return {
    dir,
    async take(page, step) {
      if (!/^[a-z0-9-]+$/.test(step)) throw new Error(`screenshot step names are kebab-case, got "${step}"`);
      if (taken.has(step)) throw new Error(`screenshot step "${step}" was already taken in ${spec}`);
      taken.add(step);
      const file = join(dir, `${step}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
  };
}

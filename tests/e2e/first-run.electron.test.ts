// The same first-run specs against the Electron app through Playwright's Electron support; skipped
// with the reason printed where there is no Electron binary (CI installs with
// ELECTRON_SKIP_BINARY_DOWNLOAD).
import { describe } from 'vitest';
import { announceSkip } from './support/browser.js';
import { electronSkipReason, openElectronSurface } from './support/surface.js';
import { defineFirstRunSpecs } from './specs/first-run.js';

const skip = announceSkip('e2e first-run (Electron)', electronSkipReason());

describe.skipIf(skip !== undefined)('in the Electron app', () => {
  defineFirstRunSpecs('first-run-electron', openElectronSurface);
});

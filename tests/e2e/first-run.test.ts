// The first-run specs against the built headless app in Debian's Chromium.
import { describe } from 'vitest';
import { announceSkip, browserSkipReason } from './support/browser.js';
import { openBrowserSurface } from './support/surface.js';
import { defineFirstRunSpecs } from './specs/first-run.js';

const skip = announceSkip('e2e first-run (Chromium)', browserSkipReason());

describe.skipIf(skip !== undefined)('in Chromium against the headless app', () => {
  defineFirstRunSpecs('first-run', openBrowserSurface);
});

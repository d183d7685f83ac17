// The full journey against the built headless app in Debian's Chromium.
import { describe } from 'vitest';
import { announceSkip, browserSkipReason } from './support/browser.js';
import { openBrowserSurface } from './support/surface.js';
import { defineJourneySpecs } from './specs/journey.js';

const skip = announceSkip('e2e journey (Chromium)', browserSkipReason());

describe.skipIf(skip !== undefined)('in Chromium against the headless app', () => {
  defineJourneySpecs('journey', openBrowserSurface);
});

// The same journey against the Electron app; skipped with the reason printed where there is no
// Electron binary.
import { describe } from 'vitest';
import { announceSkip } from './support/browser.js';
import { electronSkipReason, openElectronSurface } from './support/surface.js';
import { defineJourneySpecs } from './specs/journey.js';

const skip = announceSkip('e2e journey (Electron)', electronSkipReason());

describe.skipIf(skip !== undefined)('in the Electron app', () => {
  defineJourneySpecs('journey-electron', openElectronSurface);
});

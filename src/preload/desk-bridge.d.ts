// For the renderer (included by tsconfig.web.json): `window.desk` exists only inside the Electron
// app; in a plain browser (headless mode) it is undefined and the renderer uses same-origin fetches.
import type { DeskBridge } from './bridge.js';

declare global {
  interface Window {
    readonly desk?: DeskBridge;
  }
}

export type { DeskBridge, DeskConnection, PickedFile, PickedFileError, PickedFiles } from './bridge.js';

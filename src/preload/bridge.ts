// The contract between the preload and the main process: the IPC channel names and the exact surface
// the renderer gets as `window.desk`. Pure types and constants, shared by the shell (which implements
// each channel) and the preload (which forwards to it); nothing here touches Electron or Node.

/** How the renderer reaches the embedded API. */
export interface DeskConnection {
  /** The core's origin, e.g. `http://127.0.0.1:49152` (the page's own origin in the app window). */
  apiBaseUrl: string;
  /**
   * Minted per launch. The shell's session already adds it to every request of the window to the
   * core (header `x-desk-launch-token`), which the core requires when the shell started it; it is
   * exposed so a client that builds its own requests can send it too. It proves "this app's window",
   * never "this user": the JWT from sign-in is still needed for every API route.
   */
  launchToken: string;
}

/** A PDF the user picked in the native file dialog, read by the main process. */
export interface PickedFile {
  name: string;
  /** The file's bytes, ready for the multipart upload (`POST /api/v1/resumes/upload`). */
  bytes: Uint8Array;
}

/** A picked file that could not be read (too large, unreadable); the others still arrive. */
export interface PickedFileError {
  name: string;
  reason: string;
}

export interface PickedFiles {
  files: PickedFile[];
  errors: PickedFileError[];
}

export interface DeskBridge {
  connection(): Promise<DeskConnection>;
  /** Opens the native dialog for résumé PDFs; an empty result when the user cancels. */
  pickResumeFiles(): Promise<PickedFiles>;
  /**
   * Opens the native folder dialog; resolves with the absolute path to send to
   * `POST /api/v1/resumes/import-folder { path }`, or null when the user cancels.
   */
  pickImportFolder(): Promise<string | null>;
  /** Opens an allow-listed https link in the OS browser; resolves false when the link is refused. */
  openExternal(url: string): Promise<boolean>;
  appVersion(): Promise<string>;
}

/** One channel per bridge method, so each handler is validated on its own. */
export const BRIDGE_CHANNELS = {
  connection: 'desk:connection',
  pickResumeFiles: 'desk:pick-resume-files',
  pickImportFolder: 'desk:pick-import-folder',
  openExternal: 'desk:open-external',
  appVersion: 'desk:app-version',
} as const satisfies Record<keyof DeskBridge, string>;

/** The global name the preload exposes the bridge under. */
export const BRIDGE_GLOBAL = 'desk';

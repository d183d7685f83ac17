// The parts of Electron's API the shell uses, as small interfaces. The shell's logic takes these as
// arguments, so it is unit-tested with plain fakes; only index.ts hands in the real Electron objects
// (tsc checks there that they fit). Method syntax on purpose: parameters compare bivariantly, so
// Electron's narrower string unions (permission names, resource types) still satisfy them.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A frame as seen by an IPC event or a web request. */
export interface FramePort {
  readonly url: string;
  /** null for the top-level frame. */
  readonly parent: FramePort | null;
}

export interface IpcEventPort {
  readonly senderFrame: FramePort | null;
  readonly sender: { readonly id: number };
}

export interface IpcMainPort {
  handle(channel: string, listener: (event: IpcEventPort, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface NavigationEventPort {
  preventDefault(): void;
}

export interface WindowOpenDetails {
  url: string;
}

export interface WebContentsPort {
  readonly id: number;
  // One overload per event: Electron declares them one by one, and a union would match none of them.
  on(event: 'will-navigate', listener: (event: NavigationEventPort, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEventPort, url: string) => void): unknown;
  on(
    event: 'will-attach-webview',
    listener: (event: NavigationEventPort, webPreferences: object, params: Record<string, string>) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' } | { action: 'allow' }): void;
}

export interface BrowserWindowPort {
  readonly webContents: WebContentsPort;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  isMinimized(): boolean;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  getNormalBounds(): Rect;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'resize', listener: () => void): unknown;
  on(event: 'move', listener: () => void): unknown;
  on(event: 'maximize', listener: () => void): unknown;
  on(event: 'unmaximize', listener: () => void): unknown;
}

export interface WebPreferencesOptions {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  navigateOnDragDrop: boolean;
  spellcheck: boolean;
}

export interface BrowserWindowOptions {
  width: number;
  height: number;
  x?: number;
  y?: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: WebPreferencesOptions;
}

export type CreateBrowserWindow = (options: BrowserWindowOptions) => BrowserWindowPort;

export interface HeadersReceivedDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}

export interface BeforeSendHeadersDetails {
  url: string;
  requestHeaders: Record<string, string>;
}

export interface WebRequestFilter {
  urls: string[];
}

export interface SessionPort {
  webRequest: {
    onHeadersReceived(
      filter: WebRequestFilter,
      listener: (details: HeadersReceivedDetails, callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void) => void,
    ): void;
    onBeforeSendHeaders(
      filter: WebRequestFilter,
      listener: (details: BeforeSendHeadersDetails, callback: (response: { requestHeaders?: Record<string, string | string[]> }) => void) => void,
    ): void;
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

export interface OpenDialogOptions {
  title: string;
  properties: Array<'openFile' | 'openDirectory' | 'multiSelections'>;
  filters?: Array<{ name: string; extensions: string[] }>;
}

/** Shows a native open dialog attached to the app window (index.ts binds it to the real window). */
export type ShowOpenDialog = (options: OpenDialogOptions) => Promise<{ canceled: boolean; filePaths: string[] }>;

export interface ExternalOpenerPort {
  openExternal(url: string): Promise<void>;
}

export interface NotificationPort {
  show(): void;
}

export type CreateNotification = (options: { title: string; body: string }) => NotificationPort;

export interface DisplayPort {
  workArea: Rect;
}

export interface ScreenPort {
  getAllDisplays(): DisplayPort[];
  getPrimaryDisplay(): DisplayPort;
}

export interface AppPort {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  exit(code?: number): void;
  getVersion(): string;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: NavigationEventPort) => void): unknown;
}

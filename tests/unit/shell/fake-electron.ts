// Small stand-ins for the Electron objects the shell is given (src/main/shell/electron-ports.ts).
// They record what the shell registered and let a test fire the events Electron would fire.
import type {
  AppPort,
  BeforeSendHeadersDetails,
  BrowserWindowOptions,
  BrowserWindowPort,
  FramePort,
  HeadersReceivedDetails,
  IpcEventPort,
  IpcMainPort,
  NavigationEventPort,
  Rect,
  SessionPort,
  WebContentsPort,
  WindowOpenDetails,
} from '../../../src/main/shell/electron-ports.js';

type Listener = (...args: never[]) => unknown;

class Emitter {
  protected listeners = new Map<string, Listener[]>();
  protected add(event: string, listener: Listener, once = false): void {
    const wrapped: Listener = once
      ? (...args) => {
          this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
          return listener(...args);
        }
      : listener;
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), wrapped]);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export class FakeNavigationEvent implements NavigationEventPort {
  prevented = false;
  preventDefault(): void {
    this.prevented = true;
  }
}

export class FakeWebContents extends Emitter implements WebContentsPort {
  windowOpenHandler: ((details: WindowOpenDetails) => { action: 'deny' } | { action: 'allow' }) | undefined;
  constructor(readonly id = 1) {
    super();
  }
  on(event: string, listener: Listener): this {
    this.add(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' } | { action: 'allow' }): void {
    this.windowOpenHandler = handler;
  }
  /** Fires a navigation event and says whether the shell prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    const e = new FakeNavigationEvent();
    this.emit(event, e, url);
    return e.prevented;
  }
}

export class FakeWindow extends Emitter implements BrowserWindowPort {
  readonly webContents: FakeWebContents;
  loaded: string[] = [];
  shown = false;
  focused = false;
  maximized = false;
  minimized = false;
  destroyed = false;
  bounds: Rect;
  constructor(readonly options: BrowserWindowOptions) {
    super();
    this.webContents = new FakeWebContents(7);
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width, height: options.height };
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): Rect {
    return { ...this.bounds };
  }
  once(event: string, listener: Listener): this {
    this.add(event, listener, true);
    return this;
  }
  on(event: string, listener: Listener): this {
    this.add(event, listener);
    return this;
  }
}

type HeadersListener = Parameters<SessionPort['webRequest']['onHeadersReceived']>[1];
type SendListener = Parameters<SessionPort['webRequest']['onBeforeSendHeaders']>[1];

export class FakeSession implements SessionPort {
  headersFilter: { urls: string[] } | undefined;
  sendFilter: { urls: string[] } | undefined;
  private headersListener: HeadersListener | undefined;
  private sendListener: SendListener | undefined;
  permissionRequest: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  permissionCheck: ((webContents: unknown, permission: string) => boolean) | undefined;
  readonly webRequest = {
    onHeadersReceived: (filter: { urls: string[] }, listener: HeadersListener) => {
      this.headersFilter = filter;
      this.headersListener = listener;
    },
    onBeforeSendHeaders: (filter: { urls: string[] }, listener: SendListener) => {
      this.sendFilter = filter;
      this.sendListener = listener;
    },
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void {
    this.permissionCheck = handler;
  }
  /** Runs a response through the registered header listener and returns the headers it answers. */
  respond(details: HeadersReceivedDetails): Record<string, string | string[]> | undefined {
    let answer: Record<string, string | string[]> | undefined;
    this.headersListener?.(details, (response) => (answer = response.responseHeaders));
    return answer;
  }
  send(details: BeforeSendHeadersDetails): Record<string, string | string[]> | undefined {
    let answer: Record<string, string | string[]> | undefined;
    this.sendListener?.(details, (response) => (answer = response.requestHeaders));
    return answer;
  }
}

type IpcListener = (event: IpcEventPort, ...args: unknown[]) => unknown;

export class FakeIpcMain implements IpcMainPort {
  readonly handlers = new Map<string, IpcListener>();
  handle(channel: string, listener: IpcListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls a handler the way ipcRenderer.invoke would, from the given frame. */
  async invoke(channel: string, from: { frame: FramePort | null; webContentsId?: number }, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: from.frame, sender: { id: from.webContentsId ?? 7 } }, ...args);
  }
}

export function topFrame(url: string): FramePort {
  return { url, parent: null };
}

export function subFrame(url: string, parentUrl: string): FramePort {
  return { url, parent: topFrame(parentUrl) };
}

export class FakeApp extends Emitter implements AppPort {
  lockAvailable = true;
  quits = 0;
  exitCode: number | undefined;
  private resolveEnded = () => {};
  /** Resolves when the app really ends (a quit not prevented, or exit). */
  readonly whenEnded = new Promise<void>((resolve) => (this.resolveEnded = resolve));
  on(event: string, listener: Listener): this {
    this.add(event, listener);
    return this;
  }
  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }
  quit(): void {
    this.quits += 1;
    // Electron emits before-quit on every quit(); a prevented one does not quit.
    const event = new FakeNavigationEvent();
    this.emit('before-quit', event);
    if (!event.prevented) this.exit(0);
  }
  exit(code = 0): void {
    this.exitCode ??= code;
    this.resolveEnded();
  }
  getVersion(): string {
    return '0.1.0';
  }
  /** True once the app has really ended (a quit not prevented, or exit). */
  get ended(): boolean {
    return this.exitCode !== undefined;
  }
}

// The main window with Electron's security settings spelled out (isolated, sandboxed, no Node, no
// webviews), its navigation guarded, its size and position restored from and saved to the window
// state file. The BrowserWindow constructor is passed in, so the options are tested without Electron.
import type { BrowserWindowOptions, BrowserWindowPort, CreateBrowserWindow, WebPreferencesOptions } from './electron-ports.js';
import { installNavigationGuard } from './navigation-guard.js';
import { MIN_WINDOW_SIZE, stateOfWindow, type WindowState } from './window-state.js';

export function secureWebPreferences(preload: string): WebPreferencesOptions {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // A file dropped outside the import area must not navigate the window to file://.
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

export function mainWindowOptions(preload: string, state: WindowState): BrowserWindowOptions {
  return {
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    title: 'Recruiting Desk',
    backgroundColor: '#1f2430',
    webPreferences: secureWebPreferences(preload),
  };
}

export interface MainWindowOptions {
  createWindow: CreateBrowserWindow;
  origin: string;
  preload: string;
  state: WindowState;
  openExternal: (url: string) => Promise<void>;
  /** Called with the window's state whenever it should be saved (debounced by the caller). */
  onStateChange: (state: WindowState) => void;
  onNavigationRefused?: (url: string, reason: string) => void;
  onLoadFailed: (error: unknown) => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindowPort {
  const { createWindow, origin, preload, state, openExternal, onStateChange } = options;
  const win = createWindow(mainWindowOptions(preload, state));
  installNavigationGuard(win.webContents, {
    origin,
    openExternal,
    ...(options.onNavigationRefused ? { onRefused: options.onNavigationRefused } : {}),
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  const report = () => {
    if (!win.isDestroyed()) onStateChange(stateOfWindow(win.getNormalBounds(), win.isMaximized()));
  };
  win.on('resize', report);
  win.on('move', report);
  win.on('maximize', report);
  win.on('unmaximize', report);
  win.on('close', report);
  win.loadURL(origin).catch(options.onLoadFailed);
  return win;
}

// The main window with Electron's security defaults made explicit: isolated, sandboxed, no Node,
// navigation pinned to the core's origin, new windows refused (allow-listed links open in the OS browser).
import { BrowserWindow } from 'electron';

const EXTERNAL_ALLOW_LIST = [/^https:\/\/([a-z0-9-]+\.)*zoom\.us\//, /^https:\/\/calendar\.google\.com\//, /^https:\/\/github\.com\//];

export interface MainWindowOptions {
  origin: string;
  preload: string;
  openExternal: (url: string) => Promise<void>;
}

export function createMainWindow({ origin, preload, openExternal }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_ALLOW_LIST.some((re) => re.test(url))) void openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== new URL(origin).origin) event.preventDefault();
  });
  void win.loadURL(origin);
  return win;
}

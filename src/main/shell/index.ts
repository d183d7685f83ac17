// Electron entry: a thin shell around the core. It starts the core (REST API on loopback),
// then opens one hardened window on the core's origin. No business logic lives here.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { startCore, type Core } from '../core/app.js';
import { loadConfig } from '../core/config.js';
import { createLog } from '../core/log.js';
import { createMainWindow } from './window.js';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | undefined;
  let quitting = false;

  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.whenReady().then(async () => {
    const config = loadConfig({ APP_DATA_DIR: app.getPath('userData'), ...process.env });
    const log = createLog(config.logLevel);
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    core = await startCore({ config, log, rendererDir: join(import.meta.dirname, '..', 'renderer') });
    const origin = await core.listen();
    ipcMain.handle('app:version', (event) => {
      if (new URL(event.senderFrame?.url ?? 'about:blank').origin !== new URL(origin).origin) {
        throw new Error('IPC from an unexpected frame');
      }
      return app.getVersion();
    });
    createMainWindow({ origin, preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'), openExternal: (url) => shell.openExternal(url) });
  }).catch((error: unknown) => {
    console.error('Recruiting Desk failed to start:', error);
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    event.preventDefault();
    quitting = true;
    core.stop().finally(() => app.quit());
  });
}

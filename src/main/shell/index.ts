// Electron entry: the only module that touches the real Electron API. It wires Electron's objects
// into the shell's tested pieces: single instance, the core started on 127.0.0.1:<free port> before
// the window opens, the session policy, the guarded bridge, the menu, notifications, window state
// and the graceful quit. No business logic lives here.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, screen, session, shell } from 'electron';
import { startCore } from '../core/app.js';
import { systemClock } from '../core/clock.js';
import { ConfigError, loadConfig } from '../core/config.js';
import { createLog } from '../core/log.js';
import { appMenuTemplate } from './app-menu.js';
import { PICK_LIMITS, registerBridgeHandlers } from './bridge-handlers.js';
import { createGuardedIpc } from './ipc-guard.js';
import { claimSingleInstance, installGracefulQuit } from './lifecycle.js';
import { applySessionPolicy } from './session-policy.js';
import { notifyFinishedTasks } from './task-notifications.js';
import { createMainWindow } from './window.js';
import { createWindowStateSaver, fitToDisplays, readWindowState } from './window-state.js';

/** Beyond the task queue's own 30 s drain grace: only a hung shutdown reaches this. */
const QUIT_BACKSTOP_MS = 45_000;

/** The app's one window, shared by the second-instance handler and the bridge. */
interface WindowSlot {
  current: BrowserWindow | undefined;
}

async function openApp(slot: WindowSlot): Promise<void> {
  // The desktop app always binds loopback on a free port: a headless instance may hold the default one.
  const config = { ...loadConfig(), host: '127.0.0.1', port: 0 };
  const log = createLog(config.logLevel);
  const launchToken = randomBytes(32).toString('base64url');
  const stateSaver = createWindowStateSaver({
    dir: config.appDataDir,
    clock: systemClock,
    delayMs: 500,
    onError: (error) => log.warn({ err: error }, 'could not save the window state'),
  });
  const core = await startCore({ config, log, rendererDir: join(import.meta.dirname, '..', 'renderer'), launchToken });
  installGracefulQuit({
    app,
    clock: systemClock,
    backstopMs: QUIT_BACKSTOP_MS,
    stopCore: async () => {
      await stateSaver.flush();
      await core.stop({ drain: true });
    },
    onError: (error) => log.error({ err: error }, 'shutdown problem'),
  });
  const origin = await core.listen();

  applySessionPolicy(session.defaultSession, {
    origin,
    launchToken,
    onPermissionRefused: (permission) => log.warn({ permission }, 'permission request refused'),
  });
  const ipc = createGuardedIpc(ipcMain, { origin, webContentsId: () => slot.current?.webContents.id }, (error) =>
    log.warn({ channel: error.channel, reason: error.message }, 'IPC call rejected'),
  );
  registerBridgeHandlers(ipc, {
    connection: { apiBaseUrl: origin, launchToken },
    version: app.getVersion(),
    showOpenDialog: () => {
      const current = slot.current;
      return current && !current.isDestroyed() ? (options) => dialog.showOpenDialog(current, options) : undefined;
    },
    openExternal: (url) => shell.openExternal(url),
    // The same per-file limit the core applies (PDF_MAX_BYTES), so nothing is sent only to be refused.
    limits: { ...PICK_LIMITS, maxFileBytes: config.pdfLimits.maxBytes ?? PICK_LIMITS.maxFileBytes },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, appName: app.name, devTools: !app.isPackaged })));
  notifyFinishedTasks({
    events: core.queue.events,
    supported: Notification.isSupported(),
    createNotification: (options) => new Notification(options),
  });

  const saved = await readWindowState(config.appDataDir);
  const state = fitToDisplays(saved, screen.getAllDisplays().map((display) => display.workArea));
  const openWindow = (): void => {
    createMainWindow({
      createWindow: (options) => {
        const created = new BrowserWindow(options);
        slot.current = created;
        return created;
      },
      origin,
      preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      state,
      openExternal: (url) => shell.openExternal(url),
      onStateChange: (next) => stateSaver.update(next),
      onNavigationRefused: (url, reason) => log.warn({ url, reason }, 'navigation refused'),
      onLoadFailed: (error) => log.error({ err: error }, 'the window could not load the app'),
    });
  };
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

function main(): void {
  const slot: WindowSlot = { current: undefined };
  if (!claimSingleInstance(app, () => slot.current)) {
    app.quit();
    return;
  }
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(() => openApp(slot))
    .catch((error: unknown) => {
      const message = error instanceof ConfigError ? `Configuration error: ${error.message}` : String(error);
      dialog.showErrorBox('Recruiting Desk could not start', message);
      app.exit(1);
    });
}

main();

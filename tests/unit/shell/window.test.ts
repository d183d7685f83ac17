import { describe, expect, it } from 'vitest';
import type { WindowState } from '../../../src/main/shell/window-state.js';
import { createMainWindow, mainWindowOptions } from '../../../src/main/shell/window.js';
import { FakeWindow } from './fake-electron.js';

const ORIGIN = 'http://127.0.0.1:49152';

function open(state: WindowState) {
  const windows: FakeWindow[] = [];
  const states: WindowState[] = [];
  const loadErrors: unknown[] = [];
  const win = createMainWindow({
    createWindow: (options) => {
      const created = new FakeWindow(options);
      windows.push(created);
      return created;
    },
    origin: ORIGIN,
    preload: '/app/out/preload/index.cjs',
    state,
    openExternal: async () => {},
    onStateChange: (next) => states.push(next),
    onLoadFailed: (error) => loadErrors.push(error),
  });
  const fake = windows[0];
  if (!fake || fake !== win) throw new Error('createMainWindow did not use the given constructor');
  return { win: fake, states, loadErrors };
}

describe('the main window', () => {
  it('is isolated, sandboxed, without Node or webviews, and keeps web security on', () => {
    const { webPreferences } = mainWindowOptions('/p.cjs', { version: 1, width: 1280, height: 820, maximized: false });
    expect(webPreferences).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('opens hidden at the saved size and position, loads the core’s origin, and shows itself when ready', () => {
    const { win } = open({ version: 1, width: 1000, height: 700, x: 40, y: 50, maximized: false });
    expect(win.options).toMatchObject({ width: 1000, height: 700, x: 40, y: 50, show: false });
    expect(win.loaded).toEqual([ORIGIN]);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
    expect(win.maximized).toBe(false);
  });

  it('leaves the position to the OS when none was saved, and re-maximises a window closed maximised', () => {
    const { win } = open({ version: 1, width: 1280, height: 820, maximized: true });
    expect(win.options).not.toHaveProperty('x');
    expect(win.options).not.toHaveProperty('y');
    win.emit('ready-to-show');
    expect(win.maximized).toBe(true);
  });

  it('guards its navigation from the start', () => {
    const { win } = open({ version: 1, width: 1280, height: 820, maximized: false });
    expect(win.webContents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(win.webContents.windowOpenHandler).toBeDefined();
  });

  it('reports its normal bounds and maximised state when moved, resized, maximised or closed', () => {
    const { win, states } = open({ version: 1, width: 1280, height: 820, maximized: false });
    win.bounds = { x: 10.4, y: 20.6, width: 1100, height: 750 };
    win.emit('move');
    win.maximized = true;
    win.emit('maximize');
    win.emit('close');
    win.destroyed = true;
    win.emit('resize');
    expect(states).toEqual([
      { version: 1, x: 10, y: 21, width: 1100, height: 750, maximized: false },
      { version: 1, x: 10, y: 21, width: 1100, height: 750, maximized: true },
      { version: 1, x: 10, y: 21, width: 1100, height: 750, maximized: true },
    ]);
  });
});

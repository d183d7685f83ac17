import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../src/main/shell/app-menu.js';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('the application menu', () => {
  it('uses Electron’s roles, so the standard accelerators come with them, and defines none of its own', () => {
    const template = appMenuTemplate({ platform: 'linux', appName: 'Recruiting Desk', devTools: false });
    expect(roles(template)).toEqual(
      expect.arrayContaining(['fileMenu', 'quit', 'editMenu', 'reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu', 'about']),
    );
    expect(JSON.stringify(template)).not.toContain('accelerator');
  });

  it('offers developer tools only in development builds', () => {
    expect(roles(appMenuTemplate({ platform: 'linux', appName: 'R', devTools: false }))).not.toContain('toggleDevTools');
    expect(roles(appMenuTemplate({ platform: 'linux', appName: 'R', devTools: true }))).toContain('toggleDevTools');
  });

  it('on macOS starts with the app menu (about, hide, quit) and closes windows from File', () => {
    const [first, file] = appMenuTemplate({ platform: 'darwin', appName: 'Recruiting Desk', devTools: false });
    expect(first?.label).toBe('Recruiting Desk');
    expect(roles(first ? [first] : [])).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    expect(roles(file ? [file] : [])).toEqual(['fileMenu', 'close']);
  });
});

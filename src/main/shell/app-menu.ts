// The application menu: Electron's role-based items, so every platform gets its standard
// accelerators (Cmd/Ctrl+C, +Z, +Q, +R, zoom, full screen) without the app redefining them. The
// template is plain data; index.ts builds it with Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Developer tools only in development builds. */
  devTools: boolean;
}

export function appMenuTemplate({ platform, appName, devTools }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const devToolsItems: MenuItemConstructorOptions[] = devTools ? [{ role: 'toggleDevTools' }] : [];
  // macOS has About in the app menu; elsewhere it lives under Help.
  const helpMenu: MenuItemConstructorOptions[] = mac ? [] : [{ role: 'help', submenu: [{ role: 'about' }] }];
  return [
    ...appMenu,
    { role: 'fileMenu', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...devToolsItems,
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    ...helpMenu,
  ];
}

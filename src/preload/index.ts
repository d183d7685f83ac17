// The preload exposes only connection info to the renderer (the app is served by the embedded API,
// so the renderer talks to it same-origin). Native dialogs arrive with the desktop-app issue.
import { contextBridge, ipcRenderer } from 'electron';

const api = {
  appVersion: (): Promise<string> => ipcRenderer.invoke('app:version') as Promise<string>,
};

contextBridge.exposeInMainWorld('desk', api);

export type DeskBridge = typeof api;

// The preload: exposes exactly the DeskBridge (bridge.ts) to the renderer as `window.desk`, each
// method a plain forward to one IPC channel. The main process validates sender and arguments; no
// Electron or Node object ever crosses into the page.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, BRIDGE_GLOBAL, type DeskBridge, type DeskConnection, type PickedFiles } from './bridge.js';

const desk: DeskBridge = {
  connection: () => ipcRenderer.invoke(BRIDGE_CHANNELS.connection) as Promise<DeskConnection>,
  pickResumeFiles: () => ipcRenderer.invoke(BRIDGE_CHANNELS.pickResumeFiles) as Promise<PickedFiles>,
  pickImportFolder: () => ipcRenderer.invoke(BRIDGE_CHANNELS.pickImportFolder) as Promise<string | null>,
  openExternal: (url: string) => ipcRenderer.invoke(BRIDGE_CHANNELS.openExternal, url) as Promise<boolean>,
  appVersion: () => ipcRenderer.invoke(BRIDGE_CHANNELS.appVersion) as Promise<string>,
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, desk);

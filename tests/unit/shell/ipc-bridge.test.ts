import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../src/preload/bridge.js';
import type { OpenDialogOptions } from '../../../src/main/shell/electron-ports.js';
import { readPickedFiles, registerBridgeHandlers, PICK_LIMITS } from '../../../src/main/shell/bridge-handlers.js';
import { createGuardedIpc, type IpcRejectedError } from '../../../src/main/shell/ipc-guard.js';
import { FakeIpcMain, subFrame, topFrame } from './fake-electron.js';

const ORIGIN = 'http://127.0.0.1:49152';
const APP = { frame: topFrame(`${ORIGIN}/candidates`), webContentsId: 7 };

function bridge(options: { dialogAnswer?: string[]; limits?: typeof PICK_LIMITS } = {}) {
  const ipcMain = new FakeIpcMain();
  const rejected: IpcRejectedError[] = [];
  const opened: string[] = [];
  const dialogs: OpenDialogOptions[] = [];
  const ipc = createGuardedIpc(ipcMain, { origin: ORIGIN, webContentsId: () => 7 }, (error) => rejected.push(error));
  registerBridgeHandlers(ipc, {
    connection: { apiBaseUrl: ORIGIN, launchToken: 'tok' },
    version: '0.1.0',
    showOpenDialog: () => async (dialogOptions) => {
      dialogs.push(dialogOptions);
      return options.dialogAnswer ? { canceled: false, filePaths: options.dialogAnswer } : { canceled: true, filePaths: [] };
    },
    openExternal: async (url) => {
      opened.push(url);
    },
    ...(options.limits ? { limits: options.limits } : {}),
  });
  return { ipcMain, ipc, rejected, opened, dialogs };
}

describe('IPC sender validation', () => {
  it('answers the app window’s main frame on the core’s origin', async () => {
    const { ipcMain } = bridge();
    await expect(ipcMain.invoke(BRIDGE_CHANNELS.appVersion, APP)).resolves.toBe('0.1.0');
    await expect(ipcMain.invoke(BRIDGE_CHANNELS.connection, APP)).resolves.toEqual({ apiBaseUrl: ORIGIN, launchToken: 'tok' });
  });

  it('rejects a frame on another origin', async () => {
    const { ipcMain, rejected } = bridge();
    await expect(ipcMain.invoke(BRIDGE_CHANNELS.connection, { frame: topFrame('https://evil.example/'), webContentsId: 7 })).rejects.toThrow(/not the app's origin/);
    expect(rejected.map((e) => e.channel)).toEqual([BRIDGE_CHANNELS.connection]);
  });

  it('rejects a subframe even when it is on the core’s origin', async () => {
    const { ipcMain } = bridge();
    await expect(ipcMain.invoke(BRIDGE_CHANNELS.appVersion, { frame: subFrame(`${ORIGIN}/embed`, `${ORIGIN}/`) })).rejects.toThrow(/subframe/);
  });

  it('rejects a sender whose frame is gone, or another window’s webContents', async () => {
    const { ipcMain } = bridge();
    await expect(ipcMain.invoke(BRIDGE_CHANNELS.appVersion, { frame: null })).rejects.toThrow(/frame is gone/);
    await expect(ipcMain.invoke(BRIDGE_CHANNELS.appVersion, { frame: topFrame(ORIGIN), webContentsId: 8 })).rejects.toThrow(/another window/);
  });

  it('rejects file: and about:blank frames', async () => {
    const { ipcMain } = bridge();
    await expect(ipcMain.invoke(BRIDGE_CHANNELS.appVersion, { frame: topFrame('file:///tmp/x.html') })).rejects.toThrow(/rejected/);
    await expect(ipcMain.invoke(BRIDGE_CHANNELS.appVersion, { frame: topFrame('about:blank') })).rejects.toThrow(/rejected/);
  });
});

describe('IPC argument validation', () => {
  it('rejects extra arguments to a channel that takes none', async () => {
    const { ipcMain, dialogs } = bridge();
    await expect(ipcMain.invoke(BRIDGE_CHANNELS.pickImportFolder, APP, '/etc')).rejects.toThrow(/arguments do not match/);
    expect(dialogs).toEqual([]);
  });

  it('rejects a non-string, empty, too long or missing URL', async () => {
    const { ipcMain, opened } = bridge();
    for (const args of [[42], [''], ['https://zoom.us/' + 'a'.repeat(3000)], [], [{ url: 'https://zoom.us' }], ['https://zoom.us/j/1', 'extra']]) {
      await expect(ipcMain.invoke(BRIDGE_CHANNELS.openExternal, APP, ...args), JSON.stringify(args).slice(0, 40)).rejects.toThrow(/arguments do not match/);
    }
    expect(opened).toEqual([]);
  });

  it('opens an allow-listed https URL and refuses any other without opening it', async () => {
    const { ipcMain, opened } = bridge();
    await expect(ipcMain.invoke(BRIDGE_CHANNELS.openExternal, APP, 'https://zoom.us/j/1')).resolves.toBe(true);
    await expect(ipcMain.invoke(BRIDGE_CHANNELS.openExternal, APP, 'http://zoom.us/j/1')).resolves.toBe(false);
    await expect(ipcMain.invoke(BRIDGE_CHANNELS.openExternal, APP, 'file:///etc/passwd')).resolves.toBe(false);
    expect(opened).toEqual(['https://zoom.us/j/1']);
  });

  it('removes every handler it added', () => {
    const { ipcMain, ipc } = bridge();
    expect(ipcMain.handlers.size).toBe(Object.keys(BRIDGE_CHANNELS).length);
    ipc.removeAll();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('the native pickers', () => {
  it('a cancelled folder dialog resolves null; a picked folder resolves its path', async () => {
    await expect(bridge().ipcMain.invoke(BRIDGE_CHANNELS.pickImportFolder, APP)).resolves.toBeNull();
    const picked = bridge({ dialogAnswer: ['/home/recruiter/cvs'] });
    await expect(picked.ipcMain.invoke(BRIDGE_CHANNELS.pickImportFolder, APP)).resolves.toBe('/home/recruiter/cvs');
    expect(picked.dialogs[0]?.properties).toEqual(['openDirectory']);
  });

  it('reads the picked PDFs and names each one it cannot send', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pick-'));
    const good = join(dir, 'ada.pdf');
    writeFileSync(good, '%PDF-1.7 tiny');
    const big = join(dir, 'BIG.PDF');
    writeFileSync(big, Buffer.alloc(2048));
    const notPdf = join(dir, 'notes.txt');
    writeFileSync(notPdf, 'x');
    const limits = { ...PICK_LIMITS, maxFileBytes: 1024 };
    const { ipcMain, dialogs } = bridge({ dialogAnswer: [good, big, notPdf, join(dir, 'gone.pdf')], limits });
    const result = (await ipcMain.invoke(BRIDGE_CHANNELS.pickResumeFiles, APP)) as { files: Array<{ name: string; bytes: Uint8Array }>; errors: unknown[] };
    expect(result.files.map((f) => [f.name, Buffer.from(f.bytes).toString()])).toEqual([['ada.pdf', '%PDF-1.7 tiny']]);
    expect(result.errors).toEqual([
      { name: 'BIG.PDF', reason: 'larger than 1 KiB' },
      { name: 'notes.txt', reason: 'not a PDF file' },
      { name: 'gone.pdf', reason: 'could not be read' },
    ]);
    expect(dialogs[0]?.filters).toEqual([{ name: 'PDF résumés', extensions: ['pdf'] }]);
  });

  it('stops reading at the per-pick file count and total size, naming the files left out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pick-'));
    const paths = ['a', 'b', 'c', 'd'].map((name) => {
      const path = join(dir, `${name}.pdf`);
      writeFileSync(path, Buffer.alloc(600));
      return path;
    });
    const result = await readPickedFiles(paths, { maxFileBytes: 1000, maxTotalBytes: 1300, maxFiles: 3 });
    expect(result.files.map((f) => f.name)).toEqual(['a.pdf', 'b.pdf']);
    expect(result.errors).toEqual([
      { name: 'c.pdf', reason: 'too much picked at once; import a folder instead' },
      { name: 'd.pdf', reason: 'only 3 files can be picked at once; import a folder instead' },
    ]);
  });

  it('a cancelled file dialog resolves with nothing picked', async () => {
    await expect(bridge().ipcMain.invoke(BRIDGE_CHANNELS.pickResumeFiles, APP)).resolves.toEqual({ files: [], errors: [] });
  });
});

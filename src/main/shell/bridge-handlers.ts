// The main-process side of the preload bridge (src/preload/bridge.ts): one guarded IPC route per
// method. Picked files are read HERE, not by the core: the user chose exactly these paths in a
// native dialog, so the main process reads them and hands the bytes to the renderer, which uploads
// them through the same multipart endpoint as drag-and-drop. The core never has to trust a file
// path from the page. A picked folder is returned as a path for POST /resumes/import-folder, whose
// own checks (JWT role, the folder's contents) apply.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Type, type Static, type TSchema } from 'typebox';
import type { DeskBridge, DeskConnection, PickedFiles } from '../../preload/bridge.js';
import { BRIDGE_CHANNELS } from '../../preload/bridge.js';
import { DEFAULT_PDF_LIMITS } from '../core/features/resumes/pdf/pdf-extraction.js';
import type { OpenDialogOptions, ShowOpenDialog } from './electron-ports.js';
import type { GuardedIpc, IpcRoute } from './ipc-guard.js';
import { isAllowedExternalUrl } from './navigation-guard.js';

/** Bounds what one pick sends over IPC: the core's own per-file limit, and a total per pick. */
export const PICK_LIMITS = { maxFileBytes: DEFAULT_PDF_LIMITS.maxBytes, maxTotalBytes: 512 * 1024 * 1024, maxFiles: 1000 };

export interface BridgeDependencies {
  connection: DeskConnection;
  version: string;
  /** Undefined while the app window is closed (nothing to attach a dialog to). */
  showOpenDialog: () => ShowOpenDialog | undefined;
  openExternal: (url: string) => Promise<void>;
  allowList?: readonly string[];
  limits?: typeof PICK_LIMITS;
}

const NoArgs = Type.Tuple([]);
const UrlArg = Type.Tuple([Type.String({ minLength: 1, maxLength: 2048 })]);

/** A route whose argument schema must describe exactly the bridge method's parameters. */
function bridgeRoute<K extends keyof DeskBridge, A extends TSchema>(
  method: K,
  args: Static<A> extends Parameters<DeskBridge[K]> ? A : never,
  handle: (args: Static<A>) => ReturnType<DeskBridge[K]>,
): IpcRoute<A> {
  return { channel: BRIDGE_CHANNELS[method], args, handle };
}

function sizeLabel(bytes: number): string {
  return bytes >= 2 ** 20 ? `${Math.round(bytes / 2 ** 20)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

export async function readPickedFiles(paths: readonly string[], limits: typeof PICK_LIMITS = PICK_LIMITS): Promise<PickedFiles> {
  const result: PickedFiles = { files: [], errors: [] };
  let total = 0;
  for (const [index, path] of paths.entries()) {
    const name = basename(path);
    if (index >= limits.maxFiles) {
      result.errors.push({ name, reason: `only ${limits.maxFiles} files can be picked at once; import a folder instead` });
      continue;
    }
    if (extname(path).toLowerCase() !== '.pdf') {
      result.errors.push({ name, reason: 'not a PDF file' });
      continue;
    }
    try {
      const { size, isFile } = await stat(path).then((s) => ({ size: s.size, isFile: s.isFile() }));
      if (!isFile) throw new Error('not a file');
      if (size > limits.maxFileBytes) {
        result.errors.push({ name, reason: `larger than ${sizeLabel(limits.maxFileBytes)}` });
        continue;
      }
      if (total + size > limits.maxTotalBytes) {
        result.errors.push({ name, reason: 'too much picked at once; import a folder instead' });
        continue;
      }
      result.files.push({ name, bytes: new Uint8Array(await readFile(path)) });
      total += size;
    } catch {
      result.errors.push({ name, reason: 'could not be read' });
    }
  }
  return result;
}

export function registerBridgeHandlers(ipc: GuardedIpc, deps: BridgeDependencies): void {
  const { allowList } = deps;
  const limits = deps.limits ?? PICK_LIMITS;

  const pick = async (options: OpenDialogOptions): Promise<string[]> => {
    const show = deps.showOpenDialog();
    if (!show) return [];
    const { canceled, filePaths } = await show(options);
    return canceled ? [] : filePaths;
  };

  ipc.add(bridgeRoute('connection', NoArgs, async () => ({ ...deps.connection })));
  ipc.add(bridgeRoute('appVersion', NoArgs, async () => deps.version));
  ipc.add(
    bridgeRoute('pickResumeFiles', NoArgs, async () =>
      readPickedFiles(
        await pick({ title: 'Import résumés', properties: ['openFile', 'multiSelections'], filters: [{ name: 'PDF résumés', extensions: ['pdf'] }] }),
        limits,
      ),
    ),
  );
  ipc.add(
    bridgeRoute('pickImportFolder', NoArgs, async () => {
      const [folder] = await pick({ title: 'Import a folder of résumés', properties: ['openDirectory'] });
      return folder ?? null;
    }),
  );
  ipc.add(
    bridgeRoute('openExternal', UrlArg, async ([url]) => {
      if (!isAllowedExternalUrl(url, allowList)) return false;
      await deps.openExternal(url);
      return true;
    }),
  );
}

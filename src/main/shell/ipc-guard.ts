// Registers IPC handlers behind two checks, before any handler code runs: the sender is the app
// window's top-level frame on the core's origin (not a subframe, not a page that navigated
// elsewhere, not another webContents), and the arguments match the channel's TypeBox schema.
// Anything else is rejected with an error the renderer sees as a failed invoke.
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { IpcEventPort, IpcMainPort } from './electron-ports.js';

export class IpcRejectedError extends Error {
  constructor(
    readonly channel: string,
    reason: string,
  ) {
    super(`IPC ${channel} rejected: ${reason}`);
    this.name = 'IpcRejectedError';
  }
}

export interface SenderPolicy {
  /** The core's origin, the only one the app window may show. */
  origin: string;
  /** The app window's webContents id, when known; other webContents are refused. */
  webContentsId?: () => number | undefined;
}

/** Why a sender is refused, or undefined when it is the app window's main frame on the core's origin. */
export function senderProblem(event: IpcEventPort, policy: SenderPolicy): string | undefined {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'sent from a subframe';
  let origin: string;
  try {
    origin = new URL(frame.url).origin;
  } catch {
    return 'the sending frame has no valid URL';
  }
  if (origin !== new URL(policy.origin).origin) return `sent from ${origin}, not the app's origin`;
  const expectedId = policy.webContentsId?.();
  if (expectedId !== undefined && event.sender.id !== expectedId) return 'sent from another window';
  return undefined;
}

export interface IpcRoute<Args extends TSchema> {
  channel: string;
  /** The invoke arguments as a tuple, e.g. `Type.Tuple([Type.String()])`. */
  args: Args;
  handle: (args: Static<Args>) => unknown;
}

export interface GuardedIpc {
  add<Args extends TSchema>(route: IpcRoute<Args>): void;
  /** Removes every handler added here (window closed, app quitting). */
  removeAll(): void;
}

export function createGuardedIpc(ipcMain: IpcMainPort, policy: SenderPolicy, onRejected: (error: IpcRejectedError) => void = () => {}): GuardedIpc {
  const channels: string[] = [];
  return {
    add({ channel, args, handle }) {
      ipcMain.handle(channel, (event, ...given) => {
        const problem = senderProblem(event, policy) ?? (Value.Check(args, given) ? undefined : 'arguments do not match the schema');
        if (problem) {
          const error = new IpcRejectedError(channel, problem);
          onRejected(error);
          throw error;
        }
        return handle(given as Static<typeof args>);
      });
      channels.push(channel);
    },
    removeAll() {
      for (const channel of channels.splice(0)) ipcMain.removeHandler(channel);
    },
  };
}

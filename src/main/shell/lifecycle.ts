// App lifecycle rules: one running instance (a second launch focuses the first one's window), and a
// graceful quit: the first quit request is held while the core stops (running tasks drain within the
// queue's grace period, then the database closes); a backstop exits anyway if stopping hangs.
import type { Clock } from '../core/clock.js';
import type { AppPort, BrowserWindowPort } from './electron-ports.js';

/** Takes the single-instance lock; false means another instance runs and this one must quit. */
export function claimSingleInstance(app: AppPort, currentWindow: () => BrowserWindowPort | undefined): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const win = currentWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}

export interface GracefulQuitOptions {
  app: AppPort;
  /** Stops the core, letting running tasks finish (bounded by the queue's own grace period). */
  stopCore: () => Promise<void>;
  clock: Clock;
  /** Exit regardless after this long (a hung close must not keep a zombie app alive). */
  backstopMs: number;
  onError: (error: unknown) => void;
}

export type QuitPhase = 'running' | 'stopping' | 'stopped';

export function installGracefulQuit({ app, stopCore, clock, backstopMs, onError }: GracefulQuitOptions): { phase: () => QuitPhase } {
  let phase: QuitPhase = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'stopped') return;
    // Hold every quit request until the core has stopped; repeated requests while stopping are ignored.
    event.preventDefault();
    if (phase === 'stopping') return;
    phase = 'stopping';
    const cancelBackstop = clock.setTimer(() => {
      onError(new Error(`the core did not stop within ${backstopMs} ms; exiting anyway`));
      phase = 'stopped';
      app.exit(1);
    }, backstopMs);
    stopCore()
      .catch(onError)
      .finally(() => {
        cancelBackstop();
        if (phase !== 'stopping') return;
        phase = 'stopped';
        app.quit();
      });
  });
  return { phase: () => phase };
}

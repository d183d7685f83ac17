// Remembers the main window's size, position and maximised state in `window-state.json` in the app
// data folder: written atomically (temp file + rename, so a crash never leaves half a file), checked
// against a schema on read (a damaged or foreign file means "use the defaults"), and moved back on
// screen when the display it was on is gone or smaller now.
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { Clock } from '../core/clock.js';
import type { Rect } from './electron-ports.js';

export const WINDOW_STATE_FILE = 'window-state.json';

const Coordinate = Type.Integer({ minimum: -100_000, maximum: 100_000 });
const Extent = Type.Integer({ minimum: 1, maximum: 100_000 });

export const WindowStateSchema = Type.Object(
  {
    version: Type.Literal(1),
    width: Extent,
    height: Extent,
    x: Type.Optional(Coordinate),
    y: Type.Optional(Coordinate),
    maximized: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type WindowState = Static<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { version: 1, width: 1280, height: 820, maximized: false };
export const MIN_WINDOW_SIZE = { width: 900, height: 600 };
/** How much of the title bar's width must lie on a display for the saved position to be kept. */
const MIN_VISIBLE = 64;
const TITLE_BAR = 32;

export async function readWindowState(dir: string): Promise<WindowState> {
  let text: string;
  try {
    text = await readFile(join(dir, WINDOW_STATE_FILE), 'utf8');
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return Value.Check(WindowStateSchema, parsed) ? parsed : { ...DEFAULT_WINDOW_STATE };
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export async function writeWindowState(dir: string, state: WindowState): Promise<void> {
  if (!Value.Check(WindowStateSchema, state)) throw new Error('refusing to save an invalid window state');
  const target = join(dir, WINDOW_STATE_FILE);
  const temp = `${target}.${randomUUID()}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function horizontalOverlap(a: { x: number; width: number }, b: Rect): number {
  return Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
}

/**
 * Fits a saved state to the displays present now: the size is clamped to the largest work area (and
 * the minimum size), and a position whose title bar is not visibly on any display is dropped, so the
 * window opens centred on the primary display instead of off screen.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const maxWidth = Math.max(MIN_WINDOW_SIZE.width, ...workAreas.map((a) => a.width));
  const maxHeight = Math.max(MIN_WINDOW_SIZE.height, ...workAreas.map((a) => a.height));
  const width = Math.min(Math.max(state.width, MIN_WINDOW_SIZE.width), maxWidth);
  const height = Math.min(Math.max(state.height, MIN_WINDOW_SIZE.height), maxHeight);
  const fitted: WindowState = { version: 1, width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return fitted;
  const { x, y } = state;
  // The title bar (the window's top strip) must start inside a work area and show enough width to grab.
  const visible = workAreas.some(
    (area) => y >= area.y && y + TITLE_BAR <= area.y + area.height && horizontalOverlap({ x, width }, area) >= MIN_VISIBLE,
  );
  return visible ? { ...fitted, x, y } : fitted;
}

/** The state to save for a window: its normal (un-maximised) bounds plus whether it is maximised. */
export function stateOfWindow(bounds: Rect, maximized: boolean): WindowState {
  const round = (n: number) => Math.round(n);
  return { version: 1, x: round(bounds.x), y: round(bounds.y), width: Math.max(1, round(bounds.width)), height: Math.max(1, round(bounds.height)), maximized };
}

export interface WindowStateSaver {
  /** Records the latest state; it is written once the window has been still for the delay. */
  update(state: WindowState): void;
  /** Writes a pending state now (on close); resolves when it is on disk. */
  flush(): Promise<void>;
}

/** Debounces saves: dragging a window reports hundreds of moves, one write is enough. */
export function createWindowStateSaver({ dir, clock, delayMs, onError }: { dir: string; clock: Clock; delayMs: number; onError: (error: unknown) => void }): WindowStateSaver {
  let pending: WindowState | undefined;
  let cancel: (() => void) | undefined;
  let writing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    cancel?.();
    cancel = undefined;
    const state = pending;
    pending = undefined;
    if (state) writing = writing.then(() => writeWindowState(dir, state)).catch(onError);
    return writing;
  };
  return {
    update(state) {
      pending = state;
      cancel?.();
      cancel = clock.setTimer(() => void flush(), delayMs);
    },
    flush,
  };
}

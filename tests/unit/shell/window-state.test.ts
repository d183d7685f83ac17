import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/main/core/clock.js';
import {
  DEFAULT_WINDOW_STATE,
  WINDOW_STATE_FILE,
  createWindowStateSaver,
  fitToDisplays,
  readWindowState,
  writeWindowState,
  type WindowState,
} from '../../../src/main/shell/window-state.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'window-state-'));
const SCREEN = { x: 0, y: 0, width: 1920, height: 1050 };
const RIGHT_SCREEN = { x: 1920, y: 0, width: 2560, height: 1400 };
const saved: WindowState = { version: 1, x: 100, y: 80, width: 1200, height: 800, maximized: false };

describe('the window state file', () => {
  it('reads back what was written, leaving no temp file behind', async () => {
    const dir = freshDir();
    await writeWindowState(dir, saved);
    await expect(readWindowState(dir)).resolves.toEqual(saved);
    expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it('gives the defaults when there is no file yet', async () => {
    await expect(readWindowState(freshDir())).resolves.toEqual(DEFAULT_WINDOW_STATE);
  });

  it('gives the defaults for a damaged, foreign or out-of-range file', async () => {
    for (const text of ['{"version":1,"width":12', '[]', '{"version":2,"width":800,"height":600,"maximized":false}', JSON.stringify({ ...saved, width: -5 }), JSON.stringify({ ...saved, extra: true })]) {
      const dir = freshDir();
      writeFileSync(join(dir, WINDOW_STATE_FILE), text);
      await expect(readWindowState(dir), text).resolves.toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('refuses to write an invalid state and keeps the previous file', async () => {
    const dir = freshDir();
    await writeWindowState(dir, saved);
    await expect(writeWindowState(dir, { ...saved, width: 0 })).rejects.toThrow(/invalid window state/);
    expect(JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual(saved);
  });
});

describe('fitting a saved state to the displays', () => {
  it('keeps a position that is on a display', () => {
    expect(fitToDisplays(saved, [SCREEN])).toEqual(saved);
    expect(fitToDisplays({ ...saved, x: 2500, y: 300 }, [SCREEN, RIGHT_SCREEN])).toMatchObject({ x: 2500, y: 300 });
  });

  it('drops a position on a display that is gone, so the window opens centred', () => {
    const fitted = fitToDisplays({ ...saved, x: 2500, y: 300 }, [SCREEN]);
    expect(fitted).toEqual({ version: 1, width: 1200, height: 800, maximized: false });
  });

  it('drops a position whose title bar is above the screen or barely on its edge', () => {
    expect(fitToDisplays({ ...saved, y: -20 }, [SCREEN])).not.toHaveProperty('y');
    expect(fitToDisplays({ ...saved, x: 1900 }, [SCREEN])).not.toHaveProperty('x');
    expect(fitToDisplays({ ...saved, y: 1040 }, [SCREEN])).not.toHaveProperty('y');
  });

  it('shrinks a window larger than every display and grows one below the minimum size', () => {
    expect(fitToDisplays({ ...saved, width: 5000, height: 3000 }, [SCREEN])).toMatchObject({ width: 1920, height: 1050 });
    expect(fitToDisplays({ ...saved, width: 200, height: 100 }, [SCREEN])).toMatchObject({ width: 900, height: 600 });
  });
});

describe('the debounced saver', () => {
  it('writes once after the window stops moving, with the latest state', async () => {
    const dir = freshDir();
    const clock = new FakeClock();
    const errors: unknown[] = [];
    const saver = createWindowStateSaver({ dir, clock, delayMs: 500, onError: (e) => errors.push(e) });
    saver.update({ ...saved, x: 1 });
    clock.advance(300);
    saver.update({ ...saved, x: 2 });
    clock.advance(300);
    await expect(readWindowState(dir)).resolves.toEqual(DEFAULT_WINDOW_STATE);
    clock.advance(200);
    await saver.flush();
    await expect(readWindowState(dir)).resolves.toEqual({ ...saved, x: 2 });
    expect(errors).toEqual([]);
  });

  it('flush writes a pending state at once (the window is closing)', async () => {
    const dir = freshDir();
    const saver = createWindowStateSaver({ dir, clock: new FakeClock(), delayMs: 500, onError: () => {} });
    saver.update(saved);
    await saver.flush();
    await expect(readWindowState(dir)).resolves.toEqual(saved);
  });
});

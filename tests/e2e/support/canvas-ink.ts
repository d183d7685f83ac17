// Whether pdf.js really drew a page: the canvases inside an element are read back in the page and
// their dark pixels counted (pdf.js paints a white page, then the text in black). The function runs
// in the browser; the test typecheck has no DOM library, so the few DOM members used are declared.
import type { Locator } from 'playwright-core';

interface PageCanvas {
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

interface CanvasHost {
  querySelectorAll(selector: 'canvas'): ArrayLike<PageCanvas>;
}

export interface CanvasInk {
  canvases: number;
  /** Pixels of all canvases together. */
  pixels: number;
  /** Opaque pixels darker than light grey on every channel: text and rules, not the white page. */
  inked: number;
}

/** Counts the canvases under `host` and their inked pixels. */
export async function canvasInkOf(host: Locator): Promise<CanvasInk> {
  return host.evaluate((element) => {
    const canvases = Array.from((element as unknown as CanvasHost).querySelectorAll('canvas'));
    let pixels = 0;
    let inked = 0;
    for (const canvas of canvases) {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) continue;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      pixels += canvas.width * canvas.height;
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i + 3] ?? 0) > 128 && (data[i] ?? 255) < 160 && (data[i + 1] ?? 255) < 160 && (data[i + 2] ?? 255) < 160) inked++;
      }
    }
    return { canvases: canvases.length, pixels, inked };
  });
}

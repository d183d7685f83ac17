// Turns pdf.js text items (positioned runs of text) into lines in reading order: items grouped
// into lines by baseline, lines sorted top to bottom, and a two-column page read column by column.

export interface PositionedText {
  str: string;
  /** Left edge, in PDF user space (origin bottom-left). */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font height; used for line tolerance and word spacing. */
  height: number;
}

interface Line {
  y: number;
  items: PositionedText[];
}

// Smallest empty vertical strip that can separate two columns, in points.
const MIN_COLUMN_GAP = 12;
// Lines that cross the gap (a full-width heading) may be at most this share of the page's lines.
const MAX_CROSSING_SHARE = 0.25;
// Each column needs this many lines of its own before the page is read as two columns.
const MIN_COLUMN_LINES = 3;
// A one-column page with right-aligned dates has left and right text on the same rows; real
// columns mostly do not, because each column flows with its own spacing.
// Layouts whose two columns share one line spacing and baseline grid look like such rows and are
// read row by row: a known limit of this heuristic.
const MAX_SHARED_ROW_SHARE = 0.5;
const SAME_ROW_TOLERANCE = 1;

export function pageTextInReadingOrder(items: readonly PositionedText[]): string {
  return orderLines(items.filter((item) => item.str.trim() !== ''))
    .map(lineText)
    .join('\n');
}

function groupIntoLines(items: PositionedText[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const last = lines.at(-1);
    const tolerance = Math.max(2, Math.min(item.height, last?.items[0]?.height ?? item.height) * 0.5);
    if (last && Math.abs(last.y - item.y) <= tolerance) {
      last.items.push(item);
    } else {
      lines.push({ y: item.y, items: [item] });
    }
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines;
}

function lineText(line: Line): string {
  let text = '';
  let previousEnd: number | null = null;
  for (const item of line.items) {
    const gap = previousEnd === null ? 0 : item.x - previousEnd;
    if (previousEnd !== null && gap > item.height * 0.15 && !text.endsWith(' ') && !item.str.startsWith(' ')) {
      text += ' ';
    }
    text += item.str;
    previousEnd = item.x + item.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

const overlaps = (item: PositionedText, from: number, to: number): boolean => item.x < to && item.x + item.width > from;

/** The middle of the empty vertical strip that separates two columns, if the page has two. */
function findColumnSplit(items: PositionedText[]): number | null {
  if (items.length < MIN_COLUMN_LINES * 2) return null;
  const left = Math.min(...items.map((i) => i.x));
  const right = Math.max(...items.map((i) => i.x + i.width));
  const width = right - left;
  let best: { split: number; crossing: number } | null = null;
  // Scan candidate strips across the middle 60% of the text block, one point at a time.
  for (let x = left + width * 0.2; x + MIN_COLUMN_GAP <= left + width * 0.8; x++) {
    const crossing = items.filter((i) => overlaps(i, x, x + MIN_COLUMN_GAP)).length;
    if (!best || crossing < best.crossing) best = { split: x + MIN_COLUMN_GAP / 2, crossing };
  }
  if (!best) return null;
  const split = best.split;
  const sides = partition(items, split);
  if (groupIntoLines(sides.spanning).length > MAX_CROSSING_SHARE * groupIntoLines(items).length) return null;
  const leftLines = groupIntoLines(sides.left);
  const rightLines = groupIntoLines(sides.right);
  if (leftLines.length < MIN_COLUMN_LINES || rightLines.length < MIN_COLUMN_LINES) return null;
  const sharedRows = rightLines.filter((r) => leftLines.some((l) => Math.abs(l.y - r.y) <= SAME_ROW_TOLERANCE)).length;
  if (sharedRows / Math.min(leftLines.length, rightLines.length) > MAX_SHARED_ROW_SHARE) return null;
  return split;
}

function partition(items: PositionedText[], split: number): Record<'left' | 'right' | 'spanning', PositionedText[]> {
  const sides: Record<'left' | 'right' | 'spanning', PositionedText[]> = { left: [], right: [], spanning: [] };
  for (const item of items) {
    if (item.x + item.width <= split) sides.left.push(item);
    else if (item.x >= split) sides.right.push(item);
    else sides.spanning.push(item);
  }
  return sides;
}

function orderLines(items: PositionedText[]): Line[] {
  const split = findColumnSplit(items);
  if (split === null) return groupIntoLines(items);
  const sides = partition(items, split);
  const leftLines = groupIntoLines(sides.left);
  const rightLines = groupIntoLines(sides.right);
  // Full-width lines (a name banner, a heading across both columns) cut the page into bands;
  // inside a band the left column is read before the right one.
  const ordered: Line[] = [];
  let above = Infinity;
  for (const boundary of [...groupIntoLines(sides.spanning), null]) {
    const below = boundary?.y ?? -Infinity;
    const inBand = (line: Line): boolean => line.y < above && line.y >= below;
    ordered.push(...leftLines.filter(inBand), ...rightLines.filter(inBand));
    if (boundary) ordered.push(boundary);
    above = below;
  }
  return ordered;
}

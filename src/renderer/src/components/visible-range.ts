// The arithmetic of a fixed-row-height windowed list, kept apart from React so it can be tested
// on its own and so the list can tell cheaply whether a scroll changed anything worth rendering.

export interface RowRange {
  /** First row index, inclusive. */
  first: number;
  /** Last row index, inclusive; below `first` when there are no rows. */
  last: number;
}

export interface ListGeometry {
  /** The scroll box's scrollTop. */
  scrollTop: number;
  /** Height of whatever sits above the first row inside the scroll box (a sticky header). */
  headerHeight: number;
  /** The scroll box's client height. */
  viewport: number;
  rowHeight: number;
  count: number;
}

/** The rows at least partly visible: inside the viewport and not wholly behind the sticky header. */
export function rowsInView({ scrollTop, headerHeight, viewport, rowHeight, count }: ListGeometry): RowRange {
  if (count <= 0 || rowHeight <= 0) return { first: 0, last: -1 };
  // Row i spans [headerHeight + i·rowHeight, +rowHeight) in the box's content; the header stays at
  // the top of the viewport, so rows show between scrollTop + headerHeight and scrollTop + viewport.
  const top = Math.max(0, scrollTop);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const last = Math.min(count - 1, Math.max(first, Math.ceil((top + viewport - headerHeight) / rowHeight) - 1));
  return { first, last };
}

/** The rows to render: those in view plus `overscan` on each side, clamped to the list. */
export function visibleRange(geometry: ListGeometry, overscan: number): RowRange {
  const inView = rowsInView(geometry);
  if (inView.last < inView.first) return inView;
  return { first: Math.max(0, inView.first - overscan), last: Math.min(geometry.count - 1, inView.last + overscan) };
}

export function sameRange(a: RowRange, b: RowRange): boolean {
  return a.first === b.first && a.last === b.last;
}

/**
 * Whether two ranges share a row. When the rows in view now share none with those a frame ago, the
 * user is flying past them (a dragged scrollbar thumb), and fetching their data would only be
 * thrown away a frame later.
 */
export function rangesOverlap(a: RowRange, b: RowRange): boolean {
  return a.first <= a.last && b.first <= b.last && a.first <= b.last && b.first <= a.last;
}

/** The scrollTop that brings row `index` fully into view below the header, or `scrollTop` when it already is. */
export function scrollTopToReveal(index: number, { scrollTop, headerHeight, viewport, rowHeight }: Omit<ListGeometry, 'count'>): number {
  const top = headerHeight + index * rowHeight;
  // The sticky header covers the first `headerHeight` pixels of the visible area.
  if (top - headerHeight < scrollTop) return top - headerHeight;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}

// Hand-rolled windowing: a scroll box as tall as every row together, rendering only the rows in
// view (plus a small overscan). Rows have one fixed height, so the visible range is arithmetic and
// a 10k-row list costs the same as a 30-row one. The grid takes focus; arrow keys, Page Up/Down,
// Home and End move the active row (aria-activedescendant), which scrolls into view; Enter opens it.
// `header` is one role="row" of columnheaders; `renderRow` returns the row's gridcells.
//
// What keeps a fast scroll cheap: state holds the rendered range, not scrollTop, so a scroll that
// stays within the same rows renders nothing; rows are memoised, so a new range renders only the
// rows that entered it; and while the rows in view change wholesale every frame (a dragged
// scrollbar thumb) their data is not asked for until the list stops, since it would arrive for
// rows already gone.
import { memo, useCallback, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { rangesOverlap, rowsInView, sameRange, scrollTopToReveal, visibleRange, type RowRange } from './visible-range';

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  /** Renders row `index`; called only for rows in view. */
  renderRow: (index: number, active: boolean) => ReactNode;
  /** Called with the visible range whenever it changes, so data for it can be fetched. */
  onRange?: (from: number, to: number) => void;
  onActivate?: (index: number) => void;
  label: string;
  overscan?: number;
  header?: ReactNode;
}

/** How long the rows in view must stay put after flying past before their data is asked for. */
const SETTLE_MS = 60;
/** Viewport height assumed until the box is measured. */
const INITIAL_VIEWPORT = 600;

interface RowProps {
  index: number;
  rowId: string;
  rowHeight: number;
  active: boolean;
  renderRow: VirtualListProps['renderRow'];
}

// Memoised: a range change renders only the rows that entered it; new data (a new renderRow) renders them all.
const Row = memo(function Row({ index, rowId, rowHeight, active, renderRow }: RowProps) {
  return (
    <div id={rowId} role="row" aria-rowindex={index + 2} className={`vrow${active ? ' vrow-active' : ''}`} style={{ top: index * rowHeight, height: rowHeight }}>
      {renderRow(index, active)}
    </div>
  );
});

export function VirtualList({ count, rowHeight, renderRow, onRange, onActivate, label, overscan = 8, header }: VirtualListProps) {
  const box = useRef<HTMLDivElement>(null);
  const spacer = useRef<HTMLDivElement>(null);
  // Measured outside render (reading offsetTop while rendering would force a layout).
  const measured = useRef({ headerHeight: 0, viewport: INITIAL_VIEWPORT });
  const [range, setRange] = useState<RowRange>(() => visibleRange({ scrollTop: 0, headerHeight: 0, viewport: INITIAL_VIEWPORT, rowHeight, count }, overscan));
  const [active, setActive] = useState(0);
  const id = useId();

  // The range last asked for: set together with the state, read by handlers between renders.
  const rangeNow = useRef(range);
  const onRangeNow = useRef(onRange);
  useLayoutEffect(() => {
    onRangeNow.current = onRange;
  });
  const lastInView = useRef<RowRange>({ first: 0, last: -1 });
  const settleTimer = useRef<number | undefined>(undefined);

  const geometry = useCallback(() => ({ scrollTop: box.current?.scrollTop ?? 0, ...measured.current, rowHeight, count }), [rowHeight, count]);

  // Renders the rows in view plus `margin` on each side; returns that range.
  const updateRange = useCallback(
    (margin: number) => {
      const next = visibleRange(geometry(), margin);
      if (sameRange(next, rangeNow.current)) return next;
      // Ahead of the render, so a second scroll event before it compares with what is coming.
      rangeNow.current = next;
      setRange(next);
      return next;
    },
    [geometry],
  );

  const requestRows = useCallback((rows: RowRange) => {
    if (rows.last >= rows.first) onRangeNow.current?.(rows.first, rows.last);
  }, []);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      measured.current = { headerHeight: spacer.current?.offsetTop ?? 0, viewport: element.clientHeight };
      updateRange(overscan);
    };
    // Also on a new count or row height (a new updateRange), which move the range without a scroll.
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [updateRange, overscan]);

  useLayoutEffect(() => {
    // While flying past, the settle timer asks for the rows once the list stops.
    if (count > 0 && settleTimer.current === undefined) requestRows(range);
  }, [range, count, onRange, requestRows]);

  useLayoutEffect(() => () => window.clearTimeout(settleTimer.current), []);

  function onScroll() {
    const inView = rowsInView(geometry());
    const flyingPast = !rangesOverlap(inView, lastInView.current) && lastInView.current.last >= lastInView.current.first;
    lastInView.current = inView;
    const wasFlying = settleTimer.current !== undefined;
    window.clearTimeout(settleTimer.current);
    settleTimer.current = undefined;
    if (flyingPast) {
      settleTimer.current = window.setTimeout(() => {
        settleTimer.current = undefined;
        requestRows(updateRange(overscan));
      }, SETTLE_MS);
    }
    // Flying past, the next frame shows none of these rows: rendering more than those in view is wasted.
    const next = updateRange(flyingPast ? 0 : overscan);
    // Slowed down from a fling: the range may not have changed, so the effect would not ask for it.
    if (wasFlying && !flyingPast) requestRows(next);
  }

  const moveTo = useCallback(
    (index: number) => {
      const element = box.current;
      const next = Math.max(0, Math.min(count - 1, index));
      setActive(next);
      if (!element) return;
      const top = scrollTopToReveal(next, { scrollTop: element.scrollTop, headerHeight: measured.current.headerHeight, viewport: element.clientHeight, rowHeight });
      if (top !== element.scrollTop) element.scrollTop = top;
    },
    [count, rowHeight],
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor((measured.current.viewport - measured.current.headerHeight) / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: count - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onActivate?.(active);
    }
  }

  const rows: ReactNode[] = [];
  for (let index = range.first; index <= Math.min(range.last, count - 1); index++) {
    rows.push(<Row key={index} index={index} rowId={`${id}-row-${index}`} rowHeight={rowHeight} active={index === active} renderRow={renderRow} />);
  }

  return (
    <div
      ref={box}
      className="vlist"
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      aria-activedescendant={count > 0 ? `${id}-row-${Math.min(active, count - 1)}` : undefined}
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      {header && (
        <div role="rowgroup" className="vlist-header">
          {header}
        </div>
      )}
      <div ref={spacer} role="rowgroup" className="vlist-spacer" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}

// Hand-rolled windowing: a scroll box as tall as every row together, rendering only the rows in
// view (plus a small overscan). Rows have one fixed height, so the visible range is arithmetic and
// a 10k-row list costs the same as a 30-row one. The grid takes focus; arrow keys, Page Up/Down,
// Home and End move the active row (aria-activedescendant), which scrolls into view; Enter opens it.
// `header` is one role="row" of columnheaders; `renderRow` returns the row's gridcells.
import { useCallback, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

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

export function VirtualList({ count, rowHeight, renderRow, onRange, onActivate, label, overscan = 8, header }: VirtualListProps) {
  const box = useRef<HTMLDivElement>(null);
  const spacer = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [active, setActive] = useState(0);
  const id = useId();

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Rows start below the sticky header, so positions are measured from the spacer's top.
  const headerHeight = spacer.current?.offsetTop ?? 0;
  const rowsTop = Math.max(0, scrollTop - headerHeight);
  const first = Math.max(0, Math.floor(rowsTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((rowsTop + height) / rowHeight) + overscan);

  useLayoutEffect(() => {
    if (count > 0) onRange?.(first, last);
  }, [first, last, count, onRange]);

  const moveTo = useCallback(
    (index: number) => {
      const element = box.current;
      const next = Math.max(0, Math.min(count - 1, index));
      setActive(next);
      if (!element) return;
      const offset = spacer.current?.offsetTop ?? 0;
      const top = offset + next * rowHeight;
      // The sticky header covers the first `offset` pixels of the visible area.
      if (top - offset < element.scrollTop) element.scrollTop = top - offset;
      else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
    },
    [count, rowHeight],
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
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
  for (let index = first; index <= last; index++) {
    rows.push(
      <div key={index} id={`${id}-row-${index}`} role="row" aria-rowindex={index + 2} className={`vrow${index === active ? ' vrow-active' : ''}`} style={{ top: index * rowHeight, height: rowHeight }}>
        {renderRow(index, index === active)}
      </div>,
    );
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
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
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

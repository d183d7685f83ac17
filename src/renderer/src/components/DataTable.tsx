// A table of rows with column headers that sort when the screen says they can (aria-sort tells
// assistive technology the current order).
import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** Set when the column can be sorted; the screen maps it to the API's sort key. */
  sortKey?: string;
  className?: string;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  sort?: { key: string; descending: boolean };
  onSort?: (key: string) => void;
  captionHidden?: boolean;
}

export function DataTable<Row>({ caption, columns, rows, rowKey, sort, onSort, captionHidden = true }: DataTableProps<Row>) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = column.sortKey && sort?.key === column.sortKey;
              const ariaSort = sorted ? (sort?.descending ? 'descending' : 'ascending') : column.sortKey ? 'none' : undefined;
              return (
                <th key={column.key} scope="col" aria-sort={ariaSort} className={column.className}>
                  {column.sortKey && onSort ? (
                    <button type="button" className="th-sort" onClick={() => column.sortKey && onSort(column.sortKey)}>
                      {column.header}
                      <span aria-hidden="true">{sorted ? (sort?.descending ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} className={column.className}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pager({ total, skip, limit, onPage, label }: { total: number; skip: number; limit: number; onPage: (skip: number) => void; label: string }) {
  if (total === 0) return null;
  const last = Math.min(total, skip + limit);
  return (
    <nav className="pager" aria-label={label}>
      <span>
        {skip + 1}–{last} of {total}
      </span>
      <button type="button" className="btn btn-secondary" disabled={skip === 0} onClick={() => onPage(Math.max(0, skip - limit))}>
        Previous page
      </button>
      <button type="button" className="btn btn-secondary" disabled={last >= total} onClick={() => onPage(skip + limit)}>
        Next page
      </button>
    </nav>
  );
}

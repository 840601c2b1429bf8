import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowData, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The list procedure's sort field this column sorts by, if any. */
    sortField?: string;
    /** Minimum width in px and growth weight of the column. */
    minWidth?: number;
    grow?: number;
    /** Always shown (the record's name); not offered in the column chooser. */
    required?: boolean;
  }
}

export interface SortState {
  field: string;
  direction: 'asc' | 'desc';
}

export interface RecordTableProps<Row extends { id: number }> {
  label: string;
  columns: ColumnDef<Row, any>[];
  rows: Row[];
  total: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  sort: SortState;
  onSort: (field: string) => void;
  columnVisibility: VisibilityState;
  selectedIds: ReadonlySet<number>;
  onSelectionChange: (ids: Set<number>) => void;
  rowLabel: (row: Row) => string;
  onOpenRow: (row: Row) => void;
  /** When this changes (new filters or sort), the list starts again from the top. */
  scrollResetKey: string;
  /** Rows have selection checkboxes (the list has bulk actions). */
  selectable?: boolean;
  /** Marks a row (an inactive product is shown muted). */
  rowMuted?: (row: Row) => boolean;
}

const ROW_HEIGHT = 40;
const SELECT_COLUMN_WIDTH = 44;
/** Start fetching the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 40;

/**
 * A virtualized, keyset-paged table: only the visible rows are in the DOM, and the next page is
 * fetched as the user nears the end of the loaded rows, so 100 000 records scroll smoothly.
 */
export function RecordTable<Row extends { id: number }>(props: RecordTableProps<Row>) {
  const { label, columns, rows, total, hasNextPage, isFetchingNextPage, fetchNextPage, sort, onSort, columnVisibility } = props;
  const { selectedIds, onSelectionChange, rowLabel, onOpenRow, scrollResetKey, selectable = true, rowMuted } = props;
  const selectWidth = selectable ? SELECT_COLUMN_WIDTH : 0;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);

  // TanStack Table is not React-Compiler safe; this component is not memoized by the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { columnVisibility },
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    manualSorting: true,
  });

  const visibleColumns = table.getVisibleLeafColumns();
  const gridTemplateColumns = useMemo(
    () =>
      [...(selectable ? [`${SELECT_COLUMN_WIDTH}px`] : []), ...visibleColumns.map((column) => `minmax(${column.columnDef.meta?.minWidth ?? 120}px, ${column.columnDef.meta?.grow ?? 1}fr)`)].join(' '),
    [visibleColumns, selectable],
  );
  const minWidth = useMemo(
    () => visibleColumns.reduce((sum, column) => sum + (column.columnDef.meta?.minWidth ?? 120), selectWidth),
    [visibleColumns, selectWidth],
  );

  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisibleIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [scrollResetKey]);

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisibleIndex >= tableRows.length - PREFETCH_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastVisibleIndex, tableRows.length, fetchNextPage]);

  const allLoadedSelected = rows.length > 0 && rows.every((row) => selectedIds.has(row.id));
  const someSelected = selectedIds.size > 0 && !allLoadedSelected;

  function toggleAll() {
    onSelectionChange(allLoadedSelected ? new Set() : new Set(rows.map((row) => row.id)));
  }

  function toggleRow(id: number) {
    const next = new Set(selectedIds);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectionChange(next);
  }

  function focusRow(index: number) {
    if (index < 0 || index >= tableRows.length) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] [data-row-link]`)?.focus();
    });
  }

  function onBodyKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const rowElement = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!rowElement) return;
    event.preventDefault();
    focusRow(Number(rowElement.dataset.index) + (event.key === 'ArrowDown' ? 1 : -1));
  }

  function onRowClick(event: MouseEvent<HTMLDivElement>, row: Row) {
    const target = event.target as HTMLElement;
    if (target.closest('a, button, input, label, select')) return;
    onOpenRow(row);
  }

  return (
    <div className="record-table" role="table" aria-label={label} aria-rowcount={total + 1} ref={scrollRef}>
      <div role="rowgroup" className="record-table__head" style={{ minWidth }}>
        {table.getHeaderGroups().map((headerGroup) => (
          <div role="row" aria-rowindex={1} className="record-table__row record-table__row--head" key={headerGroup.id} style={{ gridTemplateColumns }}>
            {selectable ? (
              <div role="columnheader" className="record-table__cell record-table__cell--select">
                <input
                  type="checkbox"
                  aria-label={t('list.selectAllLoaded')}
                  checked={allLoadedSelected}
                  ref={(element) => {
                    if (element) element.indeterminate = someSelected;
                  }}
                  onChange={toggleAll}
                  disabled={rows.length === 0}
                />
              </div>
            ) : null}
            {headerGroup.headers.map((header) => {
              const sortField = header.column.columnDef.meta?.sortField;
              const active = sortField !== undefined && sort.field === sortField;
              const headerLabel = flexRender(header.column.columnDef.header, header.getContext());
              return (
                <div
                  role="columnheader"
                  key={header.id}
                  className="record-table__cell record-table__cell--head"
                  aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : sortField ? 'none' : undefined}
                >
                  {sortField ? (
                    <button type="button" className={`sort-button${active ? ' sort-button--active' : ''}`} onClick={() => onSort(sortField)}>
                      <span>{headerLabel}</span>
                      {active ? <Icon name={sort.direction === 'asc' ? 'arrowUp' : 'arrowDown'} size={13} /> : null}
                    </button>
                  ) : (
                    <span className="record-table__head-label">{headerLabel}</span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div role="rowgroup" className="record-table__body" style={{ height: virtualizer.getTotalSize(), minWidth }} onKeyDown={onBodyKeyDown}>
        {virtualItems.map((virtualRow) => {
          const row = tableRows[virtualRow.index];
          if (!row) {
            return (
              <div
                role="row"
                key="loader"
                data-index={virtualRow.index}
                className="record-table__row record-table__row--loader"
                style={{ transform: `translateY(${virtualRow.start}px)`, height: ROW_HEIGHT }}
              >
                <div role="cell" className="record-table__cell">
                  {t('list.loadingMore')}
                </div>
              </div>
            );
          }
          const selected = selectedIds.has(row.original.id);
          return (
            <div
              role="row"
              key={row.id}
              data-index={virtualRow.index}
              aria-rowindex={virtualRow.index + 2}
              aria-selected={selected}
              className={`record-table__row${selected ? ' record-table__row--selected' : ''}${rowMuted?.(row.original) ? ' record-table__row--muted' : ''}`}
              style={{ gridTemplateColumns, transform: `translateY(${virtualRow.start}px)`, height: ROW_HEIGHT }}
              onClick={(event) => onRowClick(event, row.original)}
            >
              {selectable ? (
                <div role="cell" className="record-table__cell record-table__cell--select">
                  <input
                    type="checkbox"
                    aria-label={t('list.selectRow', { name: rowLabel(row.original) })}
                    checked={selected}
                    onChange={() => toggleRow(row.original.id)}
                  />
                </div>
              ) : null}
              {row.getVisibleCells().map((cell) => (
                <div role="cell" key={cell.id} className="record-table__cell">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

import type { ColumnDef, VisibilityState } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../Link';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { Icon } from '../ui/Icon';
import { LoadingState } from '../ui/LoadingState';
import { PageHeader } from '../ui/PageHeader';
import { ColumnChooser } from './ColumnChooser';
import { RecordTable, type SortState } from './RecordTable';
import type { RecordList } from './use-record-list';

export interface RecordListPageProps<Row extends { id: number }> {
  list: RecordList<Row>;
  /** Translated texts of the page. */
  text: {
    title: string;
    /** The subtitle once the list has loaded: how many records (match). */
    count: string;
    newRecord: string;
    emptyTitle: string;
    emptyMessage: string;
    noMatchesTitle: string;
    noMatchesMessage: string;
    tableLabel: string;
  };
  /** Where the "new record" buttons lead. */
  newTo?: string;
  /** Instead of the "new record" link (a dialog, or several kinds of new record). */
  newActions?: ReactNode;
  /** Whether the list is narrowed by filters: an empty result is then "no matches", not "no records yet". */
  filtered: boolean;
  onClearFilters: () => void;
  filters: ReactNode;
  columns: ColumnDef<Row, any>[];
  /** The columns the user may show or hide (none: no column chooser). */
  chooserColumns: { id: string; label: string }[];
  columnVisibility: VisibilityState;
  onColumnVisibilityChange: (visibility: VisibilityState) => void;
  defaultColumnVisibility: VisibilityState;
  sort: SortState;
  onSort: (field: string) => void;
  rowLabel: (row: Row) => string;
  onOpenRow: (row: Row) => void;
  rowMuted?: (row: Row) => boolean;
  /** Shown while rows are selected. */
  bulkBar?: (selectedIds: Set<number>, onClear: () => void) => ReactNode;
}

/** A virtualized list page: header, filters and column chooser, bulk actions, and the table or its empty states. */
export function RecordListPage<Row extends { id: number }>(props: RecordListPageProps<Row>) {
  const { list, text, newTo, filtered } = props;
  const { query, total } = list;
  const { t } = useTranslation();

  const newLink = props.newActions ?? (
    <Link className="button button--primary" to={newTo ?? '/'}>
      <Icon name="plus" />
      <span>{text.newRecord}</span>
    </Link>
  );

  let subtitle: ReactNode;
  if (list.isCountingExactly) subtitle = t('list.counting');
  else if (query.isPlaceholderData) subtitle = t('common.searching');
  else if (query.data && list.totalCapped)
    subtitle = (
      <>
        {text.count}{' '}
        <button type="button" className="link-button" onClick={list.countExactly}>
          {t('list.countExactly')}
        </button>
      </>
    );
  else if (query.data) subtitle = text.count;

  let body;
  if (query.isPending) body = <LoadingState />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (total === 0 && !filtered) body = <EmptyState title={text.emptyTitle} message={text.emptyMessage} action={newLink} />;
  else if (total === 0)
    body = (
      <EmptyState
        title={text.noMatchesTitle}
        message={text.noMatchesMessage}
        action={
          <button type="button" className="button" onClick={props.onClearFilters}>
            {t('filters.clear')}
          </button>
        }
      />
    );
  else
    body = (
      <RecordTable
        label={text.tableLabel}
        columns={props.columns}
        rows={list.rows}
        total={total}
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={() => void query.fetchNextPage()}
        sort={props.sort}
        onSort={props.onSort}
        columnVisibility={props.columnVisibility}
        selectedIds={list.selectedIds}
        onSelectionChange={list.setSelectedIds}
        rowLabel={props.rowLabel}
        scrollResetKey={list.inputKey}
        selectable={props.bulkBar !== undefined}
        rowMuted={props.rowMuted}
        onOpenRow={props.onOpenRow}
      />
    );

  return (
    <div className="list-page">
      <PageHeader title={text.title} subtitle={subtitle} actions={newLink} />
      <div className="list-toolbar">
        {props.filters}
        {props.chooserColumns.length > 0 ? (
          <ColumnChooser
            columns={props.chooserColumns}
            visibility={props.columnVisibility}
            onChange={props.onColumnVisibilityChange}
            onReset={() => props.onColumnVisibilityChange(props.defaultColumnVisibility)}
          />
        ) : null}
      </div>
      {list.selectedIds.size > 0 && props.bulkBar ? props.bulkBar(list.selectedIds, list.clearSelection) : null}
      <div className={`list-page__body${query.isPlaceholderData ? ' list-page__body--stale' : ''}`} aria-busy={query.isFetching}>
        {body}
      </div>
    </div>
  );
}

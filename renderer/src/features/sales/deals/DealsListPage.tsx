import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { VisibilityState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealListInput } from '../../../../../db/contract/sales';
import { Link } from '../../../app/Link';
import { navigate, useRoute } from '../../../app/router';
import { useTRPC } from '../../../app/trpc';
import { EmptyState } from '../../../app/ui/EmptyState';
import { ErrorState } from '../../../app/ui/ErrorState';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useFormatters } from '../../../app/use-formatters';
import { useStoredState } from '../../../app/use-stored-state';
import { ColumnChooser } from '../../people/shared/ColumnChooser';
import { RecordTable, type SortState } from '../../people/shared/RecordTable';
import { DEAL_COLUMN_IDS, DEFAULT_DEAL_COLUMNS, useDealColumns } from './deal-columns';
import { hasDealFilters, NO_DEAL_LIST_FILTERS, type DealListFilters } from './deal-filters';
import { DealBulkBar } from './DealBulkBar';
import { DealFilters } from './DealFilters';

const PAGE_SIZE = 100;
const DEFAULT_SORT: SortState = { field: 'updatedAt', direction: 'desc' };

/** Every deal in a virtualized, keyset-paged table: the board's filters, sorting, bulk owner change and delete. */
export function DealsListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const { query } = useRoute();
  useDocumentTitle(t('deals.title'));
  const [stored, setFilters] = useStoredState<DealListFilters>('rapport.deals.filters', NO_DEAL_LIST_FILTERS, 'session');
  // A link from a board column ("12 more") opens the list on that stage.
  const [linked] = useState(() => {
    const stageId = Number(query.get('stageId'));
    return stageId > 0 ? { ...NO_DEAL_LIST_FILTERS, stageId, pipelineId: Number(query.get('pipelineId')) || null } : null;
  });
  const [usingLinked, setUsingLinked] = useState(linked !== null);
  const filters = usingLinked && linked ? linked : stored;
  const changeFilters = (next: DealListFilters) => {
    setUsingLinked(false);
    setFilters(next);
  };
  const [sort, setSort] = useStoredState<SortState>('rapport.deals.sort', DEFAULT_SORT, 'session');
  const [columnVisibility, setColumnVisibility] = useStoredState<VisibilityState>('rapport.deals.columns', DEFAULT_DEAL_COLUMNS);
  const search = useDebouncedValue(filters.search.trim(), 200);
  const columns = useDealColumns();

  const input = useMemo(
    () =>
      ({
        search: search || undefined,
        pipelineId: filters.pipelineId ?? undefined,
        stageId: filters.stageId ?? undefined,
        status: filters.status ?? undefined,
        ownerId: filters.ownerId ?? undefined,
        closeMonth: filters.closeMonth || undefined,
        sort: sort.field as DealListInput['sort'],
        order: sort.direction,
        limit: PAGE_SIZE,
      }) satisfies DealListInput,
    [search, filters.pipelineId, filters.stageId, filters.status, filters.ownerId, filters.closeMonth, sort],
  );
  const inputKey = JSON.stringify(input);
  const [selection, setSelection] = useState<{ key: string; ids: Set<number> }>({ key: inputKey, ids: new Set() });
  const selectedIds = selection.key === inputKey ? selection.ids : new Set<number>();
  const list = useInfiniteQuery({
    ...trpc.sales.deals.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.rows) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const filtered = hasDealFilters({ ...filters, search });

  function onSort(field: string) {
    setSort(sort.field === field ? { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { field, direction: field === 'title' ? 'asc' : 'desc' });
  }

  let body;
  if (list.isPending) body = <LoadingState />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (total === 0 && !filtered)
    body = (
      <EmptyState
        title={t('deals.emptyTitle')}
        message={t('deals.emptyMessage')}
        action={
          <Link className="button button--primary" to="/deals/new">
            <Icon name="plus" />
            <span>{t('deals.new')}</span>
          </Link>
        }
      />
    );
  else if (total === 0)
    body = (
      <EmptyState
        title={t('deals.noMatchesTitle')}
        message={t('contacts.noMatchesMessage')}
        action={
          <button type="button" className="button" onClick={() => changeFilters(NO_DEAL_LIST_FILTERS)}>
            {t('filters.clear')}
          </button>
        }
      />
    );
  else
    body = (
      <RecordTable
        label={t('deals.tableLabel')}
        columns={columns}
        rows={rows}
        total={total}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={() => void list.fetchNextPage()}
        sort={sort}
        onSort={onSort}
        columnVisibility={columnVisibility}
        selectedIds={selectedIds}
        onSelectionChange={(ids) => setSelection({ key: inputKey, ids })}
        rowLabel={(row) => row.title}
        scrollResetKey={inputKey}
        onOpenRow={(row) => navigate(`/deals/${row.id}`)}
      />
    );

  return (
    <div className="list-page">
      <PageHeader
        title={t('deals.title')}
        subtitle={list.isPlaceholderData ? t('common.searching') : list.data ? t(filtered ? 'deals.countFiltered' : 'deals.count', { count: total, formatted: format.number(total) }) : undefined}
        actions={
          <Link className="button button--primary" to="/deals/new">
            <Icon name="plus" />
            <span>{t('deals.new')}</span>
          </Link>
        }
      />
      <div className="list-toolbar">
        <DealFilters filters={filters} onChange={changeFilters} />
        <ColumnChooser
          columns={DEAL_COLUMN_IDS.filter((id) => id !== 'title').map((id) => ({ id, label: t(`deals.columns.${id}`) }))}
          visibility={columnVisibility}
          onChange={setColumnVisibility}
          onReset={() => setColumnVisibility(DEFAULT_DEAL_COLUMNS)}
        />
      </div>
      {selectedIds.size > 0 ? <DealBulkBar selectedIds={selectedIds} onClear={() => setSelection({ key: inputKey, ids: new Set() })} /> : null}
      <div className={`list-page__body${list.isPlaceholderData ? ' list-page__body--stale' : ''}`} aria-busy={list.isFetching}>
        {body}
      </div>
    </div>
  );
}

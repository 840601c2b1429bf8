import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { VisibilityState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyListInput } from '../../../../../db/contract/people';
import { Link } from '../../../app/Link';
import { navigate } from '../../../app/router';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { EmptyState } from '../../../app/ui/EmptyState';
import { ErrorState } from '../../../app/ui/ErrorState';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { useFormatters } from '../../../app/use-formatters';
import { useStoredState } from '../../../app/use-stored-state';
import { BulkActionsBar } from '../shared/BulkActionsBar';
import { ColumnChooser } from '../shared/ColumnChooser';
import { RecordTable, type SortState } from '../shared/RecordTable';
import { COMPANY_COLUMN_IDS, DEFAULT_COMPANY_COLUMNS, useCompanyColumns } from './company-columns';
import { hasCompanyFilters, NO_COMPANY_FILTERS, type CompanyFilterState } from './company-filters';
import { CompanyFilters } from './CompanyFilters';
import { useDocumentTitle } from '../../../app/use-document-title';

const PAGE_SIZE = 100;
const DEFAULT_SORT: SortState = { field: 'name', direction: 'asc' };

export function CompaniesListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const format = useFormatters();
  const [filters, setFilters] = useStoredState<CompanyFilterState>('rapport.companies.filters', NO_COMPANY_FILTERS, 'session');
  const [sort, setSort] = useStoredState<SortState>('rapport.companies.sort', DEFAULT_SORT, 'session');
  const [columnVisibility, setColumnVisibility] = useStoredState<VisibilityState>('rapport.companies.columns', DEFAULT_COMPANY_COLUMNS);
  const search = useDebouncedValue(filters.search.trim(), 200);
  const columns = useCompanyColumns();
  useDocumentTitle(t('companies.title'));

  const input = useMemo(
    () =>
      ({
        search: search || undefined,
        tagId: filters.tagId ?? undefined,
        ownerId: filters.ownerId ?? undefined,
        sort: sort.field as CompanyListInput['sort'],
        direction: sort.direction,
        limit: PAGE_SIZE,
      }) satisfies CompanyListInput,
    [search, filters.tagId, filters.ownerId, sort],
  );
  const inputKey = JSON.stringify(input);
  const [selection, setSelection] = useState<{ key: string; ids: Set<number> }>({ key: inputKey, ids: new Set() });
  const selectedIds = selection.key === inputKey ? selection.ids : new Set<number>();

  // Not tRPC's infiniteQueryOptions: it adds its own `direction` (forward/backward) to the input,
  // which would overwrite the list's sort `direction` (asc/desc).
  const list = useInfiniteQuery({
    queryKey: trpc.people.companies.list.infiniteQueryKey(input) as unknown as readonly unknown[],
    queryFn: ({ pageParam, signal }) => client.people.companies.list.query({ ...input, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.rows) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  // Judged on what the list was asked for (the search is debounced), so the count's wording matches it.
  const filtered = hasCompanyFilters({ ...filters, search });

  function onSort(field: string) {
    setSort(sort.field === field ? { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { field, direction: field === 'name' ? 'asc' : 'desc' });
  }

  let body;
  if (list.isPending) body = <LoadingState />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (total === 0 && !filtered)
    body = (
      <EmptyState
        title={t('companies.emptyTitle')}
        message={t('companies.emptyMessage')}
        action={
          <Link className="button button--primary" to="/companies/new">
            <Icon name="plus" />
            <span>{t('companies.new')}</span>
          </Link>
        }
      />
    );
  else if (total === 0)
    body = (
      <EmptyState
        title={t('companies.noMatchesTitle')}
        message={t('companies.noMatchesMessage')}
        action={
          <button type="button" className="button" onClick={() => setFilters(NO_COMPANY_FILTERS)}>
            {t('filters.clear')}
          </button>
        }
      />
    );
  else
    body = (
      <RecordTable
        label={t('companies.tableLabel')}
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
        rowLabel={(row) => row.name}
        scrollResetKey={inputKey}
        onOpenRow={(row) => navigate(`/companies/${row.id}`)}
      />
    );

  return (
    <div className="list-page">
      <PageHeader
        title={t('companies.title')}
        subtitle={list.isPlaceholderData ? t('common.searching') : list.data ? t(filtered ? 'companies.countFiltered' : 'companies.count', { count: total, formatted: format.number(total) }) : undefined}
        actions={
          <Link className="button button--primary" to="/companies/new">
            <Icon name="plus" />
            <span>{t('companies.new')}</span>
          </Link>
        }
      />
      <div className="list-toolbar">
        <CompanyFilters filters={filters} onChange={setFilters} />
        <ColumnChooser
          columns={COMPANY_COLUMN_IDS.filter((id) => id !== 'name').map((id) => ({ id, label: t(`fields.${id}`) }))}
          visibility={columnVisibility}
          onChange={setColumnVisibility}
          onReset={() => setColumnVisibility(DEFAULT_COMPANY_COLUMNS)}
        />
      </div>
      {selectedIds.size > 0 ? <BulkActionsBar kind="company" selectedIds={selectedIds} onClear={() => setSelection({ key: inputKey, ids: new Set() })} /> : null}
      <div className={`list-page__body${list.isPlaceholderData ? ' list-page__body--stale' : ''}`} aria-busy={list.isFetching}>
        {body}
      </div>
    </div>
  );
}

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { VisibilityState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactListInput } from '../../../../../db/contract/people';
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
import { CONTACT_COLUMN_IDS, DEFAULT_CONTACT_COLUMNS, useContactColumns } from './contact-columns';
import { hasContactFilters, NO_CONTACT_FILTERS, type ContactFilterState } from './contact-filters';
import { ContactFilters } from './ContactFilters';
import { useDocumentTitle } from '../../../app/use-document-title';

const PAGE_SIZE = 100;
const DEFAULT_SORT: SortState = { field: 'name', direction: 'asc' };

export function ContactsListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const format = useFormatters();
  const [filters, setFilters] = useStoredState<ContactFilterState>('rapport.contacts.filters', NO_CONTACT_FILTERS, 'session');
  const [sort, setSort] = useStoredState<SortState>('rapport.contacts.sort', DEFAULT_SORT, 'session');
  const [columnVisibility, setColumnVisibility] = useStoredState<VisibilityState>('rapport.contacts.columns', DEFAULT_CONTACT_COLUMNS);
  const search = useDebouncedValue(filters.search.trim(), 200);
  const columns = useContactColumns();
  useDocumentTitle(t('contacts.title'));

  const input = useMemo(
    () =>
      ({
        search: search || undefined,
        tagId: filters.tagId ?? undefined,
        lifecycle: filters.lifecycle ?? undefined,
        ownerId: filters.ownerId ?? undefined,
        companyId: filters.company?.id ?? undefined,
        vip: filters.vip ? true : undefined,
        sort: sort.field as ContactListInput['sort'],
        direction: sort.direction,
        limit: PAGE_SIZE,
      }) satisfies ContactListInput,
    [search, filters.tagId, filters.lifecycle, filters.ownerId, filters.company, filters.vip, sort],
  );
  const inputKey = JSON.stringify(input);
  // Selection belongs to one result set: changing filters or sort starts a fresh selection.
  const [selection, setSelection] = useState<{ key: string; ids: Set<number> }>({ key: inputKey, ids: new Set() });
  const selectedIds = selection.key === inputKey ? selection.ids : new Set<number>();

  // Not tRPC's infiniteQueryOptions: it adds its own `direction` (forward/backward) to the input,
  // which would overwrite the list's sort `direction` (asc/desc).
  const list = useInfiniteQuery({
    queryKey: trpc.people.contacts.list.infiniteQueryKey(input) as unknown as readonly unknown[],
    queryFn: ({ pageParam, signal }) => client.people.contacts.list.query({ ...input, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.rows) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  // Judged on what the list was asked for (the search is debounced), so the count's wording matches it.
  const filtered = hasContactFilters({ ...filters, search });

  function onSort(field: string) {
    setSort(sort.field === field ? { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { field, direction: field === 'updatedAt' || field === 'createdAt' ? 'desc' : 'asc' });
  }

  let body;
  if (list.isPending) body = <LoadingState />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (total === 0 && !filtered)
    body = (
      <EmptyState
        title={t('contacts.emptyTitle')}
        message={t('contacts.emptyMessage')}
        action={
          <Link className="button button--primary" to="/contacts/new">
            <Icon name="plus" />
            <span>{t('contacts.new')}</span>
          </Link>
        }
      />
    );
  else if (total === 0)
    body = (
      <EmptyState
        title={t('contacts.noMatchesTitle')}
        message={t('contacts.noMatchesMessage')}
        action={
          <button type="button" className="button" onClick={() => setFilters(NO_CONTACT_FILTERS)}>
            {t('filters.clear')}
          </button>
        }
      />
    );
  else
    body = (
      <RecordTable
        label={t('contacts.tableLabel')}
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
        onOpenRow={(row) => navigate(`/contacts/${row.id}`)}
      />
    );

  return (
    <div className="list-page">
      <PageHeader
        title={t('contacts.title')}
        subtitle={list.isPlaceholderData ? t('common.searching') : list.data ? t(filtered ? 'contacts.countFiltered' : 'contacts.count', { count: total, formatted: format.number(total) }) : undefined}
        actions={
          <Link className="button button--primary" to="/contacts/new">
            <Icon name="plus" />
            <span>{t('contacts.new')}</span>
          </Link>
        }
      />
      <div className="list-toolbar">
        <ContactFilters filters={filters} onChange={setFilters} />
        <ColumnChooser
          columns={CONTACT_COLUMN_IDS.filter((id) => id !== 'name').map((id) => ({ id, label: t(`fields.${id}`) }))}
          visibility={columnVisibility}
          onChange={setColumnVisibility}
          onReset={() => setColumnVisibility(DEFAULT_CONTACT_COLUMNS)}
        />
      </div>
      {selectedIds.size > 0 ? <BulkActionsBar kind="contact" selectedIds={selectedIds} onClear={() => setSelection({ key: inputKey, ids: new Set() })} /> : null}
      <div className={`list-page__body${list.isPlaceholderData ? ' list-page__body--stale' : ''}`} aria-busy={list.isFetching}>
        {body}
      </div>
    </div>
  );
}

import { useCanWrite } from '../../../app/use-can-write';
import type { VisibilityState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealListInput } from '../../../../../db/contract/sales';
import { RecordListPage } from '../../../app/lists/RecordListPage';
import type { SortState } from '../../../app/lists/RecordTable';
import { useListSort, useRecordList } from '../../../app/lists/use-record-list';
import { navigate, useRoute } from '../../../app/router';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useFormatters } from '../../../app/use-formatters';
import { useStoredState } from '../../../app/use-stored-state';
import { DEAL_COLUMN_IDS, DEFAULT_DEAL_COLUMNS, useDealColumns } from './deal-columns';
import { hasDealFilters, NO_DEAL_LIST_FILTERS, type DealListFilters } from './deal-filters';
import { DealBulkBar } from './DealBulkBar';
import { DealFilters } from './DealFilters';

const PAGE_SIZE = 100;
const DEFAULT_SORT: SortState = { field: 'updatedAt', direction: 'desc' };

/** Every deal in a virtualized, keyset-paged table: the board's filters, sorting, bulk owner change and delete. */
export function DealsListPage() {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const trpc = useTRPC();
  const client = useTRPCClient();
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
  const [sort, onSort] = useListSort('rapport.deals.sort', DEFAULT_SORT, (field) => (field === 'title' ? 'asc' : 'desc'));
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
  const list = useRecordList({
    input,
    pathKey: trpc.sales.deals.list.pathKey(),
    fetchPage: (pageInput, signal) => client.sales.deals.list.query(pageInput, { signal }),
  });
  const filtered = hasDealFilters({ ...filters, search });

  return (
    <RecordListPage
      list={list}
      text={{
        title: t('deals.title'),
        count: t(filtered ? 'deals.countFiltered' : 'deals.count', { count: list.total, formatted: list.formatTotal(format.number) }),
        newRecord: t('deals.new'),
        emptyTitle: t('deals.emptyTitle'),
        emptyMessage: t('deals.emptyMessage'),
        noMatchesTitle: t('deals.noMatchesTitle'),
        noMatchesMessage: t('contacts.noMatchesMessage'),
        tableLabel: t('deals.tableLabel'),
      }}
      newTo="/deals/new"
      filtered={filtered}
      onClearFilters={() => changeFilters(NO_DEAL_LIST_FILTERS)}
      filters={<DealFilters filters={filters} onChange={changeFilters} />}
      columns={columns}
      chooserColumns={DEAL_COLUMN_IDS.filter((id) => id !== 'title').map((id) => ({ id, label: t(`deals.columns.${id}`) }))}
      columnVisibility={columnVisibility}
      onColumnVisibilityChange={setColumnVisibility}
      defaultColumnVisibility={DEFAULT_DEAL_COLUMNS}
      sort={sort}
      onSort={onSort}
      rowLabel={(row) => row.title}
      onOpenRow={(row) => navigate(`/deals/${row.id}`)}
      // Read-only users get no New button and no bulk actions.
      newActions={canWrite ? undefined : <></>}
      bulkBar={!canWrite ? undefined : (selectedIds, onClear) => <DealBulkBar selectedIds={selectedIds} onClear={onClear} />}
    />
  );
}

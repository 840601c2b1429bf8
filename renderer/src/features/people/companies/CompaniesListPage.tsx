import { useCanWrite } from '../../../app/use-can-write';
import type { VisibilityState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyListInput } from '../../../../../db/contract/people';
import { RecordListPage } from '../../../app/lists/RecordListPage';
import type { SortState } from '../../../app/lists/RecordTable';
import { useListSort, useRecordList } from '../../../app/lists/use-record-list';
import { navigate } from '../../../app/router';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useFormatters } from '../../../app/use-formatters';
import { useStoredState } from '../../../app/use-stored-state';
import { BulkActionsBar } from '../shared/BulkActionsBar';
import { COMPANY_COLUMN_IDS, DEFAULT_COMPANY_COLUMNS, useCompanyColumns } from './company-columns';
import { hasCompanyFilters, NO_COMPANY_FILTERS, type CompanyFilterState } from './company-filters';
import { CompanyFilters } from './CompanyFilters';

const PAGE_SIZE = 100;
const DEFAULT_SORT: SortState = { field: 'name', direction: 'asc' };

export function CompaniesListPage() {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const format = useFormatters();
  const [filters, setFilters] = useStoredState<CompanyFilterState>('rapport.companies.filters', NO_COMPANY_FILTERS, 'session');
  const [sort, onSort] = useListSort('rapport.companies.sort', DEFAULT_SORT, (field) => (field === 'name' ? 'asc' : 'desc'));
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
        order: sort.direction,
        limit: PAGE_SIZE,
      }) satisfies CompanyListInput,
    [search, filters.tagId, filters.ownerId, sort],
  );
  const list = useRecordList({
    input,
    pathKey: trpc.people.companies.list.pathKey(),
    fetchPage: (pageInput, signal) => client.people.companies.list.query(pageInput, { signal }),
  });
  // Judged on what the list was asked for (the search is debounced), so the count's wording matches it.
  const filtered = hasCompanyFilters({ ...filters, search });

  return (
    <RecordListPage
      list={list}
      text={{
        title: t('companies.title'),
        count: t(filtered ? 'companies.countFiltered' : 'companies.count', { count: list.total, formatted: list.formatTotal(format.number) }),
        newRecord: t('companies.new'),
        emptyTitle: t('companies.emptyTitle'),
        emptyMessage: t('companies.emptyMessage'),
        noMatchesTitle: t('companies.noMatchesTitle'),
        noMatchesMessage: t('companies.noMatchesMessage'),
        tableLabel: t('companies.tableLabel'),
      }}
      newTo="/companies/new"
      filtered={filtered}
      onClearFilters={() => setFilters(NO_COMPANY_FILTERS)}
      filters={<CompanyFilters filters={filters} onChange={setFilters} />}
      columns={columns}
      chooserColumns={COMPANY_COLUMN_IDS.filter((id) => id !== 'name').map((id) => ({ id, label: t(`fields.${id}`) }))}
      columnVisibility={columnVisibility}
      onColumnVisibilityChange={setColumnVisibility}
      defaultColumnVisibility={DEFAULT_COMPANY_COLUMNS}
      sort={sort}
      onSort={onSort}
      rowLabel={(row) => row.name}
      onOpenRow={(row) => navigate(`/companies/${row.id}`)}
      // Read-only users get no New button and no bulk actions.
      newActions={canWrite ? undefined : <></>}
      bulkBar={!canWrite ? undefined : (selectedIds, onClear) => <BulkActionsBar kind="company" selectedIds={selectedIds} onClear={onClear} />}
    />
  );
}

import { useCanWrite } from '../../../app/use-can-write';
import type { VisibilityState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactListInput } from '../../../../../db/contract/people';
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
import { CONTACT_COLUMN_IDS, DEFAULT_CONTACT_COLUMNS, useContactColumns } from './contact-columns';
import { hasContactFilters, NO_CONTACT_FILTERS, type ContactFilterState } from './contact-filters';
import { ContactFilters } from './ContactFilters';

const PAGE_SIZE = 100;
const DEFAULT_SORT: SortState = { field: 'name', direction: 'asc' };

export function ContactsListPage() {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const format = useFormatters();
  const [filters, setFilters] = useStoredState<ContactFilterState>('rapport.contacts.filters', NO_CONTACT_FILTERS, 'session');
  const [sort, onSort] = useListSort('rapport.contacts.sort', DEFAULT_SORT, (field) => (field === 'updatedAt' || field === 'createdAt' ? 'desc' : 'asc'));
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
        order: sort.direction,
        limit: PAGE_SIZE,
      }) satisfies ContactListInput,
    [search, filters.tagId, filters.lifecycle, filters.ownerId, filters.company, filters.vip, sort],
  );
  const list = useRecordList({
    input,
    pathKey: trpc.people.contacts.list.pathKey(),
    fetchPage: (pageInput, signal) => client.people.contacts.list.query(pageInput, { signal }),
  });
  // Judged on what the list was asked for (the search is debounced), so the count's wording matches it.
  const filtered = hasContactFilters({ ...filters, search });

  return (
    <RecordListPage
      list={list}
      text={{
        title: t('contacts.title'),
        count: t(filtered ? 'contacts.countFiltered' : 'contacts.count', { count: list.total, formatted: list.formatTotal(format.number) }),
        newRecord: t('contacts.new'),
        emptyTitle: t('contacts.emptyTitle'),
        emptyMessage: t('contacts.emptyMessage'),
        noMatchesTitle: t('contacts.noMatchesTitle'),
        noMatchesMessage: t('contacts.noMatchesMessage'),
        tableLabel: t('contacts.tableLabel'),
      }}
      newTo="/contacts/new"
      filtered={filtered}
      onClearFilters={() => setFilters(NO_CONTACT_FILTERS)}
      filters={<ContactFilters filters={filters} onChange={setFilters} />}
      columns={columns}
      chooserColumns={CONTACT_COLUMN_IDS.filter((id) => id !== 'name').map((id) => ({ id, label: t(`fields.${id}`) }))}
      columnVisibility={columnVisibility}
      onColumnVisibilityChange={setColumnVisibility}
      defaultColumnVisibility={DEFAULT_CONTACT_COLUMNS}
      sort={sort}
      onSort={onSort}
      rowLabel={(row) => row.name}
      onOpenRow={(row) => navigate(`/contacts/${row.id}`)}
      // Read-only users get no New button and no bulk actions.
      newActions={canWrite ? undefined : <></>}
      bulkBar={!canWrite ? undefined : (selectedIds, onClear) => <BulkActionsBar kind="contact" selectedIds={selectedIds} onClear={onClear} />}
    />
  );
}

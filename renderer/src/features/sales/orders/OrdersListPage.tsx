import { useCanWrite } from '../../../app/use-can-write';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, QUOTE_STATUSES, type ORDER_KINDS, type OrderListInput, type OrderRow } from '../../../../../db/contract/sales';
import { Link } from '../../../app/Link';
import { RecordListPage } from '../../../app/lists/RecordListPage';
import type { SortState } from '../../../app/lists/RecordTable';
import { useListSort, useRecordList } from '../../../app/lists/use-record-list';
import { navigate } from '../../../app/router';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { Icon } from '../../../app/ui/Icon';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useFormatters } from '../../../app/use-formatters';
import { useMoney } from '../../../app/use-money';
import { useStoredState } from '../../../app/use-stored-state';
import { OrderStatusBadge } from './OrderStatusBadge';

type Kind = (typeof ORDER_KINDS)[number];
const PAGE_SIZE = 100;
const DEFAULT_SORT: SortState = { field: 'issuedAt', direction: 'desc' };

function useOrderColumns(): ColumnDef<OrderRow, any>[] {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  return useMemo<ColumnDef<OrderRow, any>[]>(
    () => [
      {
        id: 'number',
        header: t('orders.columns.number'),
        meta: { sortField: 'number', minWidth: 120, grow: 0.7, required: true },
        cell: ({ row }) => (
          <span className="cell-name">
            <Link to={`/orders/${row.original.id}`} className="cell-name__link" data-row-link>
              {row.original.number}
            </Link>
          </span>
        ),
      },
      {
        id: 'customer',
        header: t('orders.customer'),
        meta: { sortField: 'customer', minWidth: 180, grow: 1.5 },
        cell: ({ row }) => row.original.contactName ?? row.original.companyName ?? row.original.dealTitle,
      },
      { id: 'status', header: t('orders.columns.status'), meta: { sortField: 'status', minWidth: 110, grow: 0.7 }, cell: ({ row }) => <OrderStatusBadge status={row.original.status} /> },
      { id: 'issued', header: t('orders.issued'), meta: { sortField: 'issuedAt', minWidth: 110, grow: 0.7 }, cell: ({ row }) => <span className="cell-muted">{format.date(row.original.issuedAt)}</span> },
      {
        id: 'total',
        header: t('orders.columns.orderTotal'),
        meta: { sortField: 'total', minWidth: 120, grow: 0.8 },
        cell: ({ row }) => <span className="cell-tabular">{money(row.original.totalMinor, row.original.currency)}</span>,
      },
    ],
    [t, format, money],
  );
}

/** Every quote and order, newest first, by kind and status, sortable by number, customer, status, date and total. */
export function OrdersListPage() {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const trpc = useTRPC();
  const client = useTRPCClient();
  useDocumentTitle(t('orders.title'));
  const format = useFormatters();
  const [filters, setFilters] = useStoredState<{ kind: Kind | null; status: string }>('rapport.orders.filters', { kind: null, status: '' }, 'session');
  const [sort, onSort] = useListSort('rapport.orders.sort', DEFAULT_SORT, (field) => (field === 'issuedAt' || field === 'total' ? 'desc' : 'asc'));
  const statuses = filters.kind === 'quote' ? QUOTE_STATUSES : filters.kind === 'order' ? ORDER_STATUSES : [...ORDER_STATUSES, ...QUOTE_STATUSES];
  const columns = useOrderColumns();
  const input = useMemo(
    () =>
      ({
        kind: filters.kind ?? undefined,
        status: filters.status || undefined,
        sort: sort.field as OrderListInput['sort'],
        order: sort.direction,
        limit: PAGE_SIZE,
      }) satisfies OrderListInput,
    [filters.kind, filters.status, sort],
  );
  const list = useRecordList({
    input,
    pathKey: trpc.sales.orders.list.pathKey(),
    fetchPage: (pageInput, signal) => client.sales.orders.list.query(pageInput, { signal }),
  });

  return (
    <RecordListPage
      list={list}
      text={{
        title: t('orders.title'),
        count: t('orders.count', { count: list.total, formatted: list.formatTotal(format.number) }),
        newRecord: t('orders.newOrder'),
        emptyTitle: t('orders.emptyTitle'),
        emptyMessage: t('orders.emptyMessage'),
        noMatchesTitle: t('orders.noMatchesTitle'),
        noMatchesMessage: t('contacts.noMatchesMessage'),
        tableLabel: t('orders.title'),
      }}
      newActions={
        // Read-only users get no New buttons.
        canWrite ? (
        <>
          <Link className="button" to="/orders/new?kind=quote">
            <Icon name="plus" />
            <span>{t('orders.newQuote')}</span>
          </Link>
          <Link className="button button--primary" to="/orders/new?kind=order">
            <Icon name="plus" />
            <span>{t('orders.newOrder')}</span>
          </Link>
        </>
        ) : (
          <></>
        )
      }
      filtered={Boolean(filters.kind || filters.status)}
      onClearFilters={() => setFilters({ kind: null, status: '' })}
      filters={
        <div className="filters" role="search" aria-label={t('orders.filters')}>
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('orders.kind')}</legend>
            {([null, 'quote', 'order'] as const).map((kind) => (
              <label key={kind ?? 'all'} className="segmented__option">
                <input type="radio" name="orders-kind" checked={filters.kind === kind} onChange={() => setFilters({ kind, status: '' })} />
                <span>{kind ? t(`orders.kindsPlural.${kind}`) : t('orders.all')}</span>
              </label>
            ))}
          </fieldset>
          <select className="select" aria-label={t('orders.filterStatus')} value={filters.status} onChange={(event) => setFilters({ ...filters, status: event.target.value })}>
            <option value="">{t('orders.anyStatus')}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`orders.statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
      }
      columns={columns}
      chooserColumns={[]}
      columnVisibility={{}}
      onColumnVisibilityChange={() => undefined}
      defaultColumnVisibility={{}}
      sort={sort}
      onSort={onSort}
      rowLabel={(row) => row.number}
      onOpenRow={(row) => navigate(`/orders/${row.id}`)}
    />
  );
}

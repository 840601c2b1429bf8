import { useCanWrite } from '../../../app/use-can-write';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product, ProductListInput } from '../../../../../db/contract/sales';
import { RecordListPage } from '../../../app/lists/RecordListPage';
import type { SortState } from '../../../app/lists/RecordTable';
import { useListSort, useRecordList } from '../../../app/lists/use-record-list';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { Icon } from '../../../app/ui/Icon';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useFormatters } from '../../../app/use-formatters';
import { useMoney } from '../../../app/use-money';
import { useKeyboardShortcuts } from '../../../app/use-shortcuts';
import { useStoredState } from '../../../app/use-stored-state';
import { useWorkspace } from '../../../app/use-workspace';
import { SearchField } from '../../people/shared/SearchField';
import { ProductDialog } from './ProductDialog';

type ActiveFilter = 'all' | 'active' | 'inactive';
const PAGE_SIZE = 100;
const DEFAULT_SORT: SortState = { field: 'name', direction: 'asc' };

function useProductColumns(onOpen: (product: Product) => void): ColumnDef<Product, any>[] {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormatters();
  return useMemo<ColumnDef<Product, any>[]>(
    () => [
      { id: 'sku', header: t('products.fields.sku'), meta: { sortField: 'sku', minWidth: 110, grow: 0.6 }, cell: ({ row }) => <span className="code">{row.original.sku}</span> },
      {
        id: 'name',
        header: t('products.fields.name'),
        meta: { sortField: 'name', minWidth: 200, grow: 1.6, required: true },
        cell: ({ row }) => (
          <span className="cell-name">
            <button type="button" className="link-button cell-name__link" title={row.original.name} data-row-link onClick={() => onOpen(row.original)}>
              {row.original.name}
            </button>
          </span>
        ),
      },
      { id: 'category', header: t('products.fields.category'), meta: { minWidth: 110, grow: 0.8 }, cell: ({ row }) => row.original.category },
      {
        id: 'unitPrice',
        header: t('products.fields.unitPrice'),
        meta: { sortField: 'price', minWidth: 110, grow: 0.7 },
        cell: ({ row }) => <span className="cell-tabular">{money(row.original.unitPriceMinor, row.original.currency)}</span>,
      },
      {
        id: 'cost',
        header: t('products.fields.cost'),
        meta: { minWidth: 110, grow: 0.7 },
        cell: ({ row }) => <span className="cell-tabular">{row.original.costMinor === null ? '—' : money(row.original.costMinor, row.original.currency)}</span>,
      },
      {
        id: 'margin',
        header: t('products.margin'),
        meta: { minWidth: 80, grow: 0.5 },
        cell: ({ row }) => {
          const product = row.original;
          return (
            <span className="cell-tabular">
              {product.costMinor === null || product.unitPriceMinor === 0 ? '—' : format.percent(Math.round(((product.unitPriceMinor - product.costMinor) * 1000) / product.unitPriceMinor) / 1000)}
            </span>
          );
        },
      },
      {
        id: 'status',
        header: t('products.status'),
        meta: { minWidth: 90, grow: 0.5 },
        cell: ({ row }) => (row.original.active ? <span className="badge badge--stage-won">{t('products.active')}</span> : <span className="badge">{t('products.inactive')}</span>),
      },
    ],
    [t, money, format, onOpen],
  );
}

/** The catalogue: SKU, name, category, price, cost and margin, sortable by name, SKU and price; a product opens in an editor. */
export function ProductsListPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const canWrite = useCanWrite();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const workspace = useWorkspace();
  useDocumentTitle(t('products.title'));
  const [search, setSearch] = useState('');
  const [active, setActive] = useStoredState<ActiveFilter>('rapport.products.active', 'active', 'session');
  const [sort, onSort] = useListSort('rapport.products.sort', DEFAULT_SORT, () => 'asc');
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  useKeyboardShortcuts({ n: () => setEditing('new') }, editing === null);
  const debounced = useDebouncedValue(search.trim(), 200);
  const columns = useProductColumns(setEditing);

  const input = useMemo(
    () =>
      ({
        search: debounced || undefined,
        active: active === 'all' ? undefined : active === 'active',
        sort: sort.field as ProductListInput['sort'],
        order: sort.direction,
        limit: PAGE_SIZE,
      }) satisfies ProductListInput,
    [debounced, active, sort],
  );
  const list = useRecordList({
    input,
    pathKey: trpc.sales.products.list.pathKey(),
    fetchPage: (pageInput, signal) => client.sales.products.list.query(pageInput, { signal }),
  });
  // The default (active products) is not a narrowing: an empty catalogue says "no products yet".
  const filtered = Boolean(debounced) || active === 'inactive';
  const newButton = (
    <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
      <Icon name="plus" />
      <span>{t('products.new')}</span>
    </button>
  );

  return (
    <>
      <RecordListPage
        list={list}
        text={{
          title: t('products.title'),
          count: t('products.count', { count: list.total, formatted: list.formatTotal(format.number) }),
          newRecord: t('products.new'),
          emptyTitle: t('products.emptyTitle'),
          emptyMessage: t('products.emptyMessage'),
          noMatchesTitle: t('products.noMatchesTitle'),
          noMatchesMessage: t('contacts.noMatchesMessage'),
          tableLabel: t('products.title'),
        }}
        newActions={canWrite ? newButton : <></>}
        filtered={filtered}
        onClearFilters={() => {
          setSearch('');
          setActive('active');
        }}
        filters={
          <div className="filters" role="search" aria-label={t('products.filters')}>
            <SearchField label={t('products.search')} value={search} onChange={setSearch} />
            <fieldset className="segmented">
              <legend className="visually-hidden">{t('products.show')}</legend>
              {(['active', 'inactive', 'all'] as const).map((value) => (
                <label key={value} className="segmented__option">
                  <input type="radio" name="products-active" checked={active === value} onChange={() => setActive(value)} />
                  <span>{t(`products.activeFilter.${value}`)}</span>
                </label>
              ))}
            </fieldset>
          </div>
        }
        columns={columns}
        chooserColumns={[]}
        columnVisibility={{}}
        onColumnVisibilityChange={() => undefined}
        defaultColumnVisibility={{}}
        sort={sort}
        onSort={onSort}
        rowLabel={(row) => row.name}
        onOpenRow={setEditing}
        rowMuted={(row) => !row.active}
      />
      {editing ? <ProductDialog product={editing === 'new' ? undefined : editing} currency={workspace?.currency ?? 'CNY'} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

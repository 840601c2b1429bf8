import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/use-formatters';
import type { Product } from '../../../../../db/contract/sales';
import { useTRPC } from '../../../app/trpc';
import { EmptyState } from '../../../app/ui/EmptyState';
import { ErrorState } from '../../../app/ui/ErrorState';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useMoney } from '../../../app/use-money';
import { useKeyboardShortcuts } from '../../../app/use-shortcuts';
import { useStoredState } from '../../../app/use-stored-state';
import { useWorkspace } from '../../../app/use-workspace';
import { SearchField } from '../../people/shared/SearchField';
import { ProductDialog } from './ProductDialog';

type ActiveFilter = 'all' | 'active' | 'inactive';

/** The catalogue: SKU, name, category, price, cost and margin; a product opens in an editor. */
export function ProductsListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const money = useMoney();
  const format = useFormatters();
  const workspace = useWorkspace();
  useDocumentTitle(t('products.title'));
  const [search, setSearch] = useState('');
  const [active, setActive] = useStoredState<ActiveFilter>('rapport.products.active', 'active', 'session');
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  useKeyboardShortcuts({ n: () => setEditing('new') }, editing === null);
  const debounced = useDebouncedValue(search.trim(), 200);
  const list = useInfiniteQuery({
    ...trpc.sales.products.list.infiniteQueryOptions(
      { search: debounced || undefined, active: active === 'all' ? undefined : active === 'active', limit: 100 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((page) => page.rows) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <div className="list-page">
      <PageHeader
        title={t('products.title')}
        subtitle={list.data ? t('products.count', { count: total }) : undefined}
        actions={
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            <Icon name="plus" />
            <span>{t('products.new')}</span>
          </button>
        }
      />
      <div className="list-toolbar">
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
      </div>
      <div className={`list-page__scroll${list.isPlaceholderData ? ' list-page__body--stale' : ''}`}>
        {list.isPending ? <LoadingState /> : null}
        {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data && rows.length === 0 ? (
          <EmptyState
            title={debounced ? t('products.noMatchesTitle') : t('products.emptyTitle')}
            message={debounced ? undefined : t('products.emptyMessage')}
            action={
              debounced ? null : (
                <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
                  <Icon name="plus" />
                  <span>{t('products.new')}</span>
                </button>
              )
            }
          />
        ) : null}
        {rows.length > 0 ? (
          <table className="simple-table">
            <caption className="visually-hidden">{t('products.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('products.fields.sku')}</th>
                <th scope="col">{t('products.fields.name')}</th>
                <th scope="col">{t('products.fields.category')}</th>
                <th scope="col" className="numeric">
                  {t('products.fields.unitPrice')}
                </th>
                <th scope="col" className="numeric">
                  {t('products.fields.cost')}
                </th>
                <th scope="col" className="numeric">
                  {t('products.margin')}
                </th>
                <th scope="col">{t('products.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((product) => (
                <tr key={product.id} className={product.active ? undefined : 'simple-table__row--muted'}>
                  <td className="code">{product.sku}</td>
                  <th scope="row" className="simple-table__name">
                    <button type="button" className="link-button" onClick={() => setEditing(product)}>
                      {product.name}
                    </button>
                  </th>
                  <td>{product.category}</td>
                  <td className="numeric cell-tabular">{money(product.unitPriceMinor, product.currency)}</td>
                  <td className="numeric cell-tabular">{product.costMinor === null ? '—' : money(product.costMinor, product.currency)}</td>
                  <td className="numeric cell-tabular">
                    {product.costMinor === null || product.unitPriceMinor === 0 ? '—' : format.percent(Math.round(((product.unitPriceMinor - product.costMinor) * 1000) / product.unitPriceMinor) / 1000)}
                  </td>
                  <td>{product.active ? <span className="badge badge--stage-won">{t('products.active')}</span> : <span className="badge">{t('products.inactive')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {list.hasNextPage ? (
          <div className="load-more">
            <button type="button" className="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? t('common.loading') : t('orders.loadMore')}
            </button>
          </div>
        ) : null}
      </div>
      {editing ? <ProductDialog product={editing === 'new' ? undefined : editing} currency={workspace?.currency ?? 'CNY'} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

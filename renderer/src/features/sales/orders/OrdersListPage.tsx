import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, QUOTE_STATUSES, type ORDER_KINDS } from '../../../../../db/contract/sales';
import { Link } from '../../../app/Link';
import { useTRPC } from '../../../app/trpc';
import { EmptyState } from '../../../app/ui/EmptyState';
import { ErrorState } from '../../../app/ui/ErrorState';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useStoredState } from '../../../app/use-stored-state';
import { OrdersTable } from './OrdersTable';

type Kind = (typeof ORDER_KINDS)[number];

/** Every quote and order, newest first, by kind and status. */
export function OrdersListPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  useDocumentTitle(t('orders.title'));
  const [filters, setFilters] = useStoredState<{ kind: Kind | null; status: string }>('rapport.orders.filters', { kind: null, status: '' }, 'session');
  const list = useInfiniteQuery({
    ...trpc.sales.orders.list.infiniteQueryOptions({ kind: filters.kind ?? undefined, status: filters.status || undefined, limit: 100 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((page) => page.rows) ?? [];
  const statuses = filters.kind === 'quote' ? QUOTE_STATUSES : filters.kind === 'order' ? ORDER_STATUSES : [...ORDER_STATUSES, ...QUOTE_STATUSES];
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <div className="list-page">
      <PageHeader
        title={t('orders.title')}
        subtitle={list.data ? t('orders.count', { count: total }) : undefined}
        actions={
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
        }
      />
      <div className="list-toolbar">
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
      </div>
      <div className="list-page__scroll">
        {list.isPending ? <LoadingState /> : null}
        {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data && rows.length === 0 ? <EmptyState title={t('orders.emptyTitle')} message={t('orders.emptyMessage')} /> : null}
        {rows.length > 0 ? <OrdersTable orders={rows} label={t('orders.title')} /> : null}
        {list.hasNextPage ? (
          <div className="load-more">
            <button type="button" className="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? t('common.loading') : t('orders.loadMore')}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

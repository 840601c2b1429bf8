import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../../../db/contract/sales';
import { Link } from '../../../app/Link';
import { withQuery } from '../../../app/router';
import { useTRPC } from '../../../app/trpc';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { OrdersTable } from '../orders/OrdersTable';

/** The deal's quotes and orders, with "New quote" and "New order" in the deal's currency. */
export function DealOrdersPanel({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const orders = useQuery(trpc.sales.orders.list.queryOptions({ dealId: deal.id, limit: 100 }));
  const rows = orders.data?.rows ?? [];
  return (
    <section className="card" aria-labelledby="deal-orders-title">
      <div className="card__header">
        <h2 id="deal-orders-title" className="card__title">
          {t('deals.orders')}
          {rows.length > 0 ? <span className="card__count">{rows.length}</span> : null}
        </h2>
        <div className="card__actions">
          <Link className="button button--small" to={withQuery('/orders/new', { kind: 'quote', dealId: deal.id })}>
            <Icon name="plus" />
            <span>{t('orders.newQuote')}</span>
          </Link>
          <Link className="button button--small" to={withQuery('/orders/new', { kind: 'order', dealId: deal.id })}>
            <Icon name="plus" />
            <span>{t('orders.newOrder')}</span>
          </Link>
        </div>
      </div>
      {orders.isPending ? <LoadingState /> : null}
      {orders.data && rows.length === 0 ? <p className="muted">{t('deals.noOrders')}</p> : null}
      {rows.length > 0 ? <OrdersTable orders={rows} label={t('deals.orders')} showCustomer={false} /> : null}
    </section>
  );
}

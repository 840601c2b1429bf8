import { useCanWrite } from '../../../app/use-can-write';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/Link';
import { withQuery } from '../../../app/router';
import { useTRPC } from '../../../app/trpc';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { useFormatters } from '../../../app/use-formatters';
import { useMoney } from '../../../app/use-money';
import { useWorkspace } from '../../../app/use-workspace';
import { OrdersTable } from '../orders/OrdersTable';
import { MoneyTotalsText } from '../shared/MoneyTotalsText';
import { StageBadge } from '../shared/StageBadge';

/** A contact's or company's business: lifetime revenue, deals, quotes and orders, and the buttons to add more. */
export function CustomerSalesPanel({ kind, id, name }: { kind: 'contact' | 'company'; id: number; name: string }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const trpc = useTRPC();
  const format = useFormatters();
  const money = useMoney();
  const workspace = useWorkspace();
  const sales = useQuery(trpc.sales.customer.queryOptions({ kind, id }));
  const customer = kind === 'contact' ? { contactId: id, contactName: name } : { companyId: id, companyName: name };
  const data = sales.data;
  return (
    <section className="card" aria-labelledby={`sales-title-${kind}-${id}`}>
      <div className="card__header">
        <h2 id={`sales-title-${kind}-${id}`} className="card__title">
          {t('customerSales.title')}
        </h2>
        {canWrite ? (
        <div className="card__actions">
          <Link className="button button--small" to={withQuery('/deals/new', { ...customer, title: name })}>
            <Icon name="plus" />
            <span>{t('deals.new')}</span>
          </Link>
          <Link className="button button--small" to={withQuery('/orders/new', { kind: 'quote', ...customer })}>
            <Icon name="plus" />
            <span>{t('orders.newQuote')}</span>
          </Link>
          <Link className="button button--small" to={withQuery('/orders/new', { kind: 'order', ...customer })}>
            <Icon name="plus" />
            <span>{t('orders.newOrder')}</span>
          </Link>
        </div>
        ) : null}
      </div>
      {sales.isPending ? <LoadingState /> : null}
      {data ? (
        <>
          <dl className="stat-row">
            <div className="stat">
              <dt>{t('customerSales.lifetimeRevenue')}</dt>
              <dd>
                <MoneyTotalsText totals={data.lifetimeRevenue} empty={money(0, data.orders[0]?.currency ?? data.deals[0]?.currency ?? workspace?.currency ?? 'USD')} />
              </dd>
            </div>
            <div className="stat">
              <dt>{t('customerSales.openDeals')}</dt>
              <dd className="cell-tabular">{format.number(data.deals.filter((deal) => deal.stageKind === 'open').length)}</dd>
            </div>
            <div className="stat">
              <dt>{t('customerSales.orders')}</dt>
              <dd className="cell-tabular">{format.number(data.orders.filter((order) => order.kind === 'order').length)}</dd>
            </div>
          </dl>
          <h3 className="subsection-title">{t('customerSales.deals')}</h3>
          {data.deals.length === 0 ? (
            <p className="muted">{t('customerSales.noDeals')}</p>
          ) : (
            <ul className="people-list" aria-label={t('customerSales.deals')}>
              {data.deals.map((deal) => (
                <li key={deal.id} className="people-list__item">
                  <span className="people-list__text">
                    <Link to={`/deals/${deal.id}`} className="people-list__name">
                      {deal.title}
                    </Link>
                    <span className="muted">{[deal.expectedCloseDate ? format.isoDate(deal.expectedCloseDate) : null, deal.ownerName].filter(Boolean).join(' · ')}</span>
                  </span>
                  <span className="cell-tabular">{money(deal.amountMinor, deal.currency)}</span>
                  <StageBadge name={deal.stageName} kind={deal.stageKind} />
                </li>
              ))}
            </ul>
          )}
          <h3 className="subsection-title">{t('customerSales.quotesAndOrders')}</h3>
          {data.orders.length === 0 ? <p className="muted">{t('customerSales.noOrders')}</p> : <OrdersTable orders={data.orders} label={t('customerSales.quotesAndOrders')} showCustomer={false} />}
        </>
      ) : null}
    </section>
  );
}

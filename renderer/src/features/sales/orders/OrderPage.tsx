import { useCanWrite } from '../../../app/use-can-write';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf } from '../../../app/errors';
import { Link } from '../../../app/Link';
import { refreshAfterWrite } from '../../../app/live-refresh/live-refresh';
import { navigate } from '../../../app/router';
import { showErrorToast } from '../../../app/show-error-toast';
import { showToast } from '../../../app/toast-store';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { BackLink } from '../../../app/ui/BackLink';
import { EmptyState } from '../../../app/ui/EmptyState';
import { ErrorState } from '../../../app/ui/ErrorState';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useFormatters } from '../../../app/use-formatters';
import { DetailItem } from '../../people/shared/DetailItem';
import { formValuesToOrderInput, orderLinesToValues, type OrderFormValues } from './order-form-values';
import { OrderEvents } from './OrderEvents';
import { OrderForm } from './OrderForm';
import { OrderLinesTable } from './OrderLinesTable';
import { OrderStatusActions } from './OrderStatusActions';
import { OrderStatusBadge } from './OrderStatusBadge';
import { HistoryPanel } from '../../system/history/HistoryPanel';
import { OrderTotals } from './OrderTotals';

/** A quote or order: its lines and totals, the next status steps, and every status change. */
export function OrderPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const format = useFormatters();
  const order = useQuery({ ...trpc.sales.orders.get.queryOptions({ id }), meta: { silent: true } });
  const [editing, setEditing] = useState(false);
  const update = useMutation({ ...trpc.sales.orders.update.mutationOptions(), meta: { handledErrors: ['VALIDATION'] } });
  const remove = useMutation(trpc.sales.orders.remove.mutationOptions());
  useDocumentTitle(order.data?.number);

  if (order.isPending) return <LoadingState />;
  if (order.isError) {
    if (errorCodeOf(order.error) === 'NOT_FOUND')
      return (
        <EmptyState
          title={t('orders.notFound')}
          message={t('record.notFoundMessage')}
          action={
            <Link className="button" to="/orders">
              {t('nav.orders')}
            </Link>
          }
        />
      );
    return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  }
  const data = order.data;
  // As the core allows: a quote until it is accepted, an order until it is paid or shipped.
  const editable = data.status === 'draft' || data.status === 'sent' || data.status === 'placed';

  async function saveLines(values: OrderFormValues) {
    const input = formValuesToOrderInput(values, data.dealId);
    await update.mutateAsync({ id: data.id, version: data.version, patch: { lines: input.lines, note: input.note ?? null } });
    showToast({ tone: 'success', message: { key: 'orders.saved', values: { number: data.number } } });
    setEditing(false);
  }

  async function moveToTrash() {
    await remove.mutateAsync({ id: data.id, version: data.version });
    navigate(data.dealId ? `/deals/${data.dealId}` : '/orders');
    showToast({
      message: { key: 'orders.deleted', values: { number: data.number } },
      action: {
        label: { key: 'common.undo' },
        run: () =>
          void client.system.trash.restore
            .mutate({ kind: 'order', id: data.id })
            .then(() => refreshAfterWrite(queryClient))
            .catch(showErrorToast),
      },
    });
  }

  const customerName = data.contactName ?? data.companyName;
  return (
    <div className="record-page">
      <BackLink to={data.dealId ? `/deals/${data.dealId}` : '/orders'} label={data.dealTitle ?? t('nav.orders')} />
      <PageHeader
        leading={
          <span className="avatar avatar--large avatar--square" aria-hidden="true">
            <Icon name="receipt" size={18} />
          </span>
        }
        title={
          <>
            {data.number}
            <OrderStatusBadge status={data.status} />
          </>
        }
        subtitle={[t(`orders.kinds.${data.kind}`), customerName, format.date(data.issuedAt)].filter(Boolean).join(' · ')}
        actions={
          editing || !canWrite ? null : (
            <>
              {editable ? (
                <button type="button" className="button" onClick={() => setEditing(true)}>
                  <Icon name="edit" />
                  <span>{t('orders.editLines')}</span>
                </button>
              ) : null}
              <button type="button" className="button button--danger-ghost" onClick={() => void moveToTrash().catch(() => undefined)} disabled={remove.isPending}>
                <Icon name="trash" />
                <span>{t('common.delete')}</span>
              </button>
            </>
          )
        }
      />
      <div className="record-layout">
        <div className="record-layout__main">
          <section className="card" aria-labelledby="order-lines-title">
            <h2 id="order-lines-title" className="card__title">
              {t('orders.lines')}
              <span className="card__count">{data.lines.length}</span>
            </h2>
            {editing ? (
              <OrderForm
                mode="edit"
                dealId={data.dealId}
                initialValues={{ kind: data.kind, customer: null, currency: data.currency, note: data.note ?? '', lines: orderLinesToValues(data) }}
                submitLabel={t('common.save')}
                onSubmit={saveLines}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <>
                <OrderLinesTable order={data} />
                <div className="line-editor__footer">
                  <span />
                  <OrderTotals totals={data} currency={data.currency} />
                </div>
                {data.note ? <p className="pre-wrap order-note">{data.note}</p> : null}
              </>
            )}
          </section>
          <section className="card" aria-labelledby="order-status-title">
            <h2 id="order-status-title" className="card__title">
              {t('orders.statusTitle')}
            </h2>
            <OrderStatusActions key={data.version} order={data} />
          </section>
        </div>
        <aside className="record-layout__side">
          <section className="card" aria-labelledby="order-about-title">
            <h2 id="order-about-title" className="card__title">
              {t('orders.about')}
            </h2>
            <dl className="details details--single">
              <DetailItem label={t('orders.customer')}>
                {data.contactId ? <Link to={`/contacts/${data.contactId}`}>{data.contactName}</Link> : null}
                {data.contactId && data.companyId ? ' · ' : null}
                {data.companyId ? <Link to={`/companies/${data.companyId}`}>{data.companyName}</Link> : null}
              </DetailItem>
              <DetailItem label={t('orders.deal')}>{data.dealId ? <Link to={`/deals/${data.dealId}`}>{data.dealTitle}</Link> : null}</DetailItem>
              <DetailItem label={t('orders.issued')}>{format.dateTime(data.issuedAt)}</DetailItem>
              {data.quoteId ? (
                <DetailItem label={t('orders.fromQuote')}>
                  <Link to={`/orders/${data.quoteId}`}>{t('orders.openQuote')}</Link>
                </DetailItem>
              ) : null}
              {data.convertedToId ? (
                <DetailItem label={t('orders.convertedTo')}>
                  <Link to={`/orders/${data.convertedToId}`}>{t('orders.openOrder')}</Link>
                </DetailItem>
              ) : null}
            </dl>
          </section>
          <section className="card" aria-labelledby="order-events-title">
            <h2 id="order-events-title" className="card__title">
              {t('orders.events')}
            </h2>
            <OrderEvents events={data.events} />
          </section>
          <HistoryPanel kind="order" id={data.id} />
        </aside>
      </div>
    </div>
  );
}

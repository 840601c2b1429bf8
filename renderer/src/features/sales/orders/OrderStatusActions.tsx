import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_TRANSITIONS, type Order, type OrderStatus } from '../../../../../db/contract/sales';
import { dateTimeInputValue, parseDateTimeInput } from '../../../app/dates';
import { errorCodeOf } from '../../../app/errors';
import { navigate } from '../../../app/router';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { DateTimeField } from '../../../app/ui/DateFields';

/**
 * The next steps an order (or quote) may take, and only those: placed → paid → shipped →
 * delivered, returns; each dated (today by default, or when it really happened). An accepted
 * quote converts to an order.
 */
export function OrderStatusActions({ order }: { order: Order }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // Untouched, the change is dated "now" by the core (to the millisecond); the input only says which minute.
  const [when, setWhen] = useState<{ value: string; edited: boolean }>(() => ({ value: dateTimeInputValue(Date.now()), edited: false }));
  const [note, setNote] = useState('');
  const setStatus = useMutation({ ...trpc.sales.orders.setStatus.mutationOptions(), meta: { handledErrors: ['CONFLICT'] } });
  const convert = useMutation(trpc.sales.orders.convertQuote.mutationOptions());
  const next = STATUS_TRANSITIONS[order.status].filter((status) => status !== 'converted');
  // The core records the acceptance on the way when a draft or sent quote is converted.
  const canConvert = order.kind === 'quote' && (order.status === 'accepted' || STATUS_TRANSITIONS[order.status].includes('accepted'));
  const busy = setStatus.isPending || convert.isPending;
  const at = parseDateTimeInput(when.value);

  async function change(status: OrderStatus) {
    try {
      await setStatus.mutateAsync({ id: order.id, version: order.version, status, at: when.edited && at !== null ? at : undefined, note: note || null });
      setNote('');
      showToast({ tone: 'success', message: { key: 'orders.statusChanged', values: { number: order.number, status: t(`orders.statuses.${status}`) } } });
    } catch (error) {
      if (errorCodeOf(error) === 'CONFLICT') showToast({ tone: 'error', message: { key: 'orders.conflict' } });
    }
  }

  async function convertQuote() {
    const created = await convert.mutateAsync({ id: order.id, version: order.version });
    showToast({ tone: 'success', message: { key: 'orders.converted', values: { quote: order.number, number: created.number } } });
    navigate(`/orders/${created.id}`);
  }

  if (next.length === 0 && !canConvert) return <p className="muted">{t('orders.final')}</p>;
  return (
    <div className="status-actions">
      <div className="status-actions__inputs">
        <DateTimeField layout="inline" small label={t('orders.statusDate')} value={when.value} onChange={(value) => setWhen({ value, edited: true })} invalid={at === null} />
        <label className="inline-field inline-field--grow">
          <span>{t('orders.statusNote')}</span>
          <input className="input input--small" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
        </label>
      </div>
      <div className="status-actions__buttons">
        {canConvert ? (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void convertQuote().catch(() => undefined)}>
            {t('orders.convertToOrder')}
          </button>
        ) : null}
        {next.map((status) => (
          <button
            key={status}
            type="button"
            className={status === 'cancelled' || status === 'returned' || status === 'declined' ? 'button button--danger-ghost' : 'button'}
            disabled={busy || at === null}
            onClick={() => void change(status)}
          >
            {t(`orders.actions.${status}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

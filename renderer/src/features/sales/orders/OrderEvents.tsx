import { useTranslation } from 'react-i18next';
import type { OrderEvent } from '../../../../../db/contract/sales';
import { useFormatters } from '../../../app/use-formatters';
import { OrderStatusBadge } from './OrderStatusBadge';

/** The order's status changes, newest first, each with its date and who recorded it. */
export function OrderEvents({ events }: { events: OrderEvent[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const ordered = [...events].sort((a, b) => b.at - a.at || b.id - a.id);
  if (ordered.length === 0) return <p className="muted">{t('orders.noEvents')}</p>;
  return (
    <ol className="history" aria-label={t('orders.events')}>
      {ordered.map((event) => (
        <li key={event.id} className="history__entry">
          <p className="history__summary">
            <OrderStatusBadge status={event.status} />
            <time dateTime={new Date(event.at).toISOString()} className="muted">
              {format.dateTime(event.at)}
            </time>
            {event.userName ? <span className="muted">{event.userName}</span> : null}
          </p>
          {event.note ? <p className="history__changes">{event.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

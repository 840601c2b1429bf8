import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../../../../db/contract/sales';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--status-${status}`}>{t(`orders.statuses.${status}`)}</span>;
}

import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../../../../../db/contract/sales';
import { Link } from '../../../app/Link';
import { useFormatters } from '../../../app/use-formatters';
import { useMoney } from '../../../app/use-money';
import { OrderStatusBadge } from './OrderStatusBadge';

/** Quotes and orders in a plain table: number, customer, status, issued, total. */
export function OrdersTable({ orders, label, showCustomer = true }: { orders: OrderRow[]; label: string; showCustomer?: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  return (
    <table className="simple-table">
      <caption className="visually-hidden">{label}</caption>
      <thead>
        <tr>
          <th scope="col">{t('orders.columns.number')}</th>
          {showCustomer ? <th scope="col">{t('orders.customer')}</th> : null}
          <th scope="col">{t('orders.columns.status')}</th>
          <th scope="col">{t('orders.issued')}</th>
          <th scope="col" className="numeric">
            {t('orders.columns.orderTotal')}
          </th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id}>
            <th scope="row" className="simple-table__name">
              <Link to={`/orders/${order.id}`}>{order.number}</Link>
            </th>
            {showCustomer ? <td>{order.contactName ?? order.companyName ?? order.dealTitle}</td> : null}
            <td>
              <OrderStatusBadge status={order.status} />
            </td>
            <td>{format.date(order.issuedAt)}</td>
            <td className="numeric cell-tabular">{money(order.totalMinor, order.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

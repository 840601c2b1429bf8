import { useTranslation } from 'react-i18next';
import type { OrderAmounts } from '../../../../../db/contract/money';
import { useMoney } from '../../../app/use-money';

/** Subtotal, discount and total: the sum of the rounded lines, exact to the minor unit. */
export function OrderTotals({ totals, currency, live = false }: { totals: OrderAmounts; currency: string; live?: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <table className="order-totals" aria-label={t('orders.totals')} aria-live={live ? 'polite' : undefined}>
      <tbody>
        <tr>
          <th scope="row">{t('orders.subtotal')}</th>
          <td className="cell-tabular">{money(totals.subtotalMinor, currency)}</td>
        </tr>
        <tr>
          <th scope="row">{t('orders.discountTotal')}</th>
          <td className="cell-tabular">{totals.discountMinor > 0 ? `−${money(totals.discountMinor, currency)}` : money(0, currency)}</td>
        </tr>
        <tr className="order-totals__total">
          <th scope="row">{t('orders.total')}</th>
          <td className="cell-tabular">{money(totals.totalMinor, currency)}</td>
        </tr>
      </tbody>
    </table>
  );
}

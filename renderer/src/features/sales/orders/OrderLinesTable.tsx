import { useTranslation } from 'react-i18next';
import type { Order } from '../../../../../db/contract/sales';
import { useFormatters } from '../../../app/use-formatters';
import { useMoney } from '../../../app/use-money';

/** The saved lines of a quote or order, with each line's exact amounts. */
export function OrderLinesTable({ order }: { order: Order }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormatters();
  return (
    <div className="line-editor__scroll">
      <table className="simple-table">
        <caption className="visually-hidden">{t('orders.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('orders.columns.description')}</th>
            <th scope="col" className="numeric">
              {t('orders.columns.quantity')}
            </th>
            <th scope="col" className="numeric">
              {t('orders.columns.unitPrice')}
            </th>
            <th scope="col" className="numeric">
              {t('orders.columns.discount')}
            </th>
            <th scope="col" className="numeric">
              {t('orders.columns.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <th scope="row">
                {line.description}
                {line.productSku ? <span className="muted code"> {line.productSku}</span> : null}
              </th>
              <td className="numeric cell-tabular">{format.number(line.quantity)}</td>
              <td className="numeric cell-tabular">{money(line.unitPriceMinor, order.currency)}</td>
              <td className="numeric cell-tabular">
                {line.discount.type === 'percent' ? `${format.percent(line.discount.basisPoints / 10_000)} (−${money(line.discountMinor, order.currency)})` : null}
                {line.discount.type === 'amount' ? `−${money(line.discountMinor, order.currency)}` : null}
              </td>
              <td className="numeric cell-tabular">{money(line.totalMinor, order.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

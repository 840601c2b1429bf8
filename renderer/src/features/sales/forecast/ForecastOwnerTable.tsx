import { useTranslation } from 'react-i18next';
import type { ForecastOwner } from '../../../../../db/contract/sales';
import { useMoney } from '../../../app/use-money';

/** Weighted pipeline and won revenue per owner, in one currency, largest first. */
export function ForecastOwnerTable({ owners, currency }: { owners: ForecastOwner[]; currency: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const rows = owners.filter((owner) => owner.currency === currency).sort((a, b) => b.weightedMinor + b.wonMinor - (a.weightedMinor + a.wonMinor));
  if (rows.length === 0) return <p className="muted">{t('forecast.noOwners')}</p>;
  const total = rows.reduce((sum, owner) => ({ weighted: sum.weighted + owner.weightedMinor, won: sum.won + owner.wonMinor }), { weighted: 0, won: 0 });
  return (
    <table className="simple-table">
      <caption className="visually-hidden">{t('forecast.byOwner')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('deals.fields.owner')}</th>
          <th scope="col" className="numeric">
            {t('forecast.weighted')}
          </th>
          <th scope="col" className="numeric">
            {t('forecast.won')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((owner) => (
          <tr key={`${owner.ownerId ?? 'none'}-${owner.currency}`}>
            <th scope="row">{owner.ownerName ?? t('deals.noOwner')}</th>
            <td className="numeric cell-tabular">{money(owner.weightedMinor, currency)}</td>
            <td className="numeric cell-tabular">{money(owner.wonMinor, currency)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('forecast.total')}</th>
          <td className="numeric cell-tabular">{money(total.weighted, currency)}</td>
          <td className="numeric cell-tabular">{money(total.won, currency)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

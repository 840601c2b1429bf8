import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/use-formatters';
import { useMoney } from '../../../app/use-money';
import type { ForecastPoint } from './forecast-data';

/** The chart's figures as a table: exact amounts, and the deal counts behind them. */
export function ForecastMonthTable({ points, currency }: { points: ForecastPoint[]; currency: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormatters();
  return (
    <table className="simple-table">
      <caption className="visually-hidden">{t('forecast.byMonth')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('forecast.month')}</th>
          <th scope="col" className="numeric">
            {t('forecast.weighted')}
          </th>
          <th scope="col" className="numeric">
            {t('forecast.open')}
          </th>
          <th scope="col" className="numeric">
            {t('forecast.won')}
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.month}>
            <th scope="row">{format.month(point.month)}</th>
            <td className="numeric cell-tabular">{money(point.weightedMinor, currency)}</td>
            <td className="numeric cell-tabular">
              {money(point.openMinor, currency)} <span className="muted">({t('forecast.deals', { count: point.openCount, formatted: format.number(point.openCount) })})</span>
            </td>
            <td className="numeric cell-tabular">
              {money(point.wonMinor, currency)} <span className="muted">({t('forecast.deals', { count: point.wonCount, formatted: format.number(point.wonCount) })})</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

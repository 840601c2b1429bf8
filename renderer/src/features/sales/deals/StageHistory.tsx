import { useTranslation } from 'react-i18next';
import type { StageVisit } from '../../../../../db/contract/sales';
import { durationParts } from '../../../app/dates';
import { useFormatters } from '../../../app/use-formatters';
import { useNow } from '../../../app/use-now';

/** Every stage the deal passed through: entered, left, and how long it stayed. */
export function StageHistory({ visits }: { visits: StageVisit[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const now = useNow();
  const ordered = [...visits].sort((a, b) => b.enteredAt - a.enteredAt);
  const first = visits.reduce((min, visit) => Math.min(min, visit.enteredAt), Number.POSITIVE_INFINITY);
  const last = visits.every((visit) => visit.leftAt !== null) ? Math.max(...visits.map((visit) => visit.leftAt ?? 0)) : now;

  function duration(ms: number) {
    const { days, hours, minutes } = durationParts(ms);
    if (days > 0) return t('stageHistory.days', { days, hours });
    if (hours > 0) return t('stageHistory.hours', { hours, minutes });
    return t('stageHistory.minutes', { minutes });
  }

  return (
    <section className="card" aria-labelledby="deal-stage-history">
      <h2 id="deal-stage-history" className="card__title">
        {t('stageHistory.title')}
      </h2>
      {ordered.length === 0 ? (
        <p className="muted">{t('stageHistory.none')}</p>
      ) : (
        <>
          <table className="simple-table simple-table--compact">
            <caption className="visually-hidden">{t('stageHistory.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stageHistory.stage')}</th>
                <th scope="col">{t('stageHistory.entered')}</th>
                <th scope="col">{t('stageHistory.timeInStage')}</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((visit) => (
                <tr key={`${visit.stageId}-${visit.enteredAt}`}>
                  <th scope="row">{visit.stageName}</th>
                  <td>
                    <time dateTime={new Date(visit.enteredAt).toISOString()} title={format.dateTime(visit.enteredAt)}>
                      {format.date(visit.enteredAt)}
                    </time>
                  </td>
                  <td className="cell-tabular">
                    {duration((visit.leftAt ?? now) - visit.enteredAt)}
                    {visit.leftAt === null ? <span className="muted"> {t('stageHistory.current')}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {Number.isFinite(first) ? <p className="field__hint stage-history__cycle">{t('stageHistory.cycle', { duration: duration(last - first) })}</p> : null}
        </>
      )}
    </section>
  );
}

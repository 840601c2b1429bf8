import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/use-formatters';
import type { Deal, Pipeline } from '../../../../../db/contract/sales';
import { useMoveDeal } from '../board/use-move-deal';

/** The deal's place in its pipeline: a stage picker with "Move", and one-click Won / Lost. */
export function DealStagePanel({ deal, pipeline }: { deal: Deal; pipeline: Pipeline | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { requestMove, dialog, movingId } = useMoveDeal();
  const [chosen, setChosen] = useState(String(deal.stageId));
  const stages = pipeline?.stages ?? [];
  const won = stages.find((stage) => stage.kind === 'won');
  const lost = stages.find((stage) => stage.kind === 'lost');
  const target = stages.find((stage) => String(stage.id) === chosen);
  const busy = movingId === deal.id;

  return (
    <section className="card" aria-labelledby="deal-stage-title">
      <h2 id="deal-stage-title" className="card__title">
        {t('deals.stageTitle')}
      </h2>
      <ol className="stage-path" aria-label={t('deals.stagePath')}>
        {stages.map((stage) => (
          <li key={stage.id} className={`stage-path__step stage-path__step--${stage.kind}${stage.id === deal.stageId ? ' stage-path__step--current' : ''}`} aria-current={stage.id === deal.stageId ? 'step' : undefined}>
            {stage.name}
          </li>
        ))}
      </ol>
      <form
        className="stage-move"
        onSubmit={(event) => {
          event.preventDefault();
          if (target) requestMove(deal, target);
        }}
      >
        <label className="inline-field">
          <span>{t('deals.moveToStage')}</span>
          <select className="select" value={chosen} onChange={(event) => setChosen(event.target.value)}>
            {stages.map((stage) => (
              <option key={stage.id} value={String(stage.id)}>
                {stage.name} ({format.percent(stage.probability / 100)})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={busy || !target || target.id === deal.stageId}>
          {t('deals.move')}
        </button>
        <span className="stage-move__quick">
          {won && deal.stageId !== won.id ? (
            <button type="button" className="button button--success" disabled={busy} onClick={() => requestMove(deal, won)}>
              {t('deals.markWon')}
            </button>
          ) : null}
          {lost && deal.stageId !== lost.id ? (
            <button type="button" className="button button--danger-ghost" disabled={busy} onClick={() => requestMove(deal, lost)}>
              {t('deals.markLost')}
            </button>
          ) : null}
        </span>
      </form>
      {dialog}
    </section>
  );
}

import { useDroppable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { BoardColumn as BoardColumnData, Stage } from '../../../../../db/contract/sales';
import { Link } from '../../../app/Link';
import { withQuery } from '../../../app/router';
import { useFormatters } from '../../../app/use-formatters';
import { useMoney } from '../../../app/use-money';
import { DealCard } from './DealCard';

/** One stage of the board: its count, sum and weighted sum per currency, and its cards (a drop target). */
export function BoardColumn({
  column,
  stages,
  onMove,
  movingId,
}: {
  column: BoardColumnData;
  stages: Stage[];
  onMove: (dealId: number, stage: Stage) => void;
  movingId: number | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  const { stage } = column;
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${stage.id}`, data: { stage } });
  const titleId = `board-column-${stage.id}`;
  const hidden = column.count - column.deals.length;
  return (
    <section ref={setNodeRef} className={`board-column board-column--${stage.kind}${isOver ? ' board-column--over' : ''}`} aria-labelledby={titleId}>
      <header className="board-column__header">
        <div className="board-column__title-row">
          <h2 id={titleId} className="board-column__title">
            {stage.name}
          </h2>
          <span className="card__count" aria-label={t('board.dealCount', { count: column.count })}>
            {format.number(column.count)}
          </span>
          <span className="board-column__probability" title={t('board.probability')}>
            {format.percent(stage.probability / 100)}
          </span>
        </div>
        {column.totals.length > 0 ? (
          <dl className="board-column__totals">
            {column.totals.map((total) => (
              <div key={total.currency} className="board-column__total">
                <dt>{t('board.sum')}</dt>
                <dd className="cell-tabular">{money(total.amountMinor, total.currency)}</dd>
                <dt>{t('board.weighted')}</dt>
                <dd className="cell-tabular">{money(total.weightedMinor, total.currency)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="board-column__totals muted">{t('board.noDeals')}</p>
        )}
      </header>
      <ul className="board-column__cards" aria-label={t('board.cardsIn', { stage: stage.name })}>
        {column.deals.map((deal) => (
          <DealCard key={deal.id} deal={deal} stages={stages} onMove={(target) => onMove(deal.id, target)} moving={movingId === deal.id} />
        ))}
      </ul>
      {hidden > 0 ? (
        <Link className="board-column__more" to={withQuery('/deals', { stageId: stage.id, pipelineId: stage.pipelineId })}>
          {t('board.more', { count: hidden })}
        </Link>
      ) : null}
    </section>
  );
}

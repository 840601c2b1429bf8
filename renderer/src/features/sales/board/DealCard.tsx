import { useDraggable } from '@dnd-kit/core';
import type { KeyboardEventHandler, PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealRow, Stage } from '../../../../../db/contract/sales';
import { Icon } from '../../../app/ui/Icon';
import { DealCardContent } from './DealCardContent';
import { MoveDealMenu } from './MoveDealMenu';

/**
 * A deal on the board. Drag it with the pointer anywhere on the card, or from the keyboard with its
 * handle (Space, ← →, Space); "Move to…" does the same from a menu.
 */
export function DealCard({ deal, stages, onMove, moving }: { deal: DealRow; stages: Stage[]; onMove: (stage: Stage) => void; moving: boolean }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: `deal-${deal.id}`, data: { deal } });
  return (
    <li className="board-column__item">
      <article
        ref={setNodeRef}
        className={`deal-card deal-card--${deal.stageKind}${isDragging ? ' deal-card--placeholder' : ''}${moving ? ' deal-card--moving' : ''}`}
        aria-label={deal.title}
        onPointerDown={listeners?.onPointerDown as PointerEventHandler<HTMLElement> | undefined}
      >
        <DealCardContent
          deal={deal}
          handle={
            <button
              ref={setActivatorNodeRef}
              type="button"
              className="icon-button icon-button--small deal-card__handle"
              {...attributes}
              onKeyDown={listeners?.onKeyDown as KeyboardEventHandler<HTMLButtonElement> | undefined}
              aria-label={t('board.dragHandle', { title: deal.title })}
            >
              <Icon name="grip" size={14} />
            </button>
          }
          footer={<MoveDealMenu dealTitle={deal.title} currentStageId={deal.stageId} stages={stages} onMove={onMove} disabled={moving} />}
        />
      </article>
    </li>
  );
}

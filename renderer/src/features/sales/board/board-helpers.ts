import { pointerWithin, rectIntersection, type CollisionDetection, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { Board } from '../../../../../db/contract/sales';

/** Pointer drags drop on the column under the pointer; keyboard drags (no pointer) on the column they overlap. */
export const columnCollision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

/**
 * Keyboard dragging on the board: ← and → carry the picked-up card to the previous or next column
 * (dnd-kit's default nudges it a few pixels, which would take many presses to cross a column).
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  const direction = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (direction === 0) {
    if (event.code === 'ArrowUp' || event.code === 'ArrowDown') event.preventDefault();
    return undefined;
  }
  event.preventDefault();
  const columns = droppableContainers
    .getEnabled()
    .map((container) => droppableRects.get(container.id))
    .filter((rect): rect is NonNullable<typeof rect> => Boolean(rect))
    .sort((a, b) => a.left - b.left);
  const center = collisionRect.left + collisionRect.width / 2;
  let index = columns.findIndex((rect) => center >= rect.left && center <= rect.left + rect.width);
  if (index < 0) {
    index = columns.reduce((best, rect, candidate) => {
      const distance = Math.abs(rect.left + rect.width / 2 - center);
      const bestRect = columns[best];
      return bestRect && Math.abs(bestRect.left + bestRect.width / 2 - center) <= distance ? best : candidate;
    }, 0);
  }
  const target = columns[index + direction];
  if (!target) return undefined;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: target.top + 56 };
};

/** The board with one card moved to another column at once, before the core confirms (then refetched). */
export function moveCardOnBoard(board: Board | undefined, dealId: number, stageId: number): Board | undefined {
  if (!board) return board;
  const from = board.columns.find((column) => column.deals.some((deal) => deal.id === dealId));
  const card = from?.deals.find((deal) => deal.id === dealId);
  const to = board.columns.find((column) => column.stage.id === stageId);
  if (!from || !card || !to || from === to) return board;
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column === from) return { ...column, count: column.count - 1, deals: column.deals.filter((deal) => deal.id !== dealId) };
      if (column === to) {
        const moved = { ...card, stageId, stageName: to.stage.name, stageKind: to.stage.kind };
        return { ...column, count: column.count + 1, deals: [moved, ...column.deals] };
      }
      return column;
    }),
  };
}

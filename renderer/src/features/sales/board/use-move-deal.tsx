import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Stage } from '../../../../../db/contract/sales';
import { errorCodeOf } from '../../../app/errors';
import { showErrorToast } from '../../../app/show-error-toast';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { LostReasonDialog } from './LostReasonDialog';

export interface MovableDeal {
  id: number;
  version: number;
  title: string;
  stageId: number;
}

/**
 * Moving a deal to another stage, the same way from the board (drag or "Move to…") and the deal
 * page: a lost stage first asks for the reason; a stale version is refused (CONFLICT) and reloads.
 */
export function useMoveDeal(options: { onOptimistic?: (deal: MovableDeal, stage: Stage) => void } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [askingLost, setAskingLost] = useState<{ deal: MovableDeal; stage: Stage } | null>(null);
  const move = useMutation({ ...trpc.sales.deals.move.mutationOptions(), meta: { handledErrors: ['CONFLICT', 'VALIDATION'] } });

  async function perform(deal: MovableDeal, stage: Stage, lostReason?: string) {
    options.onOptimistic?.(deal, stage);
    try {
      await move.mutateAsync({ id: deal.id, version: deal.version, stageId: stage.id, lostReason: lostReason ?? null });
      const key = stage.kind === 'won' ? 'board.movedWon' : stage.kind === 'lost' ? 'board.movedLost' : 'board.moved';
      showToast({ tone: 'success', message: { key, values: { title: deal.title, stage: stage.name } } });
    } catch (error) {
      // Undo the optimistic move on the board; the refused move already caught up with the change feed.
      await queryClient.invalidateQueries({ queryKey: trpc.sales.deals.board.pathKey() });
      const code = errorCodeOf(error);
      if (code === 'CONFLICT') showToast({ tone: 'error', message: { key: 'board.moveConflict', values: { title: deal.title } } });
      else if (code === 'VALIDATION' && lostReason !== undefined) throw error;
      else showErrorToast(error);
    }
  }

  function requestMove(deal: MovableDeal, stage: Stage) {
    if (stage.id === deal.stageId) return;
    if (stage.kind === 'lost') setAskingLost({ deal, stage });
    else void perform(deal, stage);
  }

  const dialog = askingLost ? (
    <LostReasonDialog
      dealTitle={askingLost.deal.title}
      stageName={askingLost.stage.name}
      onCancel={() => setAskingLost(null)}
      onSubmit={async (reason) => {
        await perform(askingLost.deal, askingLost.stage, reason);
        setAskingLost(null);
      }}
    />
  ) : null;

  return { requestMove, dialog, movingId: move.isPending ? move.variables?.id : undefined };
}

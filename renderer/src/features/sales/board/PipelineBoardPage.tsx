import { useWorkspace } from '../../../app/use-workspace';
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements } from '@dnd-kit/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, DealRow, Stage } from '../../../../../db/contract/sales';
import { Link } from '../../../app/Link';
import { navigate, useRoute, withQuery } from '../../../app/router';
import { useTRPC } from '../../../app/trpc';
import { EmptyState } from '../../../app/ui/EmptyState';
import { ErrorState } from '../../../app/ui/ErrorState';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useStoredState } from '../../../app/use-stored-state';
import { usePipelines } from '../shared/use-pipelines';
import { columnCollision, columnKeyboardCoordinates, moveCardOnBoard } from './board-helpers';
import { BoardColumn } from './BoardColumn';
import { BoardFilters, NO_DEAL_FILTERS, type DealFilterValues } from './BoardFilters';
import { DealCardContent } from './DealCardContent';
import { useMoveDeal } from './use-move-deal';

/**
 * The Kanban board of one pipeline: a column per stage with its count and totals; drag cards
 * between columns (pointer or keyboard), or use each card's "Move to…" menu.
 */
export function PipelineBoardPage() {
  const { t } = useTranslation();
  const role = useWorkspace()?.currentUser?.role;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { query } = useRoute();
  const pipelines = usePipelines();
  useDocumentTitle(t('board.title'));
  const [storedPipelineId, setStoredPipelineId] = useStoredState<number | null>('rapport.board.pipeline', null);
  const [filters, setFilters] = useStoredState<DealFilterValues>('rapport.board.filters', NO_DEAL_FILTERS, 'session');
  const requested = Number(query.get('pipeline')) || storedPipelineId;
  const pipeline = pipelines.data?.find((candidate) => candidate.id === requested) ?? pipelines.data?.[0];
  const input = { pipelineId: pipeline?.id ?? 0, ownerId: filters.ownerId ?? undefined, closeMonth: filters.closeMonth || undefined };
  const board = useQuery({ ...trpc.sales.deals.board.queryOptions(input), enabled: Boolean(pipeline), placeholderData: keepPreviousData });
  const boardKey = trpc.sales.deals.board.queryKey(input);
  const { requestMove, dialog, movingId } = useMoveDeal({
    onOptimistic: (deal, stage) => queryClient.setQueryData(boardKey, (old: Board | undefined) => moveCardOnBoard(old, deal.id, stage.id)),
  });
  const [activeDeal, setActiveDeal] = useState<DealRow | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  const stages = board.data?.pipeline.stages ?? pipeline?.stages ?? [];
  const dealsById = new Map((board.data?.columns ?? []).flatMap((column) => column.deals.map((deal) => [deal.id, deal] as const)));
  const stageName = (id: string | number | undefined) => stages.find((stage) => `stage-${stage.id}` === id)?.name ?? '';
  const dealTitle = (data: unknown) => (data as { deal?: DealRow } | undefined)?.deal?.title ?? '';

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('board.announce.start', { title: dealTitle(active.data.current) }),
    onDragOver: ({ active, over }) => (over ? t('board.announce.over', { title: dealTitle(active.data.current), stage: stageName(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('board.announce.end', { title: dealTitle(active.data.current), stage: stageName(over.id) }) : t('board.announce.cancel', { title: dealTitle(active.data.current) })),
    onDragCancel: ({ active }) => t('board.announce.cancel', { title: dealTitle(active.data.current) }),
  };

  function moveById(dealId: number, stage: Stage) {
    const deal = dealsById.get(dealId);
    if (deal) requestMove(deal, stage);
  }

  const total = board.data?.columns.reduce((sum, column) => sum + column.count, 0) ?? 0;
  let body;
  if (pipelines.isPending || (board.isPending && pipeline)) body = <LoadingState />;
  else if (pipelines.isError) body = <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} />;
  else if (board.isError) body = <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  else if (!pipeline || !board.data) body = <EmptyState title={t('board.noPipeline')} />;
  else
    body = (
      <DndContext
        sensors={sensors}
        collisionDetection={columnCollision}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.instructions') } }}
        onDragStart={(event) => setActiveDeal((event.active.data.current as { deal: DealRow }).deal)}
        onDragCancel={() => setActiveDeal(null)}
        onDragEnd={(event) => {
          setActiveDeal(null);
          const deal = (event.active.data.current as { deal: DealRow } | undefined)?.deal;
          const stage = (event.over?.data.current as { stage: Stage } | undefined)?.stage;
          if (deal && stage) requestMove(deal, stage);
        }}
      >
        <div className={`board${board.isPlaceholderData ? ' board--stale' : ''}`} aria-busy={board.isFetching}>
          {board.data.columns.map((column) => (
            <BoardColumn key={column.stage.id} column={column} stages={stages} onMove={moveById} movingId={movingId} />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>{activeDeal ? <div className="deal-card deal-card--overlay"><DealCardContent deal={activeDeal} /></div> : null}</DragOverlay>
      </DndContext>
    );

  return (
    <div className="list-page board-page">
      <PageHeader
        title={t('board.title')}
        subtitle={board.data ? t('board.subtitle', { count: total, pipeline: board.data.pipeline.name }) : undefined}
        actions={
          <>
            {/* Pipelines are managers' and owners' to set up; read-only users add no deals. */}
            {role === 'owner' || role === 'manager' ? (
              <Link className="button" to="/pipeline/settings">
                <Icon name="gear" />
                <span>{t('board.manage')}</span>
              </Link>
            ) : null}
            {role !== 'read_only' ? (
              <Link className="button button--primary" to={withQuery('/deals/new', { pipelineId: pipeline?.id })}>
                <Icon name="plus" />
                <span>{t('deals.new')}</span>
              </Link>
            ) : null}
          </>
        }
      />
      <div className="list-toolbar">
        <div className="filters" role="search" aria-label={t('board.filters')}>
          {pipelines.data && pipelines.data.length > 0 ? (
            <select
              className="select"
              aria-label={t('board.pipeline')}
              value={pipeline ? String(pipeline.id) : ''}
              onChange={(event) => {
                setStoredPipelineId(Number(event.target.value));
                navigate(withQuery('/pipeline', { pipeline: event.target.value }), { replace: true });
              }}
            >
              {pipelines.data.map((candidate) => (
                <option key={candidate.id} value={String(candidate.id)}>
                  {candidate.name}
                </option>
              ))}
            </select>
          ) : null}
          <BoardFilters value={filters} onChange={setFilters} />
        </div>
      </div>
      {body}
      {dialog}
    </div>
  );
}

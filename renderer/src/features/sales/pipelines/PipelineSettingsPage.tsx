import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline, Stage } from '../../../../../db/contract/sales';
import { errorCodeOf } from '../../../app/errors';
import { showToast } from '../../../app/toast-store';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { BackLink } from '../../../app/ui/BackLink';
import { ConfirmDialog } from '../../../app/ui/ConfirmDialog';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useStoredState } from '../../../app/use-stored-state';
import { usePipelines } from '../shared/use-pipelines';
import { AddStageForm } from './AddStageForm';
import { NewPipelineDialog } from './NewPipelineDialog';
import { PipelineNameForm } from './PipelineNameForm';
import { HistoryButton } from '../../system/history/HistoryButton';
import { StageRow } from './StageRow';

/** Pipelines and their stages: rename, probability, kind (open / won / lost), order, add, remove. */
export function PipelineSettingsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pipelines = usePipelines();
  useDocumentTitle(t('pipelines.title'));
  const [selectedId, setSelectedId] = useStoredState<number | null>('rapport.board.pipeline', null);
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<Stage | null>(null);
  const client = useTRPCClient();
  // Moves run one after another, each from the pipeline's latest version (the one before it
  // returned), so quick successive moves do not conflict with themselves.
  const reorder = useMutation({
    scope: { id: 'pipeline-stage-order' },
    mutationFn: (input: { pipelineId: number; stageIds: number[] }) => {
      const latest = queryClient.getQueryData<Pipeline[]>(trpc.sales.pipelines.list.queryKey())?.find((candidate) => candidate.id === input.pipelineId);
      return client.sales.pipelines.stages.reorder.mutate({ ...input, version: latest?.version ?? 0 });
    },
    onSuccess: (updated: Pipeline) =>
      queryClient.setQueryData(trpc.sales.pipelines.list.queryKey(), (old: Pipeline[] | undefined) => old?.map((candidate) => (candidate.id === updated.id ? updated : candidate))),
  });
  const remove = useMutation({ ...trpc.sales.pipelines.stages.remove.mutationOptions(), meta: { handledErrors: ['VALIDATION'] } });
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const pipeline = pipelines.data?.find((candidate) => candidate.id === selectedId) ?? pipelines.data?.[0];

  function moveStage(current: Pipeline, from: number, to: number) {
    if (to < 0 || to >= current.stages.length || from === to) return;
    const stages = arrayMove(current.stages, from, to);
    queryClient.setQueryData(trpc.sales.pipelines.list.queryKey(), (old: Pipeline[] | undefined) => old?.map((candidate) => (candidate.id === current.id ? { ...candidate, stages } : candidate)));
    reorder.mutate(
      { pipelineId: current.id, stageIds: stages.map((stage) => stage.id) },
      { onSuccess: () => showToast({ tone: 'success', message: { key: 'pipelines.reordered' } }), onError: () => void queryClient.invalidateQueries({ queryKey: trpc.sales.pipelines.list.queryKey() }) },
    );
  }

  function onDragEnd(event: DragEndEvent) {
    if (!pipeline || !event.over) return;
    const from = pipeline.stages.findIndex((stage) => stage.id === event.active.id);
    const to = pipeline.stages.findIndex((stage) => stage.id === event.over?.id);
    if (from >= 0 && to >= 0) moveStage(pipeline, from, to);
  }

  async function confirmRemove(stage: Stage) {
    try {
      await remove.mutateAsync({ id: stage.id, version: stage.version });
      showToast({ tone: 'success', message: { key: 'pipelines.stageRemoved', values: { name: stage.name } } });
    } catch (error) {
      if (errorCodeOf(error) === 'VALIDATION') showToast({ tone: 'error', message: { key: 'pipelines.cannotRemove', values: { name: stage.name } } });
    } finally {
      setRemoving(null);
    }
  }

  return (
    <div className="record-page record-page--narrow">
      <BackLink to="/pipeline" label={t('nav.pipeline')} />
      <PageHeader
        title={t('pipelines.title')}
        subtitle={t('pipelines.subtitle')}
        actions={
          <button type="button" className="button" onClick={() => setCreating(true)}>
            <Icon name="plus" />
            <span>{t('pipelines.new')}</span>
          </button>
        }
      />
      {pipelines.isPending ? <LoadingState /> : null}
      {pipeline ? (
        <section className="card" aria-labelledby="pipeline-settings-stages">
          <div className="card__header">
            {pipelines.data && pipelines.data.length > 1 ? (
              <select className="select" aria-label={t('board.pipeline')} value={String(pipeline.id)} onChange={(event) => setSelectedId(Number(event.target.value))}>
                {pipelines.data.map((candidate) => (
                  <option key={candidate.id} value={String(candidate.id)}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            ) : null}
            <PipelineNameForm key={`${pipeline.id}-${pipeline.version}`} pipeline={pipeline} />
            <HistoryButton kind="pipeline" id={pipeline.id} name={pipeline.name} labelled />
          </div>
          <h2 id="pipeline-settings-stages" className="form-section__title">
            {t('pipelines.stages')}
          </h2>
          <p className="field__hint">{t('pipelines.stagesHint')}</p>
          <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
            <SortableContext items={pipeline.stages.map((stage) => stage.id)} strategy={verticalListSortingStrategy}>
              <ol className="stage-list" aria-label={t('pipelines.stages')}>
                {pipeline.stages.map((stage, index) => (
                  <StageRow
                    key={`${stage.id}-${stage.version}`}
                    stage={stage}
                    index={index}
                    count={pipeline.stages.length}
                    onMove={(from, to) => moveStage(pipeline, from, to)}
                    onRemove={setRemoving}
                  />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
          <AddStageForm pipelineId={pipeline.id} />
        </section>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('pipelines.removeTitle', { name: removing.name })}
          message={t('pipelines.removeMessage')}
          confirmLabel={t('common.delete')}
          danger
          busy={remove.isPending}
          onCancel={() => setRemoving(null)}
          onConfirm={() => void confirmRemove(removing)}
        />
      ) : null}
      {creating ? (
        <NewPipelineDialog
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSelectedId(created.id);
          }}
        />
      ) : null}
    </div>
  );
}

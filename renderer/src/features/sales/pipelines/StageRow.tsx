import { useSortable } from '@dnd-kit/sortable';
import { useMutation } from '@tanstack/react-query';
import { useState, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGE_KINDS, type Stage, type StageKind } from '../../../../../db/contract/sales';
import { useMergingSave } from '../../../app/merge/use-merging-save';
import { useTRPC } from '../../../app/trpc';
import { HistoryButton } from '../../system/history/HistoryButton';
import { Icon } from '../../../app/ui/Icon';

interface StageInput extends Record<string, unknown> {
  name: string;
  probability: number;
  kind: StageKind;
}

/** One stage: rename it, set its probability and kind, move it up or down (or drag), remove it. */
export function StageRow({ stage, index, count, onMove, onRemove }: { stage: Stage; index: number; count: number; onMove: (from: number, to: number) => void; onRemove: (stage: Stage) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: stage.id });
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState(String(stage.probability));
  const [kind, setKind] = useState<StageKind>(stage.kind);
  // What the inputs were loaded from. A newer stage (a save, mine or someone else's) is taken up while
  // the row is untouched or already reads it; an edited row keeps its base, so a save merges with theirs
  // instead of undoing it.
  const [base, setBase] = useState(stage);
  const differsFrom = (row: Stage) => name.trim() !== row.name || probability.trim() !== String(row.probability) || kind !== row.kind;
  if (stage.version > base.version && (!differsFrom(base) || !differsFrom(stage))) {
    setBase(stage);
    setName(stage.name);
    setProbability(String(stage.probability));
    setKind(stage.kind);
  }
  const update = useMutation({ ...trpc.sales.pipelines.stages.update.mutationOptions(), meta: { handledErrors: ['CONFLICT'] } });
  const probabilityNumber = /^\d{1,3}$/.test(probability.trim()) ? Number(probability) : Number.NaN;
  const valid = name.trim().length > 0 && probabilityNumber >= 0 && probabilityNumber <= 100;
  const dirty = name.trim() !== stage.name || probabilityNumber !== stage.probability || kind !== stage.kind;

  const merging = useMergingSave<Stage, StageInput>({
    toInput: (row) => ({ name: row.name, probability: row.probability, kind: row.kind }),
    update: (version, patch) => update.mutateAsync({ id: stage.id, version, patch }),
    titles: { merge: t('pipelines.mergeTitle'), deleted: t('pipelines.mergeTitle') },
    label: ({ unit }) => t(`pipelines.fields.${unit}`),
    describe: ({ unit }, values) => (unit === 'kind' ? t(`pipelines.kinds.${values.kind}`) : unit === 'probability' ? `${values.probability} %` : values.name),
    titleOf: (values) => values.name,
    savedToast: (values) => ({ key: 'pipelines.stageSaved', values: { name: values.name } }),
    // The row shows what the stage now reads: the merge of theirs and mine, or theirs when mine was discarded.
    onDone: (now) => {
      setName(now.name);
      setProbability(String(now.probability));
      setKind(now.kind);
    },
  });

  async function save() {
    if (!valid || !dirty) return;
    await merging.save(base, { name: name.trim(), probability: probabilityNumber, kind }).catch(() => undefined);
  }

  const label = stage.name;
  return (
    <li ref={setNodeRef} className={`stage-row${isDragging ? ' stage-row--dragging' : ''}`} style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition }}>
      <button
        ref={setActivatorNodeRef}
        type="button"
        className="icon-button icon-button--small stage-row__handle"
        {...attributes}
        onPointerDown={listeners?.onPointerDown as PointerEventHandler<HTMLButtonElement> | undefined}
        onKeyDown={listeners?.onKeyDown as KeyboardEventHandler<HTMLButtonElement> | undefined}
        aria-label={t('pipelines.dragStage', { name: label })}
      >
        <Icon name="grip" size={14} />
      </button>
      <form
        className="stage-row__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <input className="input input--small" aria-label={t('pipelines.stageName', { n: index + 1 })} value={name} maxLength={60} aria-invalid={name.trim().length === 0} onChange={(event) => setName(event.target.value)} />
        <span className="stage-row__probability">
          <input
            className="input input--small cell-tabular"
            inputMode="numeric"
            aria-label={t('pipelines.stageProbability', { name: label })}
            value={probability}
            aria-invalid={Number.isNaN(probabilityNumber) || probabilityNumber > 100}
            onChange={(event) => setProbability(event.target.value)}
          />
          <span aria-hidden="true">%</span>
        </span>
        <select className="select select--compact" aria-label={t('pipelines.stageKind', { name: label })} value={kind} onChange={(event) => setKind(event.target.value as StageKind)}>
          {STAGE_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`pipelines.kinds.${value}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small" disabled={!valid || !dirty || update.isPending}>
          {t('common.save')}
        </button>
      </form>
      <span className="stage-row__actions">
        <button type="button" className="icon-button icon-button--small" aria-label={t('pipelines.moveUp', { name: label })} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
          <Icon name="arrowUp" size={13} />
        </button>
        <button type="button" className="icon-button icon-button--small" aria-label={t('pipelines.moveDown', { name: label })} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
          <Icon name="arrowDown" size={13} />
        </button>
        <HistoryButton kind="stage" id={stage.id} name={label} />
        <button type="button" className="button button--small button--danger-ghost" aria-label={t('pipelines.removeStage', { name: label })} onClick={() => onRemove(stage)}>
          {t('common.delete')}
        </button>
      </span>
      {merging.dialog}
    </li>
  );
}

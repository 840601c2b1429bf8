import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGE_KINDS, type StageKind } from '../../../../../db/contract/sales';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { Icon } from '../../../app/ui/Icon';

/** A new stage at the end of the pipeline (reorder it afterwards). */
export function AddStageForm({ pipelineId }: { pipelineId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [name, setName] = useState('');
  const [probability, setProbability] = useState('50');
  const [kind, setKind] = useState<StageKind>('open');
  const create = useMutation(trpc.sales.pipelines.stages.create.mutationOptions());
  const probabilityNumber = /^\d{1,3}$/.test(probability.trim()) ? Number(probability) : Number.NaN;
  const valid = name.trim().length > 0 && probabilityNumber >= 0 && probabilityNumber <= 100;

  async function add() {
    if (!valid) return;
    await create.mutateAsync({ pipelineId, name: name.trim(), probability: probabilityNumber, kind });
    showToast({ tone: 'success', message: { key: 'pipelines.stageAdded', values: { name: name.trim() } } });
    setName('');
  }

  return (
    <form
      className="stage-row stage-row--new"
      aria-label={t('pipelines.addStage')}
      onSubmit={(event) => {
        event.preventDefault();
        void add().catch(() => undefined);
      }}
    >
      <span className="stage-row__handle" aria-hidden="true">
        <Icon name="plus" size={14} />
      </span>
      <div className="stage-row__form">
        <input className="input input--small" aria-label={t('pipelines.newStageName')} placeholder={t('pipelines.newStageName')} value={name} maxLength={60} onChange={(event) => setName(event.target.value)} />
        <span className="stage-row__probability">
          <input className="input input--small cell-tabular" inputMode="numeric" aria-label={t('pipelines.newStageProbability')} value={probability} onChange={(event) => setProbability(event.target.value)} />
          <span aria-hidden="true">%</span>
        </span>
        <select className="select select--compact" aria-label={t('pipelines.newStageKind')} value={kind} onChange={(event) => setKind(event.target.value as StageKind)}>
          {STAGE_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`pipelines.kinds.${value}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small button--primary" disabled={!valid || create.isPending}>
          {t('pipelines.addStage')}
        </button>
      </div>
    </form>
  );
}

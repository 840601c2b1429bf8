import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../../../../db/contract/sales';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { Modal } from '../../../app/ui/Modal';

const TEMPLATE = [
  { key: 'lead', probability: 10, kind: 'open' },
  { key: 'qualified', probability: 25, kind: 'open' },
  { key: 'proposal', probability: 50, kind: 'open' },
  { key: 'negotiation', probability: 75, kind: 'open' },
  { key: 'won', probability: 100, kind: 'won' },
  { key: 'lost', probability: 0, kind: 'lost' },
] as const;

/** A second pipeline (say, for service contracts), started from the usual stages in the user's language. */
export function NewPipelineDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (pipeline: Pipeline) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const formId = useId();
  const [name, setName] = useState('');
  const create = useMutation(trpc.sales.pipelines.create.mutationOptions());

  async function submit() {
    if (!name.trim()) return;
    const pipeline = await create.mutateAsync({
      name: name.trim(),
      stages: TEMPLATE.map((stage) => ({ name: t(`pipelines.template.${stage.key}`), probability: stage.probability, kind: stage.kind })),
    });
    showToast({ tone: 'success', message: { key: 'pipelines.created', values: { name: pipeline.name } } });
    onCreated(pipeline);
  }

  return (
    <Modal
      title={t('pipelines.newTitle')}
      description={t('pipelines.newDescription')}
      onDismiss={onClose}
      busy={create.isPending}
      size="small"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={create.isPending}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={create.isPending || !name.trim()}>
            {t('pipelines.create')}
          </button>
        </>
      }
    >
      <form
        id={formId}
        onSubmit={(event) => {
          event.preventDefault();
          void submit().catch(() => undefined);
        }}
      >
        <label className="field">
          <span className="field__label">{t('pipelines.name')}</span>
          <input className="input" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
        </label>
      </form>
    </Modal>
  );
}

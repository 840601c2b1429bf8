import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../../../../db/contract/sales';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';

/** Rename a pipeline in place. */
export function PipelineNameForm({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [name, setName] = useState(pipeline.name);
  const rename = useMutation(trpc.sales.pipelines.rename.mutationOptions());
  const dirty = name.trim() !== pipeline.name && name.trim().length > 0;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!dirty) return;
        void rename
          .mutateAsync({ id: pipeline.id, version: pipeline.version, name: name.trim() })
          .then((saved) => showToast({ tone: 'success', message: { key: 'pipelines.renamed', values: { name: saved.name } } }))
          .catch(() => undefined);
      }}
    >
      <label className="inline-field inline-field--grow">
        <span>{t('pipelines.name')}</span>
        <input className="input input--small" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
      </label>
      <button type="submit" className="button button--small" disabled={!dirty || rename.isPending}>
        {t('pipelines.rename')}
      </button>
    </form>
  );
}

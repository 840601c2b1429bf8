import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { Modal } from '../../../app/ui/Modal';
import { OwnerSelect } from '../../people/shared/OwnerSelect';

/** Give the selected deals another owner (or none), in one transaction. */
export function BulkOwnerDialog({ ids, onCancel, onDone }: { ids: number[]; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [ownerId, setOwnerId] = useState('');
  const bulkOwner = useMutation(trpc.sales.deals.bulkOwner.mutationOptions());

  async function apply() {
    const result = await bulkOwner.mutateAsync({ ids, ownerId: ownerId ? Number(ownerId) : null });
    showToast({ tone: 'success', message: { key: 'deals.bulkOwnerDone', values: { count: result.count } } });
    onDone();
  }

  return (
    <Modal
      title={t('deals.bulkOwnerTitle', { count: ids.length })}
      onDismiss={onCancel}
      busy={bulkOwner.isPending}
      size="small"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} disabled={bulkOwner.isPending}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void apply().catch(() => undefined)} disabled={bulkOwner.isPending}>
            {t('deals.bulkOwnerApply')}
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field__label">{t('deals.fields.owner')}</span>
        <OwnerSelect emptyLabel={t('deals.noOwner')} value={ownerId} onChange={(event) => setOwnerId(event.target.value)} />
      </label>
    </Modal>
  );
}

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BulkBar } from '../../../app/lists/BulkBar';
import { useTRPC } from '../../../app/trpc';
import { Icon } from '../../../app/ui/Icon';
import { BulkOwnerDialog } from './BulkOwnerDialog';

/** Actions on the selected deals: change owner, delete (to Trash, with Undo). */
export function DealBulkBar({ selectedIds, onClear }: { selectedIds: ReadonlySet<number>; onClear: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [changingOwner, setChangingOwner] = useState(false);
  const bulkRemove = useMutation(trpc.sales.deals.bulkRemove.mutationOptions());
  const ids = [...selectedIds];

  return (
    <BulkBar
      selectedIds={selectedIds}
      onClear={onClear}
      actions={
        <button type="button" className="button button--small" onClick={() => setChangingOwner(true)}>
          <Icon name="person" />
          <span>{t('deals.bulkOwner')}</span>
        </button>
      }
      dialog={
        changingOwner ? (
          <BulkOwnerDialog
            ids={ids}
            onCancel={() => setChangingOwner(false)}
            onDone={() => {
              setChangingOwner(false);
              onClear();
            }}
          />
        ) : null
      }
      deleteTitle={t('deals.bulkDeleteTitle', { count: ids.length })}
      deleting={bulkRemove.isPending}
      remove={(removeIds) => bulkRemove.mutateAsync({ ids: removeIds })}
      kind="deal"
      deletedMessage={(count) => ({ key: 'deals.bulkDeleted', values: { count } })}
    />
  );
}

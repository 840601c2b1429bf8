import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateAll } from '../../../app/query-client';
import { showErrorToast } from '../../../app/show-error-toast';
import { showToast } from '../../../app/toast-store';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { ConfirmDialog } from '../../../app/ui/ConfirmDialog';
import { Icon } from '../../../app/ui/Icon';
import { useFormatters } from '../../../app/use-formatters';
import { BulkOwnerDialog } from './BulkOwnerDialog';

const RESTORE_CONCURRENCY = 20;

/** Actions on the selected deals: change owner, delete (to Trash, with Undo). */
export function DealBulkBar({ selectedIds, onClear }: { selectedIds: ReadonlySet<number>; onClear: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const format = useFormatters();
  const [dialog, setDialog] = useState<'owner' | 'delete' | null>(null);
  const bulkRemove = useMutation(trpc.sales.deals.bulkRemove.mutationOptions());
  const ids = [...selectedIds];

  async function undoDelete(removed: number[]) {
    try {
      for (let start = 0; start < removed.length; start += RESTORE_CONCURRENCY) {
        await Promise.all(removed.slice(start, start + RESTORE_CONCURRENCY).map((id) => client.sales.deals.restore.mutate({ id })));
      }
      showToast({ tone: 'success', message: { key: 'bulk.restored', values: { count: removed.length } } });
    } catch (error) {
      showErrorToast(error);
    } finally {
      await invalidateAll(queryClient);
    }
  }

  async function confirmDelete() {
    const result = await bulkRemove.mutateAsync({ ids });
    setDialog(null);
    onClear();
    showToast({ message: { key: 'deals.bulkDeleted', values: { count: result.count } }, action: { label: { key: 'common.undo' }, run: () => void undoDelete(ids) } });
  }

  return (
    <div className="bulk-bar" role="region" aria-label={t('bulk.region')}>
      <span className="bulk-bar__count" aria-live="polite">
        {t('bulk.selected', { count: ids.length, formatted: format.number(ids.length) })}
      </span>
      <button type="button" className="button button--small" onClick={() => setDialog('owner')}>
        <Icon name="person" />
        <span>{t('deals.bulkOwner')}</span>
      </button>
      <button type="button" className="button button--small button--danger-ghost" onClick={() => setDialog('delete')}>
        <Icon name="trash" />
        <span>{t('bulk.deleteSelected')}</span>
      </button>
      <button type="button" className="button button--small button--ghost" onClick={onClear}>
        {t('bulk.clearSelection')}
      </button>
      {dialog === 'owner' ? (
        <BulkOwnerDialog
          ids={ids}
          onCancel={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onClear();
          }}
        />
      ) : null}
      {dialog === 'delete' ? (
        <ConfirmDialog
          title={t('deals.bulkDeleteTitle', { count: ids.length })}
          message={t('bulk.deleteMessage', { count: ids.length })}
          confirmLabel={t('bulk.moveToTrash')}
          danger
          busy={bulkRemove.isPending}
          onCancel={() => setDialog(null)}
          onConfirm={() => void confirmDelete().catch(() => undefined)}
        />
      ) : null}
    </div>
  );
}

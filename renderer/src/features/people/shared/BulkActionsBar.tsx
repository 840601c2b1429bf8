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
import { BulkTagDialog } from '../tags/BulkTagDialog';

const RESTORE_CONCURRENCY = 20;

/** Actions on the selected rows: tag/untag and delete (to Trash, with Undo). */
export function BulkActionsBar({ kind, selectedIds, onClear }: { kind: 'contact' | 'company'; selectedIds: ReadonlySet<number>; onClear: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const format = useFormatters();
  const [dialog, setDialog] = useState<'tag' | 'delete' | null>(null);
  const bulkRemove = useMutation(trpc.people.bulk.remove.mutationOptions());
  const ids = [...selectedIds];
  const count = ids.length;

  async function undoDelete(removed: number[]) {
    try {
      for (let start = 0; start < removed.length; start += RESTORE_CONCURRENCY) {
        const chunk = removed.slice(start, start + RESTORE_CONCURRENCY);
        await Promise.all(chunk.map((id) => client.system.trash.restore.mutate({ kind, id })));
      }
      showToast({ tone: 'success', message: { key: 'bulk.restored', values: { count: removed.length } } });
    } catch (error) {
      showErrorToast(error);
    } finally {
      await invalidateAll(queryClient);
    }
  }

  async function confirmDelete() {
    const result = await bulkRemove.mutateAsync({ kind, ids });
    setDialog(null);
    onClear();
    showToast({
      message: { key: kind === 'contact' ? 'bulk.contactsDeleted' : 'bulk.companiesDeleted', values: { count: result.count } },
      action: { label: { key: 'common.undo' }, run: () => void undoDelete(ids) },
    });
  }

  return (
    <div className="bulk-bar" role="region" aria-label={t('bulk.region')}>
      <span className="bulk-bar__count" aria-live="polite">
        {t('bulk.selected', { count, formatted: format.number(count) })}
      </span>
      <button type="button" className="button button--small" onClick={() => setDialog('tag')}>
        <Icon name="tag" />
        <span>{t('bulk.tagSelected')}</span>
      </button>
      <button type="button" className="button button--small button--danger-ghost" onClick={() => setDialog('delete')}>
        <Icon name="trash" />
        <span>{t('bulk.deleteSelected')}</span>
      </button>
      <button type="button" className="button button--small button--ghost" onClick={onClear}>
        {t('bulk.clearSelection')}
      </button>
      {dialog === 'tag' ? <BulkTagDialog kind={kind} ids={ids} onCancel={() => setDialog(null)} onDone={() => setDialog(null)} /> : null}
      {dialog === 'delete' ? (
        <ConfirmDialog
          title={t(kind === 'contact' ? 'bulk.deleteContactsTitle' : 'bulk.deleteCompaniesTitle', { count })}
          message={t('bulk.deleteMessage', { count })}
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

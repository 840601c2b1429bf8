import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrashKind } from '../../../../db/contract/record-kinds';
import { refreshAfterWrite } from '../live-refresh/live-refresh';
import { showErrorToast } from '../show-error-toast';
import { showToast, type ToastMessage } from '../toast-store';
import { useTRPCClient } from '../trpc';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Icon } from '../ui/Icon';
import { useFormatters } from '../use-formatters';

export interface BulkBarProps {
  selectedIds: ReadonlySet<number>;
  onClear: () => void;
  /** The list's own actions on the selection, shown before Delete. */
  actions: ReactNode;
  /** The dialog one of those actions opened, if any. */
  dialog: ReactNode;
  deleteTitle: string;
  /** Whether the delete is under way. */
  deleting: boolean;
  /** Moves the records to Trash. */
  remove: (ids: number[]) => Promise<{ count: number }>;
  /** The kind of the records, for Undo: they come back from the Trash in one transaction. */
  kind: TrashKind;
  deletedMessage: (count: number) => ToastMessage;
}

/** Actions on a list's selected rows: the list's own, and delete (to Trash, with Undo). */
export function BulkBar({ selectedIds, onClear, actions, dialog, deleteTitle, deleting, remove, kind, deletedMessage }: BulkBarProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const client = useTRPCClient();
  const format = useFormatters();
  const [confirming, setConfirming] = useState(false);
  const ids = [...selectedIds];
  const count = ids.length;

  async function undoDelete(removed: number[]) {
    try {
      await client.system.trash.restoreMany.mutate({ items: removed.map((id) => ({ kind, id })) });
      showToast({ tone: 'success', message: { key: 'bulk.restored', values: { count: removed.length } } });
    } catch (error) {
      showErrorToast(error);
    } finally {
      await refreshAfterWrite(queryClient);
    }
  }

  async function confirmDelete() {
    const result = await remove(ids);
    setConfirming(false);
    onClear();
    showToast({ message: deletedMessage(result.count), action: { label: { key: 'common.undo' }, run: () => void undoDelete(ids) } });
  }

  return (
    <div className="bulk-bar" role="region" aria-label={t('bulk.region')}>
      <span className="bulk-bar__count" aria-live="polite">
        {t('bulk.selected', { count, formatted: format.number(count) })}
      </span>
      {actions}
      <button type="button" className="button button--small button--danger-ghost" onClick={() => setConfirming(true)}>
        <Icon name="trash" />
        <span>{t('bulk.deleteSelected')}</span>
      </button>
      <button type="button" className="button button--small button--ghost" onClick={onClear}>
        {t('bulk.clearSelection')}
      </button>
      {dialog}
      {confirming ? (
        <ConfirmDialog
          title={deleteTitle}
          message={t('bulk.deleteMessage', { count })}
          confirmLabel={t('bulk.moveToTrash')}
          danger
          busy={deleting}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void confirmDelete().catch(() => undefined)}
        />
      ) : null}
    </div>
  );
}

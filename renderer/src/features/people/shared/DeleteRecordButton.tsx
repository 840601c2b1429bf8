import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dependents } from '../../../../../db/contract/sales';
import { showErrorToast } from '../../../app/show-error-toast';
import { useTRPCClient } from '../../../app/trpc';
import { ConfirmDialog } from '../../../app/ui/ConfirmDialog';
import { Icon } from '../../../app/ui/Icon';

/**
 * "Delete" for a contact or company. When deals or orders still point at it, it first says so
 * (with the counts) and asks; either way the record goes to the Trash, nothing is orphaned.
 */
export function DeleteRecordButton({ kind, id, name, busy, onDelete }: { kind: 'contact' | 'company'; id: number; name: string; busy: boolean; onDelete: () => Promise<void> }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const [asking, setAsking] = useState<Dependents | null>(null);
  const [checking, setChecking] = useState(false);

  async function start() {
    setChecking(true);
    try {
      const counts = kind === 'contact' ? await client.people.contacts.dependents.query({ kind, id }) : await client.people.companies.dependents.query({ kind, id });
      if (counts.deals > 0 || counts.orders > 0) setAsking(counts);
      else await onDelete();
    } catch (error) {
      showErrorToast(error);
    } finally {
      setChecking(false);
    }
  }

  return (
    <>
      <button type="button" className="button button--danger-ghost" onClick={() => void start()} disabled={busy || checking}>
        <Icon name="trash" />
        <span>{t('common.delete')}</span>
      </button>
      {asking ? (
        <ConfirmDialog
          title={t('dependents.title', { name })}
          message={t('dependents.message', {
            name,
            list: [
              t('dependents.deals', { count: asking.deals }),
              t('dependents.orders', { count: asking.orders }),
              t('dependents.activities', { count: asking.activities }),
              t('dependents.tasks', { count: asking.tasks }),
            ].join(t('common.listSeparator')),
          })}
          confirmLabel={t('bulk.moveToTrash')}
          danger
          busy={busy}
          onCancel={() => setAsking(null)}
          onConfirm={() =>
            void onDelete()
              .then(() => setAsking(null))
              .catch(() => undefined)
          }
        />
      ) : null}
    </>
  );
}

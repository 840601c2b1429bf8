import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BulkBar } from '../../../app/lists/BulkBar';
import { useTRPC } from '../../../app/trpc';
import { Icon } from '../../../app/ui/Icon';
import { BulkTagDialog } from '../tags/BulkTagDialog';

/** Actions on the selected rows: tag/untag and delete (to Trash, with Undo). */
export function BulkActionsBar({ kind, selectedIds, onClear }: { kind: 'contact' | 'company'; selectedIds: ReadonlySet<number>; onClear: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [tagging, setTagging] = useState(false);
  const bulkRemove = useMutation(trpc.people.bulk.remove.mutationOptions());
  const ids = [...selectedIds];

  return (
    <BulkBar
      selectedIds={selectedIds}
      onClear={onClear}
      actions={
        <button type="button" className="button button--small" onClick={() => setTagging(true)}>
          <Icon name="tag" />
          <span>{t('bulk.tagSelected')}</span>
        </button>
      }
      dialog={tagging ? <BulkTagDialog kind={kind} ids={ids} onCancel={() => setTagging(false)} onDone={() => setTagging(false)} /> : null}
      deleteTitle={t(kind === 'contact' ? 'bulk.deleteContactsTitle' : 'bulk.deleteCompaniesTitle', { count: ids.length })}
      deleting={bulkRemove.isPending}
      remove={(removeIds) => bulkRemove.mutateAsync({ kind, ids: removeIds })}
      kind={kind}
      deletedMessage={(count) => ({ key: kind === 'contact' ? 'bulk.contactsDeleted' : 'bulk.companiesDeleted', values: { count } })}
    />
  );
}

import { useTranslation } from 'react-i18next';
import { Modal } from '../ui/Modal';

/**
 * A save found the record deleted by someone else meanwhile. Nothing was written: the person
 * discards their edit, or (where the record can come back from the Trash) restores it and saves.
 */
export function RecordDeletedDialog({
  title,
  deletedByName,
  busy,
  onDiscard,
  onRestore,
}: {
  title: string;
  deletedByName: string | null;
  busy: boolean;
  onDiscard: () => void;
  onRestore?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      title={title}
      description={deletedByName ? t('conflict.deletedDescriptionBy', { name: deletedByName }) : t('conflict.deletedDescription')}
      onDismiss={onDiscard}
      busy={busy}
      role="alertdialog"
      footer={
        <>
          <button type="button" className="button" onClick={onDiscard} disabled={busy}>
            {t('conflict.discardMine')}
          </button>
          {onRestore ? (
            <button type="button" className="button button--primary" onClick={onRestore} disabled={busy}>
              {t('conflict.restoreAndSave')}
            </button>
          ) : null}
        </>
      }
    />
  );
}

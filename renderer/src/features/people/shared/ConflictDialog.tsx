import { useTranslation } from 'react-i18next';
import { Modal } from '../../../app/ui/Modal';

export interface ConflictRow {
  field: string;
  label: string;
  theirs: string;
  mine: string;
}

/**
 * Someone else saved the record after this user opened it. Nothing was written: the user picks
 * their version (discard my edit) or mine (save my changes on top of theirs). When "theirs" is a
 * deletion (`deleted`), the choice is to discard the edit or restore the record and save it.
 */
export function ConflictDialog({
  title,
  rows,
  updatedByName,
  onKeepTheirs,
  onUseMine,
  busy,
  deleted = false,
  onRestore,
}: {
  title: string;
  rows: ConflictRow[];
  updatedByName: string | null;
  onKeepTheirs: () => void;
  onUseMine: () => void;
  busy: boolean;
  /** Someone else deleted the record (the CONFLICT's current row has `deletedAt`). */
  deleted?: boolean;
  /** Restores the record from the Trash and saves this user's changes on it. */
  onRestore?: () => void;
}) {
  const { t } = useTranslation();
  const description = deleted
    ? updatedByName
      ? t('conflict.deletedDescriptionBy', { name: updatedByName })
      : t('conflict.deletedDescription')
    : updatedByName
      ? t('conflict.descriptionBy', { name: updatedByName })
      : t('conflict.description');
  return (
    <Modal
      title={title}
      description={description}
      onDismiss={onKeepTheirs}
      busy={busy}
      role="alertdialog"
      size="large"
      footer={
        deleted ? (
          <>
            <button type="button" className="button" onClick={onKeepTheirs} disabled={busy}>
              {t('conflict.discardMine')}
            </button>
            {onRestore ? (
              <button type="button" className="button button--primary" onClick={onRestore} disabled={busy}>
                {t('conflict.restoreAndSave')}
              </button>
            ) : null}
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={onKeepTheirs} disabled={busy}>
              {t('conflict.keepTheirs')}
            </button>
            <button type="button" className="button button--primary" onClick={onUseMine} disabled={busy}>
              {t('conflict.useMine')}
            </button>
          </>
        )
      }
    >
      {rows.length > 0 ? (
        <table className="conflict-table">
          <caption className="visually-hidden">{t('conflict.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.theirs')}</th>
              <th scope="col">{t('conflict.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field} className={row.theirs !== row.mine ? 'conflict-table__row--differs' : undefined}>
                <th scope="row">{row.label}</th>
                <td>{row.theirs}</td>
                <td>{row.mine}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('conflict.noFieldDifferences')}</p>
      )}
    </Modal>
  );
}

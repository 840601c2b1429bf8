import { useTranslation } from 'react-i18next';
import type { RecordKind } from '../../../../../db/contract/record-kinds';
import { HistoryButton } from './HistoryButton';

/**
 * The small actions of a record shown as a row of a larger page (a note, a timeline activity): its
 * history, and for those who may write, Edit and Delete (to the Trash).
 */
export function RecordRowActions({
  kind,
  id,
  name,
  className,
  canWrite,
  onEdit,
  onDelete,
  deleting,
  editLabel,
  deleteLabel,
}: {
  kind: RecordKind;
  id: number;
  name: string;
  className: string;
  canWrite: boolean;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
  editLabel: string;
  deleteLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <span className={className}>
      <HistoryButton kind={kind} id={id} name={name} />
      {canWrite ? (
        <>
          <button type="button" className="button button--ghost button--small" onClick={onEdit} aria-label={editLabel}>
            {t('common.edit')}
          </button>
          <button type="button" className="button button--ghost button--small button--danger-ghost" onClick={onDelete} disabled={deleting} aria-label={deleteLabel}>
            {t('common.delete')}
          </button>
        </>
      ) : null}
    </span>
  );
}

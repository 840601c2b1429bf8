import { useTranslation } from 'react-i18next';
import type { TrashEntry } from '../../../../../db/contract/system';
import { kindName } from '../../../app/record-kinds';
import { useFormatters } from '../../../app/use-formatters';

/** One Trash row; restore and purge buttons only for those allowed them (the core refuses the others). */
export function TrashRow({ entry, busy, onRestore, onPurge }: { entry: TrashEntry; busy: boolean; onRestore?: (() => void) | undefined; onPurge?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <tr>
      <th scope="row" className="simple-table__name">
        {entry.title}
      </th>
      <td>
        <span className="badge">{kindName(t, entry.kind)}</span>
      </td>
      <td>
        <time dateTime={new Date(entry.deletedAt).toISOString()} title={format.dateTime(entry.deletedAt)}>
          {format.relative(entry.deletedAt)}
        </time>
      </td>
      <td>{entry.deletedByName ?? t('common.none')}</td>
      <td className="simple-table__actions">
        {onRestore ? (
          <button type="button" className="button button--small" onClick={onRestore} disabled={busy} aria-label={t('trash.restoreNamed', { name: entry.title })}>
            {t('trash.restore')}
          </button>
        ) : null}
        {onPurge ? (
          <button type="button" className="button button--small button--danger-ghost" onClick={onPurge} disabled={busy} aria-label={t('trash.deleteForeverNamed', { name: entry.title })}>
            {t('trash.deleteForever')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../../db/contract/system';
import { Link } from '../../../app/Link';
import { useTRPC } from '../../../app/trpc';
import { useFormatters } from '../../../app/use-formatters';
import { useFieldLabel, useFieldValueFormatter } from '../../people/shared/use-field-value-formatter';
import { CompanyNameById } from './CompanyNameById';

/** Bookkeeping columns the user never edits directly. */
const HIDDEN_FIELDS = new Set(['sortName', 'version', 'updatedAt', 'createdAt', 'createdBy', 'updatedBy']);

/** An audit entry as it arrives over the wire (JSON: before/after may be absent). */
type WireAuditEntry = Omit<AuditEntry, 'changes'> & { changes: { field: string; before?: unknown; after?: unknown }[] };

export function HistoryEntry({ entry, kind }: { entry: WireAuditEntry; kind: 'contact' | 'company' }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const fieldLabel = useFieldLabel();
  const formatValue = useFieldValueFormatter();
  const users = useQuery({ ...trpc.system.users.list.queryOptions(), staleTime: 60_000 });
  const who = entry.userName ?? t('history.someone');
  const changes = entry.action === 'create' || entry.action === 'update' ? entry.changes.filter((change) => !HIDDEN_FIELDS.has(change.field)) : [];

  function renderValue(field: string, value: unknown) {
    if (value === null || value === undefined) return <span className="muted">{t('common.none')}</span>;
    if (field === 'companyId' && typeof value === 'number') return <CompanyNameById id={value} />;
    if (field === 'ownerId' && typeof value === 'number') return users.data?.find((user) => user.id === value)?.name ?? `#${value}`;
    return formatValue(field, value);
  }

  return (
    <li className="history__entry">
      <p className="history__summary">
        <span>{t(`history.${entry.action}`, { who, record: t(`${kind}.kindLabel`) })}</span>
        <time dateTime={new Date(entry.at).toISOString()} title={format.dateTime(entry.at)} className="muted">
          {format.relative(entry.at)}
        </time>
      </p>
      {entry.cause ? (
        <p className="history__cause">
          <Link to={`/${entry.cause.kind === 'deal' ? 'deals' : 'orders'}/${entry.cause.id}`}>
            {t(`history.cause.${entry.cause.kind}_${entry.cause.event}`, { label: entry.cause.label })}
          </Link>
        </p>
      ) : null}
      {changes.length > 0 ? (
        <dl className="history__changes">
          {changes.map((change, index) => (
            <div key={`${change.field}-${index}`} className="history__change">
              <dt>{fieldLabel(change.field === 'companyId' ? 'company' : change.field === 'ownerId' ? 'owner' : change.field)}</dt>
              <dd>
                {entry.action === 'update' ? (
                  <>
                    <span className={`history__before${change.before === null || change.before === undefined ? '' : ' history__before--value'}`}>
                      {renderValue(change.field, change.before)}
                    </span>
                    <span aria-label={t('history.changedTo')} className="history__arrow">
                      →
                    </span>
                    <span className="history__after">{renderValue(change.field, change.after)}</span>
                  </>
                ) : (
                  <span className="history__after">{renderValue(change.field, change.after)}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}

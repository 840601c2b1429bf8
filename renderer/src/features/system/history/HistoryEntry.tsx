import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../../db/contract/system';
import type { RecordKind } from '../../../../../db/contract/record-kinds';
import { Link } from '../../../app/Link';
import { PAGED_KINDS, kindName, recordPagePath, type PagedKind } from '../../../app/record-kinds';
import { useTRPC } from '../../../app/trpc';
import { useFormatters } from '../../../app/use-formatters';
import { useFieldLabel, useFieldValueFormatter } from '../../people/shared/use-field-value-formatter';
import { HiddenRecordName } from '../privacy/LinkedRecord';

/** Bookkeeping columns the user never edits directly. */
const HIDDEN_FIELDS = new Set(['sortName', 'sortTitle', 'remindedAt', 'version', 'updatedAt', 'createdAt', 'createdBy', 'updatedBy']);

/** An audit entry as it arrives over the wire (JSON: before/after may be absent). */
type WireChange = Omit<AuditEntry['changes'][number], 'before' | 'after'> & { before?: unknown; after?: unknown };
type WireAuditEntry = Omit<AuditEntry, 'changes'> & { changes: WireChange[] };

const isPagedKind = (kind: RecordKind): kind is PagedKind => (PAGED_KINDS as readonly RecordKind[]).includes(kind);

export function HistoryEntry({ entry, kind, currency }: { entry: WireAuditEntry; kind: RecordKind; currency?: string | undefined }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormatters();
  const fieldLabel = useFieldLabel();
  const formatValue = useFieldValueFormatter();
  const users = useQuery({ ...trpc.system.users.list.queryOptions(), staleTime: 60_000 });
  const who = entry.userName ?? t('history.someone');
  const changes = entry.action === 'create' || entry.action === 'update' ? entry.changes.filter((change) => !HIDDEN_FIELDS.has(change.field)) : [];

  function renderValue(change: WireChange, side: 'before' | 'after') {
    const field = change.field;
    const value = change[side];
    if (value === null || value === undefined) return <span className="muted">{t('common.none')}</span>;
    if (change.linkKind && typeof value === 'number') {
      const known = side === 'before' ? change.beforeTitle : change.afterTitle;
      if (known === null) return <HiddenRecordName />;
      const title = known ?? `#${value}`;
      return isPagedKind(change.linkKind) ? <Link to={recordPagePath(change.linkKind, value)}>{title}</Link> : title;
    }
    if ((field === 'ownerId' || field === 'assigneeId') && typeof value === 'number') return users.data?.find((user) => user.id === value)?.name ?? `#${value}`;
    return formatValue(field, value, { kind, ...(currency ? { currency } : {}) });
  }

  return (
    <li className="history__entry">
      <p className="history__summary">
        <span>{t(`history.${entry.action}`, { who, record: kindName(t, kind, 'noun') })}</span>
        {entry.client ? (
          <>
            <span aria-hidden="true" className="muted">
              ·
            </span>
            <span className="history__pc muted">{t('history.atPc', { pc: entry.client })}</span>
          </>
        ) : null}
        <span aria-hidden="true" className="muted">
          ·
        </span>
        <time dateTime={new Date(entry.at).toISOString()} title={format.dateTime(entry.at)} className="muted">
          {format.relative(entry.at)}
        </time>
      </p>
      {entry.cause ? (
        <p className="history__cause">
          <Link to={recordPagePath(entry.cause.kind, entry.cause.id)}>
            {t(`history.cause.${entry.cause.kind}_${entry.cause.event}`, { label: entry.cause.label })}
          </Link>
        </p>
      ) : null}
      {changes.length > 0 ? (
        <dl className="history__changes">
          {changes.map((change, index) => (
            <div key={`${change.field}-${index}`} className="history__change">
              <dt>{change.linkKind ? kindName(t, change.linkKind) : fieldLabel(change.field === 'ownerId' ? 'owner' : change.field)}</dt>
              <dd>
                {entry.action === 'update' ? (
                  <>
                    <span className={`history__before${change.before === null || change.before === undefined ? '' : ' history__before--value'}`}>
                      {renderValue(change, 'before')}
                    </span>
                    <span aria-label={t('history.changedTo')} className="history__arrow">
                      →
                    </span>
                    <span className="history__after">{renderValue(change, 'after')}</span>
                  </>
                ) : (
                  <span className="history__after">{renderValue(change, 'after')}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '../../../../../db/contract/record-kinds';
import { useTRPC } from '../../../app/trpc';
import { LoadingState } from '../../../app/ui/LoadingState';
import { HistoryEntry } from './HistoryEntry';

/** Who changed what, when: the record's audit log, newest first. In a dialog (`inDialog`) the dialog's title names it. */
export function HistoryPanel({ kind, id, inDialog = false }: { kind: RecordKind; id: number; inDialog?: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const history = useQuery(trpc.system.history.queryOptions({ kind, id, limit: 100 }));
  const titleId = `history-title-${kind}-${id}`;
  const currencies = currencyAtEachEntry(history.data ?? []);
  const body = (
    <>
      {history.isPending ? <LoadingState /> : null}
      {history.data && history.data.length === 0 ? <p className="muted">{t('history.none')}</p> : null}
      {history.data && history.data.length > 0 ? (
        <ol className="history" aria-label={t('history.title')}>
          {history.data.map((entry) => (
            <HistoryEntry key={entry.id} entry={entry} kind={kind} currency={currencies.get(entry.id)} />
          ))}
        </ol>
      ) : null}
    </>
  );
  if (inDialog) return body;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('history.title')}
      </h2>
      {body}
    </section>
  );
}

/** The record's currency as it was at each entry (oldest first), so amounts read as money. */
function currencyAtEachEntry(entries: { id: number; changes: { field: string; after?: unknown }[] }[]): Map<number, string | undefined> {
  const result = new Map<number, string | undefined>();
  let currency: string | undefined;
  for (const entry of [...entries].reverse()) {
    const change = entry.changes.find((candidate) => candidate.field === 'currency');
    if (typeof change?.after === 'string') currency = change.after;
    result.set(entry.id, currency);
  }
  return result;
}

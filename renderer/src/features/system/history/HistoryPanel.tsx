import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../app/trpc';
import { LoadingState } from '../../../app/ui/LoadingState';
import { HistoryEntry } from './HistoryEntry';

/** Who changed what, when: the record's audit log, newest first. */
export function HistoryPanel({ kind, id }: { kind: 'contact' | 'company'; id: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const history = useQuery(trpc.system.history.queryOptions({ kind, id, limit: 100 }));
  const titleId = `history-title-${kind}-${id}`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('history.title')}
      </h2>
      {history.isPending ? <LoadingState /> : null}
      {history.data && history.data.length === 0 ? <p className="muted">{t('history.none')}</p> : null}
      {history.data && history.data.length > 0 ? (
        <ol className="history" aria-label={t('history.title')}>
          {history.data.map((entry) => (
            <HistoryEntry key={entry.id} entry={entry} kind={kind} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

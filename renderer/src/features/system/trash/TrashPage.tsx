import { useWorkspace } from '../../../app/use-workspace';
import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrashKind } from '../../../../../db/contract/record-kinds';
import type { TrashEntry } from '../../../../../db/contract/system';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { ConfirmDialog } from '../../../app/ui/ConfirmDialog';
import { EmptyState } from '../../../app/ui/EmptyState';
import { ErrorState } from '../../../app/ui/ErrorState';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { TrashKindTabs } from './TrashKindTabs';
import { TrashRow } from './TrashRow';
import { useDocumentTitle } from '../../../app/use-document-title';

/** Deleted contacts, companies and notes: restore them, or delete them forever. */
export function TrashPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  useDocumentTitle(t('trash.title'));
  const [kind, setKind] = useState<TrashKind | null>(null);
  const [purging, setPurging] = useState<TrashEntry[] | null>(null);
  const list = useInfiniteQuery({
    ...trpc.system.trash.list.infiniteQueryOptions({ kind: kind ?? undefined, limit: 100 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    placeholderData: keepPreviousData,
  });
  const role = useWorkspace()?.currentUser?.role;
  // The core refuses the same: read-only users restore nothing, only managers and owners purge.
  const canRestore = role !== undefined && role !== 'read_only';
  const canPurge = role === 'owner' || role === 'manager';
  const restore = useMutation(trpc.system.trash.restore.mutationOptions());
  const purge = useMutation(trpc.system.trash.purge.mutationOptions());
  const rows = list.data?.pages.flatMap((page) => page.rows) ?? [];

  async function restoreEntry(entry: TrashEntry) {
    await restore.mutateAsync({ kind: entry.kind, id: entry.id });
    showToast({ tone: 'success', message: { key: 'trash.restored', values: { name: entry.title } } });
  }

  async function confirmPurge(entries: TrashEntry[]) {
    await purge.mutateAsync({ items: entries.map((entry) => ({ kind: entry.kind, id: entry.id })) });
    setPurging(null);
    showToast({ tone: 'success', message: { key: 'trash.purged', values: { count: entries.length } } });
  }

  return (
    <div className="list-page">
      <PageHeader
        title={t('trash.title')}
        subtitle={t('trash.subtitle')}
        actions={
          rows.length > 0 && canPurge ? (
            <button type="button" className="button button--danger-ghost" onClick={() => setPurging(rows)}>
              {t('trash.emptyShown')}
            </button>
          ) : null
        }
      />
      <TrashKindTabs value={kind} onChange={setKind} />
      <div className="list-page__scroll">
        {list.isPending ? <LoadingState /> : null}
        {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data && rows.length === 0 ? <EmptyState title={t('trash.emptyTitle')} message={t('trash.emptyMessage')} /> : null}
        {rows.length > 0 ? (
          <table className="simple-table">
            <caption className="visually-hidden">{t('trash.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trash.name')}</th>
                <th scope="col">{t('trash.kind')}</th>
                <th scope="col">{t('trash.deletedAt')}</th>
                <th scope="col">{t('trash.deletedBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('trash.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => (
                <TrashRow
                  key={`${entry.kind}-${entry.id}`}
                  entry={entry}
                  busy={restore.isPending || purge.isPending}
                  onRestore={canRestore ? () => void restoreEntry(entry).catch(() => undefined) : undefined}
                  onPurge={canPurge ? () => setPurging([entry]) : undefined}
                />
              ))}
            </tbody>
          </table>
        ) : null}
        {list.hasNextPage ? (
          <div className="load-more">
            <button type="button" className="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? t('common.loading') : t('trash.loadMore')}
            </button>
          </div>
        ) : null}
      </div>
      {purging ? (
        <ConfirmDialog
          title={purging.length === 1 ? t('trash.purgeOneTitle', { name: purging[0]!.title }) : t('trash.purgeManyTitle', { count: purging.length })}
          message={t('trash.purgeMessage', { count: purging.length })}
          confirmLabel={t('trash.deleteForever')}
          danger
          busy={purge.isPending}
          onCancel={() => setPurging(null)}
          onConfirm={() => void confirmPurge(purging).catch(() => undefined)}
        />
      ) : null}
    </div>
  );
}

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityChannel, TIMELINE_TARGETS } from '../../../../../db/contract/work';
import { useTRPC } from '../../../app/trpc';
import { ErrorState } from '../../../app/ui/ErrorState';
import { LoadingState } from '../../../app/ui/LoadingState';
import { ChannelFilter } from './ChannelFilter';
import { TimelineEntryItem } from './TimelineEntryItem';

const PAGE_SIZE = 50;
const MAX_HEIGHT = 640;
/** Fetch the next page this many entries before the end of what is loaded. */
const PREFETCH = 15;

/**
 * Everything that happened with a record, newest first: activities, notes, deal stage moves and
 * order status changes. Pages come from the core by keyset cursor and only the entries in view are
 * in the DOM, so thousands of entries scroll smoothly.
 */
export function TimelinePanel({ target, actions }: { target: { kind: (typeof TIMELINE_TARGETS)[number]; id: number }; actions?: ReactNode }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [channels, setChannels] = useState<ActivityChannel[]>([]);
  const input = { target, channels: channels.length > 0 ? channels : undefined, limit: PAGE_SIZE };
  const timeline = useInfiniteQuery({
    ...trpc.work.timeline.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => timeline.data?.pages.flatMap((page) => page.rows) ?? [], [timeline.data]);
  const total = timeline.data?.pages[0]?.total ?? null;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = timeline;

  // TanStack Virtual is not React-Compiler safe; this component is not memoized by the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 76,
    overscan: 6,
    getItemKey: (index) => {
      const row = rows[index];
      return row ? `${row.type}-${row.id}` : 'loader';
    },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const filterKey = channels.join(',');

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [filterKey]);

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - PREFETCH) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, rows.length, fetchNextPage]);

  const titleId = `timeline-title-${target.kind}-${target.id}`;
  const height = Math.min(virtualizer.getTotalSize(), MAX_HEIGHT);
  return (
    <section className="card timeline" aria-labelledby={titleId}>
      <div className="card__header">
        <h2 id={titleId} className="card__title">
          {t('timeline.title')}
          {total ? <span className="card__count">{total}</span> : null}
        </h2>
        {actions ? <div className="card__actions">{actions}</div> : null}
      </div>
      <ChannelFilter value={channels} onChange={setChannels} />
      {timeline.isPending ? <LoadingState /> : null}
      {timeline.isError ? <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} /> : null}
      {timeline.data && rows.length === 0 ? <p className="muted timeline__empty">{t(channels.length > 0 ? 'timeline.noneFiltered' : 'timeline.none')}</p> : null}
      {rows.length > 0 ? (
        <div ref={scrollRef} className={`timeline__scroll${timeline.isPlaceholderData ? ' timeline__scroll--stale' : ''}`} style={{ height }} tabIndex={0} aria-label={t('timeline.scrollLabel')}>
          <ol className="timeline__list" style={{ height: virtualizer.getTotalSize() }} aria-label={t('timeline.title')}>
            {items.map((item) => {
              const row = rows[item.index];
              return (
                <li
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="timeline__item"
                  style={{ transform: `translateY(${item.start}px)` }}
                  aria-setsize={total ?? -1}
                  aria-posinset={item.index + 1}
                >
                  {row ? <TimelineEntryItem entry={row} /> : <p className="muted timeline__loader">{t('list.loadingMore')}</p>}
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </section>
  );
}

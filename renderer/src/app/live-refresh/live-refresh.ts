import type { QueryClient } from '@tanstack/react-query';
import type { ChangeFeed } from '../../../../db/contract/system';
import { invalidateAll, invalidateTables } from './invalidate-tables';

export type FetchChangeFeed = (seq: number | undefined) => Promise<ChangeFeed>;

/**
 * This window's place in the change feed. Every sync asks the core which tables were written since
 * the last seq this window saw — by this window, another tab of the same host or another PC — and
 * refetches exactly the queries that read them. Syncs run one at a time; a sync asked for while one
 * runs runs after it (its answer may predate the write that asked), and requests that pile up meanwhile
 * share that one.
 */
export class LiveRefresh {
  private fetchFeed: FetchChangeFeed | null = null;
  private seq: number | null = null;
  private tail: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;

  constructor(private readonly queryClient: QueryClient) {}

  /** Starts following the feed from where it stands now; returns the disconnect. */
  connect(fetchFeed: FetchChangeFeed): () => void {
    this.fetchFeed = fetchFeed;
    void this.sync().catch(() => undefined);
    return () => {
      if (this.fetchFeed === fetchFeed) this.fetchFeed = null;
    };
  }

  /** Catch up with the feed and refetch what the new writes touched. Rejects when the feed could not be read. */
  sync(): Promise<void> {
    if (this.queued) return this.queued;
    const run = this.tail.then(() => {
      this.queued = null;
      return this.syncOnce();
    });
    this.queued = run;
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async syncOnce(): Promise<void> {
    const fetchFeed = this.fetchFeed;
    // Not following the feed yet (first run, before the app shell): nothing tells what changed.
    if (!fetchFeed) return void invalidateAll(this.queryClient);
    const since = this.seq;
    const feed = await fetchFeed(since ?? undefined);
    if (this.fetchFeed !== fetchFeed) return;
    this.seq = feed.seq;
    if (since === null) return;
    // The feed went back: the file was replaced (restored from a backup), so every answer may be stale.
    if (feed.seq < since) return void invalidateAll(this.queryClient);
    void invalidateTables(this.queryClient, feed.tables);
  }
}

const liveRefreshes = new WeakMap<QueryClient, LiveRefresh>();

/** The live refresh of this query client (one per window). */
export function liveRefreshOf(queryClient: QueryClient): LiveRefresh {
  let liveRefresh = liveRefreshes.get(queryClient);
  if (!liveRefresh) {
    liveRefresh = new LiveRefresh(queryClient);
    liveRefreshes.set(queryClient, liveRefresh);
  }
  return liveRefresh;
}

/** After a write made outside useMutation (an Undo through the client): refetch what it touched. */
export function refreshAfterWrite(queryClient: QueryClient): Promise<void> {
  return liveRefreshOf(queryClient).sync().catch(() => undefined);
}

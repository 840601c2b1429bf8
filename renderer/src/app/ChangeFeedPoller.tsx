import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { liveRefreshOf } from './live-refresh/live-refresh';
import { useTRPCClient } from './trpc';

const POLL_INTERVAL_MS = 1000;

/**
 * Writes from elsewhere (another tab, window or PC): about once a second catch up with the change
 * feed, which refetches exactly the queries that read the tables written.
 */
export function ChangeFeedPoller() {
  const client = useTRPCClient();
  const queryClient = useQueryClient();

  useEffect(() => {
    const liveRefresh = liveRefreshOf(queryClient);
    const disconnect = liveRefresh.connect((seq) => client.system.changes.query(seq === undefined ? {} : { seq }));
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function poll() {
      try {
        if (document.visibilityState !== 'hidden') await liveRefresh.sync();
      } catch {
        // A missed poll is harmless: the next one catches up from the same seq.
      } finally {
        if (!stopped) timer = setTimeout(() => void poll(), POLL_INTERVAL_MS);
      }
    }

    timer = setTimeout(() => void poll(), POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      disconnect();
    };
  }, [client, queryClient]);

  return null;
}

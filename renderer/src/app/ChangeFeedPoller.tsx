import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { TAB_SESSION_IDLE_MS } from '../../../db/contract/host';
import { hostKind } from './host-client';
import { liveRefreshOf } from './live-refresh/live-refresh';
import { useTRPC, useTRPCClient } from './trpc';

const POLL_INTERVAL_MS = 1000;
/**
 * A hidden tab does not follow the change feed, but in the browser host it still tells the host it
 * is open this often, or the host would end its session as a closed tab's. Browsers slow a hidden
 * tab's timers to about once a minute, well within the host's idle time.
 */
const HIDDEN_KEEPALIVE_MS = 60_000;

/**
 * Writes from elsewhere (another tab, window or PC): about once a second catch up with the change
 * feed, which refetches exactly the queries that read the tables written.
 */
export function ChangeFeedPoller() {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  useEffect(() => {
    const liveRefresh = liveRefreshOf(queryClient);
    const disconnect = liveRefresh.connect((seq) => client.system.changes.query(seq === undefined ? {} : { seq }));
    const tabSessionCanLapse = hostKind() === 'browser';
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastAsked = Date.now();

    async function poll() {
      try {
        const now = Date.now();
        // No call for that long (the computer slept, the tab was frozen): the host may have ended this
        // tab's session, so ask again who is signed in here; the gate shows "Who are you?" if nobody.
        if (tabSessionCanLapse && now - lastAsked >= TAB_SESSION_IDLE_MS) {
          lastAsked = now;
          await queryClient.invalidateQueries({ queryKey: trpc.system.workspace.info.queryKey() });
        }
        if (document.visibilityState !== 'hidden') {
          lastAsked = now;
          await liveRefresh.sync();
        } else if (tabSessionCanLapse && now - lastAsked >= HIDDEN_KEEPALIVE_MS) {
          lastAsked = now;
          await client.system.session.current.query();
        }
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
  }, [client, trpc, queryClient]);

  return null;
}

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isChangeFeedQuery } from './query-client';
import { useTRPCClient } from './trpc';

const POLL_INTERVAL_MS = 1000;

/**
 * Another PC (or process) wrote to the shared file: about once a second ask the core what changed
 * since the last seq seen, and refetch what is on screen when something did.
 */
export function ChangeFeedPoller() {
  const client = useTRPCClient();
  const queryClient = useQueryClient();

  useEffect(() => {
    let seq: number | null = null;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function poll() {
      try {
        if (document.visibilityState !== 'hidden') {
          const feed = await client.system.changes.query({ seq: seq ?? 0 });
          const first = seq === null;
          seq = feed.seq;
          if (!first && feed.changed) {
            await queryClient.invalidateQueries({ predicate: (query) => !isChangeFeedQuery(query.queryKey) });
          }
        }
      } catch {
        // A missed poll is harmless: the next one catches up from the same seq.
      } finally {
        if (!stopped) timer = setTimeout(() => void poll(), POLL_INTERVAL_MS);
      }
    }

    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [client, queryClient]);

  return null;
}

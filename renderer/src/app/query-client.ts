import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { errorCodeOf } from './errors';
import { liveRefreshOf } from './live-refresh/live-refresh';
import { showErrorToast } from './show-error-toast';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The caller shows its own UI for these error codes (form issues, conflict dialog…). */
      handledErrors?: string[];
      /** Skip catching up with the change feed after success: a mutation that follows at once does, for both. */
      skipInvalidate?: boolean;
    };
    queryMeta: {
      /** Errors of this query are shown in place, not as a toast. */
      silent?: boolean;
    };
  }
}

export function createQueryClient() {
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failureCount, error) => {
          const code = errorCodeOf(error);
          return code === 'BUSY' || code === 'NETWORK' ? failureCount < 2 : false;
        },
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.meta?.silent) return;
        const code = errorCodeOf(error);
        if (code === 'NOT_FOUND') return;
        showErrorToast(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        // A refused write often means the screen is stale (someone else saved or deleted): catch up now.
        void liveRefreshOf(queryClient).sync().catch(() => undefined);
        const code = errorCodeOf(error);
        if (mutation.meta?.handledErrors?.includes(code)) return;
        showErrorToast(error);
      },
      // Refetch exactly what the write touched (and what others wrote meanwhile), by the change feed's
      // tables; the queries are marked stale before the caller's own onSuccess runs.
      onSuccess: (_data, _variables, _context, mutation) => {
        if (mutation.meta?.skipInvalidate) return;
        return liveRefreshOf(queryClient).sync().catch(() => undefined);
      },
    }),
  });
  return queryClient;
}

export { invalidateAll, isChangeFeedQuery } from './live-refresh/invalidate-tables';

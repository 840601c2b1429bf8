import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { errorCodeOf } from './errors';
import { showErrorToast } from './show-error-toast';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The caller shows its own UI for these error codes (form issues, conflict dialog…). */
      handledErrors?: string[];
      /** Skip the blanket refetch after success (the caller updates the cache itself). */
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
        const code = errorCodeOf(error);
        if (mutation.meta?.handledErrors?.includes(code)) return;
        showErrorToast(error);
      },
      onSuccess: (_data, _variables, _context, mutation) => {
        if (mutation.meta?.skipInvalidate) return;
        // Writes touch lists, pages, history, trash and counts: refetch what is on screen.
        void queryClient.invalidateQueries({ predicate: (query) => !isChangeFeedQuery(query.queryKey) });
      },
    }),
  });
  return queryClient;
}

export function isChangeFeedQuery(queryKey: readonly unknown[]): boolean {
  const path = queryKey[0];
  return Array.isArray(path) && path[0] === 'system' && path[1] === 'changes';
}

/** Refetch everything on screen except the change feed itself (after a write made outside useMutation). */
export function invalidateAll(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ predicate: (query) => !isChangeFeedQuery(query.queryKey) });
}

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc';

/** The open workspace (locale, currency, current user); cached by the app shell. */
export function useWorkspace() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.system.workspace.info.queryOptions(), staleTime: 60_000 }).data;
}

import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ApiClient } from './api-client';
import { TRPCProvider } from './trpc';
import { ToastViewport } from './ui/ToastViewport';
import { WorkspaceGate } from './WorkspaceGate';

export function App({ apiClient, queryClient }: { apiClient: ApiClient; queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
        <WorkspaceGate />
        <ToastViewport />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

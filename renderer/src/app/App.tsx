import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from './api-client';
import { TRPCProvider } from './trpc';
import { ToastViewport } from './ui/ToastViewport';
import { WorkspaceGate } from './WorkspaceGate';

export function App({ apiClient, queryClient }: { apiClient: ApiClient; queryClient: QueryClient }) {
  // Date fields and calendars speak the interface language, never the browser's.
  const { i18n } = useTranslation();
  return (
    <I18nProvider locale={i18n.language}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
          <WorkspaceGate />
          <ToastViewport />
        </TRPCProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}

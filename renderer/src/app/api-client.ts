import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '../../../db/api/router';
import { getRapportBridge, ipcLink } from './ipc-link';
import { readSessionToken } from './session-token';

/** Electron: IPC through the preload bridge. Browser host: HTTP on loopback with the launch token. */
export function createApiClient() {
  const bridge = getRapportBridge();
  if (bridge) return createTRPCClient<AppRouter>({ links: [ipcLink(bridge)] });
  const token = readSessionToken();
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: new URL('trpc', window.location.href.split('#')[0]).pathname,
        headers: () => (token ? { 'x-rapport-token': token } : {}),
        maxURLLength: 4000,
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

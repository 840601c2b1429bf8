import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '../../../db/api/router';
import { TAB_SESSION_HEADER } from '../../../db/contract/host';
import { getRapportBridge, ipcLink } from './ipc-link';
import { readSessionToken } from './session-token';
import { tabSessionId } from './tab-session';

/** Electron: IPC through the preload bridge. Browser host: HTTP on loopback with the launch token and the tab's session. */
export function createApiClient() {
  const bridge = getRapportBridge();
  if (bridge) return createTRPCClient<AppRouter>({ links: [ipcLink(bridge)] });
  const token = readSessionToken();
  // Every call, the change feed's too, runs as this tab's session: who signed in here, not in another tab.
  const session = { [TAB_SESSION_HEADER]: tabSessionId() };
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: new URL('trpc', window.location.href.split('#')[0]).pathname,
        headers: () => (token ? { 'x-rapport-token': token, ...session } : session),
        maxURLLength: 4000,
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

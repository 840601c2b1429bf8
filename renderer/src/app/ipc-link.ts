import { TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '../../../db/api/router';

/** What the Electron preload exposes through contextBridge. */
export interface RapportBridge {
  invoke(request: { type: 'query' | 'mutation' | 'subscription'; path: string; input: unknown }): Promise<
    { ok: true; data: unknown } | { ok: false; error: { message: string; code: string | number; data: unknown } }
  >;
}

export function getRapportBridge(): RapportBridge | undefined {
  const bridge = (window as unknown as { rapport?: Partial<RapportBridge> }).rapport;
  return typeof bridge?.invoke === 'function' ? (bridge as RapportBridge) : undefined;
}

/** A terminating tRPC link that carries each operation over Electron IPC (one invoke per call). */
export function ipcLink(bridge: RapportBridge): TRPCLink<AppRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        let cancelled = false;
        bridge
          .invoke({ type: op.type, path: op.path, input: op.input })
          .then((response) => {
            if (cancelled) return;
            if (response.ok) {
              observer.next({ result: { type: 'data', data: response.data } });
              observer.complete();
            } else {
              observer.error(TRPCClientError.from({ error: response.error }));
            }
          })
          .catch((cause: unknown) => {
            if (!cancelled) observer.error(TRPCClientError.from(cause instanceof Error ? cause : new Error(String(cause))));
          });
        return () => {
          cancelled = true;
        };
      });
}

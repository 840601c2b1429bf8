/**
 * A Rapport host seen as a core process: the same CoreChannel a forked core gives (core-client.ts),
 * carried over a paired HostConnection. A host that forks a core today (the browser host, later
 * Electron main) works against another PC's database by taking this channel instead, unchanged:
 * each of its sessions becomes a window session on the remote host, where staff sign in.
 */
import { randomBytes } from 'node:crypto';
import type { IpcResponse } from '../api/call';
import { CoreClient, type CoreChannel } from '../api/core-client';
import type { CoreStatus, CoreToHost, HostToCore } from '../api/core-protocol';
import { HostConnection, type HostPairing } from './host-client';

/** What `status` reports for a remote workspace: the host's address in place of a file. */
export function remoteWorkspaceName(pairing: Pick<HostPairing, 'host' | 'port'>): string {
  return `rapport://${pairing.host}:${pairing.port}`;
}

export function remoteCoreChannel(pairing: HostPairing): CoreChannel {
  const connection = new HostConnection(pairing);
  const status: CoreStatus = { file: remoteWorkspaceName(pairing), shared: true, journalMode: 'remote' };
  // Window ids on the host: this launch's own prefix, so two launches on one PC never share a session.
  const launch = `pc-${randomBytes(6).toString('hex')}`;
  const listeners: ((message: CoreToHost) => void)[] = [];
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  let exited = false;
  const emit = (message: CoreToHost) => listeners.forEach((listener) => listener(message));

  const answer = async (message: HostToCore): Promise<IpcResponse> => {
    if (message.type !== 'control') return connection.call(`${launch}-${message.session ?? 'main'}`, message.type, message.path, message.input);
    switch (message.op) {
      case 'open':
        if (message.file === status.file) return { ok: true, data: status };
        return {
          ok: false,
          error: {
            message: 'This PC works on the database of the Rapport host; open or create other files there.',
            code: 'FORBIDDEN',
            data: { rapport: { code: 'FORBIDDEN' } },
          },
        };
      case 'status':
        return { ok: true, data: status };
      default:
        // Sessions open on the host with their first call and end there when idle; close ends nothing there.
        return { ok: true, data: null };
    }
  };

  return {
    pid: undefined,
    post(message) {
      void answer(message).then((response) => {
        if (!exited) emit({ id: message.id, ...response });
      });
    },
    onMessage(listener) {
      listeners.push(listener);
      // The channel is ready at once: the host is reached on the first call.
      if (listeners.length === 1) queueMicrotask(() => emit({ type: 'ready', pid: 0 }));
    },
    onExit(listener) {
      if (exited) listener(0, null);
      else exitListeners.push(listener);
    },
    kill() {
      if (exited) return;
      exited = true;
      connection.close();
      for (const listener of exitListeners.splice(0)) listener(0, null);
    },
  };
}

/** A CoreClient on a remote host, for code that takes one (connectCore's shape). */
export function connectRemoteCore(pairing: HostPairing): CoreClient {
  return new CoreClient(remoteCoreChannel(pairing));
}

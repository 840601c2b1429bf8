/** A host in this test process: a CoreServer with a workspace open and shared on 127.0.0.1. */
import path from 'node:path';
import type { IpcResponse } from '../api/call';
import type { ControlRequest } from '../api/core-protocol';
import { CoreServer } from '../api/core-server';
import { tempDir } from '../test-support/temp-workspace';
import type { HostServerInfo } from './host-server';
import type { PairingCode } from './pairing';

let nextId = 1;

/** Answers one message the way the core process would. */
export function ask(server: CoreServer, message: Record<string, unknown>): Promise<IpcResponse> {
  return new Promise((resolve) => {
    void server.handle({ id: nextId++, ...message }, (reply) => {
      const { id: _id, ...response } = reply as { id: number } & IpcResponse;
      resolve(response as IpcResponse);
    });
  });
}

export async function control(server: CoreServer, request: ControlRequest): Promise<IpcResponse> {
  return ask(server, { type: 'control', ...request });
}

/** The data of a call that must succeed. */
export async function must<T = any>(answer: Promise<IpcResponse>): Promise<T> {
  const response = await answer;
  if (!response.ok) throw new Error(`${response.error.data.rapport.code}: ${response.error.message}`);
  return response.data as T;
}

export async function startTestHost(): Promise<{ server: CoreServer; file: string; hostDir: string; info: HostServerInfo; code: () => Promise<string>; stop: () => Promise<void> }> {
  const dir = tempDir();
  const file = path.join(dir, 'office.db');
  const hostDir = path.join(dir, 'user-data', 'host');
  const server = new CoreServer();
  await must(control(server, { op: 'open', file, options: { probeLocks: false } }));
  const info = await must<HostServerInfo>(control(server, { op: 'share', address: '127.0.0.1', port: 0, dir: hostDir }));
  return {
    server,
    file,
    hostDir,
    info,
    code: async () => (await must<PairingCode>(control(server, { op: 'pairingCode' }))).code,
    stop: async () => {
      await control(server, { op: 'close' });
    },
  };
}

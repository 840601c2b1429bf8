/**
 * The message protocol between a host (Electron main, the browser host, tests, the bench) and the
 * core process (db/api/core-process.ts). Plain data only, so it crosses a child-process IPC channel,
 * an Electron utilityProcess and a MessagePort alike.
 *
 * - A call: `{ id, type: 'query' | 'mutation', path, input }` → `{ id, ok, data | error }`, the error
 *   in `callProcedure`'s shape (`error.data.rapport.code`), so the UI maps it unchanged.
 * - A control message from the host: `{ id, type: 'control', op, … }` → the same response shape.
 * - `session` names the connection a message belongs to. Each connection (an Electron window's port,
 *   the browser host, main itself) has its own session in the core; the signed-in staff user will
 *   live there (issue 7 §4).
 */
import path from 'node:path';
import type { OpenOptions } from '../workspace/open';
import type { IpcResponse } from './call';

export type ProcedureType = 'query' | 'mutation';

export interface CallMessage {
  id: number;
  type: ProcedureType;
  path: string;
  input: unknown;
  /** The connection the call came through; absent for the host's own calls. */
  session?: string;
}

/** Options of `open`: what `openWorkspace` takes. Keep them plain data: they cross a process boundary. */
export type CoreOpenOptions = OpenOptions;

export type ControlRequest =
  /** Opens (or creates) a file. The one open before closes only once the new one opened, unless `closeFirst` (a reopen of the same file). */
  | { op: 'open'; file: string; options?: CoreOpenOptions; closeFirst?: boolean }
  /** Closes the workspace; calls answer BUSY until another opens. */
  | { op: 'close' }
  /** Which file is open, if any. */
  | { op: 'status' }
  /** Electron: the port that arrives with this message carries one window's calls as `session`. */
  | { op: 'connect'; session: string }
  /** Forgets a session (its window closed or reloaded). */
  | { op: 'disconnect'; session: string }
  /**
   * Host mode (db/host/): serves the open workspace to other PCs over HTTPS on `address` (one of this
   * PC's own), keeping certificate and paired PCs in `dir` (beside the user data). Only for a file on
   * this PC's own disk. Answers HostServerInfo.
   */
  | { op: 'share'; address: string; port: number; dir: string }
  /** Stops serving other PCs (they keep their pairing for the next time). */
  | { op: 'unshare' }
  /** A new pairing code to show on the host (the previous one stops working). */
  | { op: 'pairingCode' }
  /** The PCs paired with this host (PairedClient[]). */
  | { op: 'pairedClients' }
  /** Unpairs a PC: its credential and its windows' sessions end at once. */
  | { op: 'unpair'; clientId: string };

export type ControlMessage = { id: number; type: 'control'; session?: string } & ControlRequest;

export type HostToCore = CallMessage | ControlMessage;

/** What `open` and `status` answer with. */
export interface CoreStatus {
  file: string;
  shared: boolean;
  journalMode: string;
}

export type CoreResponse = { id: number; session?: string } & IpcResponse;

/** Sent once by the core when it listens; hosts wait for it before the first message. */
export interface CoreReady {
  type: 'ready';
  pid: number;
}

export type CoreToHost = CoreResponse | CoreReady;

/** The workspace Electron opens by default: `rapport.db` in the user-data folder. */
export function defaultWorkspacePath(userDataDir: string): string {
  return path.join(userDataDir, 'rapport.db');
}

/**
 * What a Rapport host (one PC serving its database to the office, host-server.ts) and its clients
 * (host-client.ts) say to each other over HTTPS. The API itself crosses as the core's own call
 * message (core-protocol.ts) answered in callProcedure's shape, so a remote call behaves exactly
 * like a local one.
 *
 * - `POST /pair` `{ code, pc }` → `{ clientId, credential }`: the only request without a credential.
 * - `POST /call` `{ type, path, input }` → an IpcResponse; carries the credential and the window's
 *   session id.
 * - `GET /changes`: Server-Sent Events, one `data: {"seq":N}` whenever the change feed moves.
 */
import { z } from 'zod';
import { TAB_SESSION_HEADER, TAB_SESSION_ID } from '../contract/host';

export const HOST_PATHS = { pair: '/pair', call: '/call', changes: '/changes' } as const;

/** `Authorization: Rapport <credential>` on every request but pairing. */
export const CREDENTIAL_SCHEME = 'Rapport';
/** Each client window names its own session, as a browser tab does for the browser host. */
export const WINDOW_SESSION_HEADER = TAB_SESSION_HEADER;
export const WINDOW_SESSION_ID = TAB_SESSION_ID;

/** The default port a host listens on (the owner may choose another). */
export const DEFAULT_HOST_PORT = 47_653;

export const pairRequest = z.strictObject({
  code: z.string().trim().min(1).max(32),
  /** The client PC's name, recorded in the audit of what its users write. */
  pc: z.string().trim().min(1).max(100),
});
export type PairRequest = z.infer<typeof pairRequest>;

export interface PairResponse {
  clientId: string;
  credential: string;
}

export const callRequest = z.strictObject({
  type: z.enum(['query', 'mutation']),
  path: z.string().min(1).max(200),
  // JSON drops an undefined input (a query without one).
  input: z.unknown().optional(),
});

/** One change-feed event: where the feed stands now; the client then asks `system.changes` what moved. */
export interface ChangeEvent {
  seq: number;
}

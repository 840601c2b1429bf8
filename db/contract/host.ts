/**
 * What a host (not the core) may offer the renderer beside the API. Which file is open is a host
 * concern: Electron switches it from its File menu; the browser host, having no menu, serves a
 * small endpoint under `/host` (loopback, launch token) that Settings uses. The core router is the
 * same in both hosts and knows nothing of this.
 */
import { z } from 'zod';
import type { ErrorCode } from './errors';

/** `GET /host/capabilities`. */
export interface HostCapabilities {
  /** Settings may open or create another database file by path (`POST /host/open-database`). */
  openDatabase: boolean;
  /** The folder of the open file, ending in the host's path separator (for examples and hints). */
  folder?: string;
}

export const openDatabaseInput = z.object({
  /** Absolute, `~/…`, or relative to the folder of the database open now. */
  path: z.string().trim().min(1).max(4096),
  /** Create a new database there (refused if a file is already there) rather than open one. */
  create: z.boolean(),
  /** Take the file's "this PC only" lease (its shared folder's locks do not reach across PCs); may reopen the file open now. */
  onThisPcOnly: z.boolean().optional(),
});
export type OpenDatabaseInput = z.infer<typeof openDatabaseInput>;

/** The core's refusals (`openWorkspace`), plus what the host checks before asking the core. */
export type OpenDatabaseErrorCode =
  | Extract<ErrorCode, 'NOT_FOUND' | 'NOT_RAPPORT' | 'SCHEMA_TOO_NEW' | 'CORRUPT' | 'UNSAFE_SHARE' | 'HELD_ELSEWHERE' | 'BUSY' | 'DISK_FULL' | 'VALIDATION' | 'INTERNAL'>
  /** New database: a file is already there (Rapport never replaces a file). */
  | 'FILE_EXISTS'
  /** New database: the folder does not exist. */
  | 'NO_FOLDER'
  /** The path names a folder, not a file. */
  | 'IS_FOLDER'
  /** The system refused access (permissions, read-only disk). */
  | 'NO_ACCESS';

/** `POST /host/open-database` answers 200 with `{ file, created }` or 4xx with `{ error }`. */
export interface OpenDatabaseResult {
  /** The absolute path now open. */
  file: string;
  created: boolean;
}

export interface OpenDatabaseError {
  code: OpenDatabaseErrorCode;
  /** The core's or host's own English sentence, for logs; the UI shows its translation of `code`. */
  message: string;
  /** The absolute path the request resolved to. */
  file?: string;
}

/**
 * The browser host gives each tab its own session in the core (who is signed in there): the tab
 * makes an id once (kept in sessionStorage, so a reload keeps it) and sends it with every API call
 * in this header. The host refuses a value that does not match TAB_SESSION_ID.
 */
export const TAB_SESSION_HEADER = 'x-rapport-session';
export const TAB_SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/;
/** A tab's session ends after this long without a call (a closed tab says nothing); open tabs call more often. */
export const TAB_SESSION_IDLE_MS = 10 * 60_000;

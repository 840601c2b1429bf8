/**
 * Stable error codes shared by the core and the UI. The UI maps each code to a message;
 * the core never sends prose the UI must parse.
 */
export const ERROR_CODES = [
  'NOT_FOUND',
  'VALIDATION',
  'CONFLICT',
  'BUSY',
  'READ_ONLY',
  'FORBIDDEN',
  'CORRUPT',
  'NOT_RAPPORT',
  'SCHEMA_TOO_NEW',
  'UNSAFE_SHARE',
  /** Another PC holds the file's "this PC only" lease: `holder` says who, on which PC, since when. */
  'HELD_ELSEWHERE',
  /** A transient I/O error on a network share: the write was rolled back, retry is safe. */
  'SHARE_UNAVAILABLE',
  /** SQLITE_FULL or ENOSPC: the write was rolled back, nothing was saved. */
  'DISK_FULL',
  'INTERNAL',
  /** A request body over the host's size limit; nothing was run. */
  'TOO_LARGE',
  /** A request the host cannot take: wrong method or content type, unreadable body. */
  'BAD_REQUEST',
  /** Host mode: the Rapport host PC did not answer (a save may or may not have reached it). */
  'HOST_UNREACHABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path to the field, e.g. `emails.1.value`. Empty for form-level issues. */
  path: string;
  message: string;
}

/** The data every API error carries to the client, under `error.data.rapport`. */
export interface RapportErrorData {
  code: ErrorCode;
  issues?: FieldIssue[];
  /** For CONFLICT: the row as it is now in the database. */
  current?: unknown;
  /** For HELD_ELSEWHERE: who holds the file's lease. */
  holder?: LeaseHolderInfo;
}

/** Who holds a file opened "on this PC only": shown to the PC that is refused. */
export interface LeaseHolderInfo {
  /** The staff member signed in there, once someone has. */
  userName: string | null;
  osUser: string;
  host: string;
  /** Epoch ms the lease was taken. */
  since: number;
}

import path from 'node:path';
import { ERROR_CODES, type ErrorCode } from '../../db/contract/errors';
import { rapportErrorFromSystem } from '../../db/errors';

export interface OpenErrorMessage {
  code: ErrorCode | 'UNKNOWN';
  title: string;
  /** The core's own message, which says what is wrong in the user's terms. */
  message: string;
  detail: string;
}

const TITLES: Partial<Record<ErrorCode, string>> = {
  NOT_RAPPORT: 'Not a Rapport database',
  SCHEMA_TOO_NEW: 'This database needs a newer Rapport',
  CORRUPT: 'The database is damaged',
  UNSAFE_SHARE: 'This shared folder is not safe for several PCs',
  HELD_ELSEWHERE: 'Another PC has this database open on that PC only',
  DISK_FULL: 'The disk is full',
  BUSY: 'The database is busy',
  NOT_FOUND: 'The database file was not found',
  READ_ONLY: 'The database is read-only',
};

const HINTS: Partial<Record<ErrorCode, string>> = {
  NOT_RAPPORT: 'The file was left untouched. Choose a Rapport database, or create a new one.',
  SCHEMA_TOO_NEW: 'The file was left untouched. Install the latest Rapport on this PC, then open it again.',
  CORRUPT: 'The file was left untouched. Restore it from a backup (File → Show Backups Folder), or open another database.',
  UNSAFE_SHARE: 'Move the file to a proper network share, or open it on this PC only.',
  HELD_ELSEWHERE: 'The file was left untouched. Ask them to close it there, then open it again.',
  BUSY: 'Another program or PC holds the database. Wait a moment and try again.',
  DISK_FULL: 'Nothing was saved. Free some space on the disk that holds the database, then open it again.',
};

/** Turns whatever `openCore` threw into the text of an error dialog, keeping the core's message. */
export function describeOpenError(error: unknown, file: string): OpenErrorMessage {
  // A raw SQLite or file-system code that has a meaning (damage, a full disk) is named as the core names it.
  const raw = (rapportErrorFromSystem(error, path.basename(file)) ?? error) as { code?: unknown; message?: unknown } | null;
  const code = typeof raw?.code === 'string' && (ERROR_CODES as readonly string[]).includes(raw.code) ? (raw.code as ErrorCode) : 'UNKNOWN';
  const message = typeof raw?.message === 'string' && raw.message ? raw.message : String(error);
  const hint = code === 'UNKNOWN' ? '' : (HINTS[code] ?? '');
  return {
    code,
    title: (code !== 'UNKNOWN' && TITLES[code]) || `Rapport could not open ${path.basename(file)}`,
    message,
    detail: [file, hint].filter(Boolean).join('\n\n'),
  };
}

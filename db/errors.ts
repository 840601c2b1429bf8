import type { ErrorCode, FieldIssue, LeaseHolderInfo, RapportErrorData } from './contract/errors';

/** The one error type the core throws on purpose; the API maps it to a typed client error. */
export class RapportError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly current: unknown;
  readonly holder: LeaseHolderInfo | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { issues?: FieldIssue[]; current?: unknown; holder?: LeaseHolderInfo; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'RapportError';
    this.code = code;
    this.issues = extra.issues;
    this.current = extra.current;
    this.holder = extra.holder;
  }

  toData(): RapportErrorData {
    const data: RapportErrorData = { code: this.code };
    if (this.issues) data.issues = this.issues;
    if (this.current !== undefined) data.current = this.current;
    if (this.holder) data.holder = this.holder;
    return data;
  }
}

export const notFound = (what: string, id: number | string) => new RapportError('NOT_FOUND', `${what} ${id} does not exist`);

/** Someone else deleted the record being edited: CONFLICT with its deleted state, so the UI can offer restore or discard. */
export const deletedConflict = (current: unknown) =>
  new RapportError('CONFLICT', 'Someone else deleted this record after you opened it.', { current });

export const validation = (path: string, message: string) =>
  new RapportError('VALIDATION', message, { issues: [{ path, message }] });

/** SQLite reports lock contention as SQLITE_BUSY or SQLITE_LOCKED (and their extended codes). */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * An I/O failure a network share produces when it stalls or drops for a moment (SQLITE_IOERR_*,
 * SQLITE_CANTOPEN on the journal): SQLite rolled the transaction back, so a retry is safe.
 */
export function isShareIoError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN'));
}

export const shareUnavailableError = (cause?: unknown) =>
  new RapportError('SHARE_UNAVAILABLE', 'The network share did not answer in time; nothing was saved. Try again in a moment.', { cause });

/** SQLITE_CORRUPT (and extended codes) and SQLITE_NOTADB: the bytes are not a sound database. */
export function isCorruptError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** SQLITE_FULL from SQLite, ENOSPC from the file system (backups are written with plain fs calls too). */
export function isDiskFullError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

export const corruptError = (fileName: string, cause?: unknown) =>
  new RapportError('CORRUPT', `${fileName} is damaged and cannot be opened. Restore it from a backup.`, { cause });

export const diskFullError = (cause?: unknown) =>
  new RapportError('DISK_FULL', 'The disk holding the database is full; nothing was saved.', { cause });

/** The stable error for a raw SQLite or file-system failure that has a meaning of its own, if any. */
export function rapportErrorFromSystem(error: unknown, fileName = 'The database'): RapportError | null {
  if (error instanceof RapportError) return error;
  if (isCorruptError(error)) return corruptError(fileName, error);
  if (isDiskFullError(error)) return diskFullError(error);
  return null;
}

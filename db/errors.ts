import type { ErrorCode, FieldIssue, RapportErrorData } from './contract/errors';

/** The one error type the core throws on purpose; the API maps it to a typed client error. */
export class RapportError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly current: unknown;

  constructor(code: ErrorCode, message: string, extra: { issues?: FieldIssue[]; current?: unknown; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'RapportError';
    this.code = code;
    this.issues = extra.issues;
    this.current = extra.current;
  }

  toData(): RapportErrorData {
    const data: RapportErrorData = { code: this.code };
    if (this.issues) data.issues = this.issues;
    if (this.current !== undefined) data.current = this.current;
    return data;
  }
}

export const notFound = (what: string, id: number | string) => new RapportError('NOT_FOUND', `${what} ${id} does not exist`);

export const validation = (path: string, message: string) =>
  new RapportError('VALIDATION', message, { issues: [{ path, message }] });

/** SQLite reports lock contention as SQLITE_BUSY or SQLITE_LOCKED (and their extended codes). */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

import { TRPCClientError } from '@trpc/client';
import type { ErrorCode, FieldIssue, RapportErrorData } from '../../../db/contract/errors';

/** The typed error data the core attaches to every API error (`error.data.rapport`), if any. */
export function rapportErrorOf(error: unknown): RapportErrorData | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = (error as TRPCClientError<any>).data as { rapport?: RapportErrorData } | null | undefined;
  return data?.rapport && typeof data.rapport.code === 'string' ? data.rapport : null;
}

export type UiErrorCode = ErrorCode | 'NETWORK' | 'UNAUTHORIZED';

export function errorCodeOf(error: unknown): UiErrorCode {
  // The launch token is checked by the host before the core sees the request, so a 401 is never
  // a core error: it means this page was opened without the address's token (or an old one).
  if (error instanceof TRPCClientError && (error as TRPCClientError<any>).data?.httpStatus === 401) return 'UNAUTHORIZED';
  const rapport = rapportErrorOf(error);
  if (rapport) return rapport.code;
  if (error instanceof TRPCClientError && !error.data) return 'NETWORK';
  return 'INTERNAL';
}

/** Translation key of the message shown for an error code (see i18n `errors.*`). */
export function errorMessageKey(code: UiErrorCode): string {
  return `errors.${code}`;
}

/**
 * The message key for a failed call: as `errorMessageKey`, except that a CONFLICT whose current
 * row is deleted says so (someone else moved it to the Trash) instead of "it has been reloaded".
 */
export function errorMessageKeyOf(error: unknown): string {
  const rapport = rapportErrorOf(error);
  const current = rapport?.current as { deletedAt?: unknown } | null | undefined;
  if (rapport?.code === 'CONFLICT' && typeof current?.deletedAt === 'number') return 'errors.CONFLICT_DELETED';
  return errorMessageKey(errorCodeOf(error));
}

/**
 * Server issue paths are relative to the procedure input (`patch.emails.0.value` for an update);
 * forms know fields relative to the record (`emails.0.value`).
 */
export function fieldIssues(error: unknown, stripPrefix = 'patch.'): FieldIssue[] {
  const rapport = rapportErrorOf(error);
  if (rapport?.code !== 'VALIDATION') return [];
  return (rapport.issues ?? []).map((issue) => ({
    path: issue.path.startsWith(stripPrefix) ? issue.path.slice(stripPrefix.length) : issue.path,
    message: issue.message,
  }));
}

import { TRPCError, initTRPC } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import type { ErrorCode, RapportErrorData } from '../contract/errors';
import { RapportError, rapportErrorFromSystem } from '../errors';
import type { Workspace } from '../workspace/open';

export interface ApiContext {
  workspace: Workspace;
}

const TRPC_CODE: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  VALIDATION: 'BAD_REQUEST',
  CONFLICT: 'CONFLICT',
  BUSY: 'TOO_MANY_REQUESTS',
  READ_ONLY: 'FORBIDDEN',
  FORBIDDEN: 'FORBIDDEN',
  CORRUPT: 'INTERNAL_SERVER_ERROR',
  NOT_RAPPORT: 'BAD_REQUEST',
  SCHEMA_TOO_NEW: 'PRECONDITION_FAILED',
  UNSAFE_SHARE: 'PRECONDITION_FAILED',
  DISK_FULL: 'INTERNAL_SERVER_ERROR',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
};

/** The stable Rapport error data for any error a procedure raised. */
export function toErrorData(error: unknown): RapportErrorData {
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  if (cause instanceof RapportError) return cause.toData();
  const fromSystem = rapportErrorFromSystem(cause);
  if (fromSystem) return fromSystem.toData();
  if (cause instanceof ZodError) {
    return {
      code: 'VALIDATION',
      issues: cause.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  if (error instanceof TRPCError && error.code === 'NOT_FOUND') return { code: 'NOT_FOUND' };
  if (error instanceof TRPCError && (error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR')) return { code: 'VALIDATION', issues: [] };
  return { code: 'INTERNAL' };
}

const t = initTRPC.context<ApiContext>().create({
  isServer: true,
  allowOutsideOfServer: true,
  errorFormatter({ shape, error }) {
    const rapport = toErrorData(error);
    const message = rapport.code === 'VALIDATION' && rapport.issues?.length ? rapport.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : shape.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined, rapport } };
  },
});

/** Turns core errors into TRPCErrors with the matching HTTP-ish code, keeping the original as cause. */
const mapErrors = t.middleware(async ({ ctx, next }) => {
  // The background integrity check found the file damaged: refuse everything rather than read or write it.
  const refusal = ctx.workspace.integrity.refusal;
  if (refusal) throw new TRPCError({ code: TRPC_CODE[refusal.code], message: refusal.message, cause: refusal });
  const result = await next();
  if (!result.ok) {
    // A full disk or a damaged page raised by SQLite itself gets its own stable code, not INTERNAL.
    const cause = rapportErrorFromSystem(result.error.cause) ?? result.error.cause;
    if (cause instanceof RapportError) {
      result.error = new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
    }
  }
  return result;
});

export const router = t.router;
export const procedure = t.procedure.use(mapErrors);
export const createCallerFactory = t.createCallerFactory;

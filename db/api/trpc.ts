import { TRPCError, initTRPC } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import type { ErrorCode, RapportErrorData } from '../contract/errors';
import { RapportError, rapportErrorFromSystem } from '../errors';
import type { User, UserRole } from '../contract/system';
import type { PinLockouts } from '../system/pin-lockout';
import type { StaffSession } from '../system/session';
import type { Workspace } from '../workspace/open';

export interface ApiContext {
  /** The workspace as the signed-in user sees it: writes through it record that user and this PC. */
  workspace: Workspace;
  /** Who is signed in on this connection; null until someone signs in. */
  user: User | null;
  /** The connection's sign-in state, which sign-in and sign-out change. */
  session: StaffSession;
  /** Wrong PINs per staff member of this workspace, shared by every session on it in this process. */
  pinLockouts: PinLockouts;
}

/**
 * What a procedure needs: `signIn` is what a connection with nobody signed in may call (workspace
 * info, the staff list, signing in); the others are ranked, each role reaching up to its own.
 */
export type Access = 'signIn' | 'read' | 'write' | 'manage' | 'owner';
export const ACCESS_LEVELS = ['signIn', 'read', 'write', 'manage', 'owner'] as const satisfies readonly Access[];

const ROLE_REACHES: Record<UserRole, Exclude<Access, 'signIn'>> = {
  read_only: 'read',
  staff: 'write',
  manager: 'manage',
  owner: 'owner',
};

/** Whether a signed-in user of `role` may call a procedure declaring `access`. */
export function roleAllows(role: UserRole, access: Access): boolean {
  return ACCESS_LEVELS.indexOf(ROLE_REACHES[role]) >= ACCESS_LEVELS.indexOf(access);
}

export interface ProcedureMeta {
  access: Access;
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
  HELD_ELSEWHERE: 'CONFLICT',
  SHARE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  DISK_FULL: 'INTERNAL_SERVER_ERROR',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
  HOST_UNREACHABLE: 'SERVICE_UNAVAILABLE',
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

const t = initTRPC.context<ApiContext>().meta<ProcedureMeta>().create({
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

/** Refuses a call the signed-in user's role does not reach: READ_ONLY for read-only users, FORBIDDEN otherwise. */
const enforceAccess = t.middleware(({ ctx, meta, next }) => {
  const access = meta?.access;
  if (!access) throw new RapportError('INTERNAL', 'This procedure declares no access.');
  if (access === 'signIn') return next();
  const user = ctx.user;
  if (!user) throw new RapportError('FORBIDDEN', 'Sign in first.');
  if (roleAllows(user.role, access)) return next();
  if (user.role === 'read_only') throw new RapportError('READ_ONLY', 'You have read-only access; nothing was changed.');
  throw new RapportError('FORBIDDEN', 'Your role does not allow this.');
});

const base = t.procedure.use(mapErrors).use(enforceAccess);

/**
 * Every procedure is built from one of these, so each declares the access it needs (a test walks
 * the router and fails on one that declares nothing).
 */
export const signInProcedure = base.meta({ access: 'signIn' });
export const readProcedure = base.meta({ access: 'read' });
export const writeProcedure = base.meta({ access: 'write' });
export const manageProcedure = base.meta({ access: 'manage' });
export const ownerProcedure = base.meta({ access: 'owner' });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

import { TRPCError, getErrorShape } from '@trpc/server';
import { getTRPCErrorFromUnknown } from '@trpc/server/unstable-core-do-not-import';
import type { RapportErrorData } from '../contract/errors';
import { appRouter } from './router';
import { toErrorData, type ApiContext } from './trpc';

export interface ProcedureRequest {
  type: 'query' | 'mutation';
  path: string;
  input: unknown;
}

export type IpcResponse =
  | { ok: true; data: unknown }
  | { ok: false; error: { message: string; code: string; data: { rapport: RapportErrorData } } };

/** Whatever carries the context a call runs in: a Core, or one connection's session in the core process. */
export interface CallContextSource {
  context(): ApiContext;
}

/**
 * Calls one procedure by path, for every transport (the core process's message protocol, tests).
 * Unknown paths are NOT_FOUND; a query sent as a mutation (or the reverse) is BAD_REQUEST; every
 * error comes back in the shape tRPC's HTTP transport sends.
 */
export async function callProcedure(core: CallContextSource, request: ProcedureRequest): Promise<IpcResponse> {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>;
  const procedure = Object.hasOwn(procedures, request.path) ? procedures[request.path] : undefined;
  if (procedure && procedure._def.type !== request.type) {
    const message = `"${request.path}" is a ${procedure._def.type}, not a ${request.type}.`;
    return { ok: false, error: { message, code: 'METHOD_NOT_SUPPORTED', data: { rapport: { code: 'BAD_REQUEST' } } } };
  }
  try {
    if (!procedure) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `No ${request.type} procedure at "${request.path}"` });
    }
    const caller = appRouter.createCaller(core.context());
    const target = request.path.split('.').reduce<any>((node, key) => node[key], caller);
    return { ok: true, data: await target(request.input) };
  } catch (raw) {
    const error = getTRPCErrorFromUnknown(raw);
    const shape = getErrorShape({
      config: appRouter._def._config,
      error,
      type: request.type,
      path: request.path,
      input: request.input,
      ctx: undefined,
    });
    const rapport = (shape.data as { rapport?: RapportErrorData }).rapport ?? toErrorData(error);
    return { ok: false, error: { message: shape.message, code: error.code, data: { rapport } } };
  }
}

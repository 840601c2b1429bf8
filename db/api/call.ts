import { TRPCError, getErrorShape } from '@trpc/server';
import { getTRPCErrorFromUnknown } from '@trpc/server/unstable-core-do-not-import';
import type { RapportErrorData } from '../contract/errors';
import type { Core } from './core';
import { appRouter } from './router';
import { toErrorData } from './trpc';

export interface ProcedureRequest {
  type: 'query' | 'mutation';
  path: string;
  input: unknown;
}

export type IpcResponse =
  | { ok: true; data: unknown }
  | { ok: false; error: { message: string; code: string; data: { rapport: RapportErrorData } } };

/**
 * Calls one procedure by path, for transports that are not HTTP (Electron IPC). Unknown paths and
 * type mismatches are refused; every error comes back in the same shape the HTTP transport sends.
 */
export async function callProcedure(core: Core, request: ProcedureRequest): Promise<IpcResponse> {
  const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>)[request.path];
  try {
    if (!procedure || procedure._def.type !== request.type) {
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

import { z } from 'zod';
import { callProcedure, type IpcResponse } from '../../db/api/call';
import type { Core } from '../../db/api/core';
import type { ErrorCode, FieldIssue } from '../../db/contract/errors';
import { isTrustedRendererUrl, type TrustedRenderer } from './sender';

/** The request the preload forwards: one procedure call, nothing else. */
export const ipcRequestSchema = z.strictObject({
  type: z.enum(['query', 'mutation']),
  path: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, 'Not a procedure path'),
  input: z.unknown(),
});

export type IpcRequest = z.infer<typeof ipcRequestSchema>;

/**
 * The part of Electron's IpcMainInvokeEvent the handler reads. A real event fits it; tests pass a
 * plain object. `senderFrame` is null when the frame navigated away or was destroyed.
 */
export interface IpcEventLike {
  readonly senderFrame: { readonly url: string; readonly parent?: unknown } | null;
}

export interface IpcHandlerOptions extends TrustedRenderer {
  /** Told about refused calls (foreign sender, malformed request) and unexpected failures. */
  onRefused?: (reason: string, detail: { url: string | null }) => void;
}

export type IpcHandler = (event: IpcEventLike, request: unknown) => Promise<IpcResponse>;

/**
 * Builds the `ipcMain.handle('rapport:api', …)` handler: checks who is calling (only our own
 * renderer's main frame), checks the request's shape, then routes it into the router through
 * `callProcedure`, which maps every core error to `{ ok: false, error: { …, data: { rapport } } }`.
 */
export function createIpcHandler(getCore: () => Core | undefined, options: IpcHandlerOptions): IpcHandler {
  return async (event, request) => {
    const frame = event.senderFrame;
    const url = frame?.url ?? null;
    const isSubFrame = frame?.parent !== undefined && frame.parent !== null;
    if (!frame || isSubFrame || !url || !isTrustedRendererUrl(url, options)) {
      options.onRefused?.('foreign sender', { url });
      return refusal('FORBIDDEN', 'FORBIDDEN', 'This page may not call the Rapport API.');
    }

    const parsed = ipcRequestSchema.safeParse(request);
    if (!parsed.success) {
      options.onRefused?.('malformed request', { url });
      const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      }));
      return refusal('BAD_REQUEST', 'VALIDATION', 'Malformed API request.', issues);
    }

    const core = getCore();
    if (!core) return refusal('PRECONDITION_FAILED', 'BUSY', 'No database is open right now; try again in a moment.');

    try {
      return await callProcedure(core, { type: parsed.data.type, path: parsed.data.path, input: parsed.data.input });
    } catch (error) {
      options.onRefused?.(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`, { url });
      return refusal('INTERNAL_SERVER_ERROR', 'INTERNAL', 'Something went wrong inside Rapport.');
    }
  };
}

function refusal(trpcCode: string, code: ErrorCode, message: string, issues?: FieldIssue[]): IpcResponse {
  return { ok: false, error: { message, code: trpcCode, data: { rapport: issues ? { code, issues } : { code } } } };
}

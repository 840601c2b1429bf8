/**
 * tRPC's HTTP wire format, spoken by the browser host on `/trpc` in front of the core process: the
 * renderer's httpBatchLink stays as it is, while every call is forwarded over the core's message
 * protocol. Queries are GET (`?input=` or `?batch=1&input={"0":…}`), mutations POST with a JSON
 * body; answers are `{ result: { data } }` or `{ error: { message, code, data: { code, httpStatus,
 * path, rapport } } }`, as tRPC's own adapter sends them.
 */
import type http from 'node:http';
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { getStatusCodeFromKey } from '@trpc/server/unstable-core-do-not-import';
import type { IpcResponse } from '../../db/api/call';
import type { ProcedureType } from '../../db/api/core-protocol';
import type { ErrorCode } from '../../db/contract/errors';

export type ForwardCall = (type: ProcedureType, path: string, input: unknown) => Promise<IpcResponse>;

/** A request the host refused before the core saw it. */
class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly trpcCode: TRPC_ERROR_CODE_KEY,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export async function handleTrpcRequest(req: http.IncomingMessage, res: http.ServerResponse, forward: ForwardCall, maxBodyBytes: number): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const paths = decodeURIComponent(url.pathname.replace(/^\/trpc\/?/, '')).split(',');
  const batch = url.searchParams.get('batch') === '1';
  let type: ProcedureType;
  let inputs: unknown[];
  try {
    if (req.method === 'GET' || req.method === 'HEAD') {
      type = 'query';
      inputs = readInputs(url.searchParams.get('input'), paths.length, batch);
    } else if (req.method === 'POST') {
      type = 'mutation';
      const contentType = String(req.headers['content-type'] ?? '');
      if (contentType && !contentType.startsWith('application/json')) {
        throw new HttpRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST', 'Rapport takes JSON requests only (Content-Type: application/json).');
      }
      const body = await readBody(req, maxBodyBytes);
      inputs = readInputs(body === '' ? null : body, paths.length, batch);
    } else {
      res.setHeader('Allow', 'GET, POST');
      throw new HttpRefusal(405, 'METHOD_NOT_SUPPORTED', 'BAD_REQUEST', `Rapport's API takes GET for queries and POST for changes, not ${req.method ?? 'this method'}.`);
    }
    if (!batch && paths.length !== 1) throw new HttpRefusal(400, 'BAD_REQUEST', 'BAD_REQUEST', 'Several procedures need ?batch=1.');
  } catch (error) {
    if (!(error instanceof HttpRefusal)) throw error;
    const shape = errorShape({ ok: false, error: { message: error.message, code: error.trpcCode, data: { rapport: { code: error.code } } } }, paths.join(','));
    sendJson(res, error.status, shape.body);
    return;
  }

  const answers = await Promise.all(paths.map((path, index) => forward(type, path, inputs[index])));
  const shaped = answers.map((answer, index) => (answer.ok ? { status: 200, body: { result: { data: answer.data } } } : errorShape(answer, paths[index] ?? '')));
  if (!batch) {
    const only = shaped[0]!;
    sendJson(res, only.status, only.body);
    return;
  }
  const statuses = new Set(shaped.map((item) => item.status));
  sendJson(res, statuses.size === 1 ? [...statuses][0]! : 207, shaped.map((item) => item.body));
}

function readInputs(raw: string | null, count: number, batch: boolean): unknown[] {
  let parsed: unknown;
  try {
    parsed = raw === null ? undefined : JSON.parse(raw);
  } catch {
    throw new HttpRefusal(400, 'PARSE_ERROR', 'BAD_REQUEST', 'The request is not valid JSON.');
  }
  if (!batch) return [parsed];
  const byIndex = (parsed ?? {}) as Record<string, unknown>;
  if (typeof byIndex !== 'object') throw new HttpRefusal(400, 'BAD_REQUEST', 'BAD_REQUEST', 'A batch input must be an object keyed by position.');
  return Array.from({ length: count }, (_, index) => (Object.hasOwn(byIndex, String(index)) ? byIndex[String(index)] : undefined));
}

function errorShape(answer: Extract<IpcResponse, { ok: false }>, path: string): { status: number; body: unknown } {
  const key = (answer.error.code in TRPC_ERROR_CODES_BY_KEY ? answer.error.code : 'INTERNAL_SERVER_ERROR') as TRPC_ERROR_CODE_KEY;
  const httpStatus = getStatusCodeFromKey(key);
  return {
    status: httpStatus,
    body: { error: { message: answer.error.message, code: TRPC_ERROR_CODES_BY_KEY[key], data: { code: key, httpStatus, path, rapport: answer.error.data.rapport } } },
  };
}

/** Reads a body up to `limit` bytes; more is TOO_LARGE (the socket is not read any further). */
export function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    // Over the limit, the rest is drained unread, so the client gets the answer instead of a reset.
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      reject(tooLarge(limit));
      req.resume();
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function tooLarge(limit: number): HttpRefusal {
  return new HttpRefusal(413, 'PAYLOAD_TOO_LARGE', 'TOO_LARGE', `The request is larger than ${limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.ceil(limit / 1024)} kB`}; nothing was saved.`);
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
}

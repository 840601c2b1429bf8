/**
 * Host mode: the core process serves its database to the other PCs of the office over HTTPS
 * (protocol.ts). Off until the owner shares the database, and then bound only to the address they
 * chose. Every request but pairing carries a paired PC's credential and is refused before the core
 * sees it otherwise; staff then sign in per window through the API, as on the host itself.
 */
import https from 'node:https';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { IpcResponse } from '../api/call';
import type { ProcedureType } from '../api/core-protocol';
import type { ErrorCode } from '../contract/errors';
import { loadOrCreateHostCertificate } from './certificate';
import { PairedClients, PairingCodes, type PairedClient, type PairingCode } from './pairing';
import { CREDENTIAL_SCHEME, HOST_PATHS, WINDOW_SESSION_HEADER, WINDOW_SESSION_ID, callRequest, pairRequest, type PairResponse } from './protocol';
import { RemoteSessions, type SessionBackend } from './remote-sessions';

/** What the host server needs of the core it serves. */
export interface HostBackend extends SessionBackend {
  call(session: string, type: ProcedureType, path: string, input: unknown): Promise<IpcResponse>;
  /** Where the change feed stands (null while no workspace is open). */
  latestSeq(): number | null;
}

export interface HostServerOptions {
  /** The interface address the owner chose (one of this PC's own addresses, or loopback). */
  address: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** The host folder beside the user data: certificate, key and paired PCs. */
  dir: string;
  backend: HostBackend;
  now?: () => number;
  /** How often the change feed is looked at while someone listens. */
  changePollMs?: number;
  maxBodyBytes?: number;
  onError?: (message: string) => void;
}

export interface HostServerInfo {
  address: string;
  port: number;
  /** What clients pin; shown on the host so it can be compared with what a client saw. */
  fingerprint: string;
}

export interface HostServer extends HostServerInfo {
  /** A new pairing code (the previous one stops working). */
  pairingCode(): PairingCode;
  pairedClients(): PairedClient[];
  unpair(clientId: string): boolean;
  /** Tells listeners now rather than at the next poll (after a write through this host). */
  changed(): void;
  close(): Promise<void>;
}

const MAX_PAIR_BODY_BYTES = 4 * 1024;
const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
const SSE_KEEPALIVE_MS = 15_000;

/** The host never listens on every interface: only on one address of this PC. */
export function checkHostAddress(address: string): void {
  const own = Object.values(os.networkInterfaces())
    .flat()
    .map((entry) => entry?.address);
  if (address === '0.0.0.0' || address === '::' || !own.includes(address)) {
    throw Object.assign(new Error(`${address} is not an address of this PC's network interfaces; choose one of them.`), { code: 'VALIDATION' });
  }
}

export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  checkHostAddress(options.address);
  const now = options.now ?? Date.now;
  const report = options.onError ?? ((message: string) => process.stderr.write(`[rapport host] ${message}\n`));
  const certificate = loadOrCreateHostCertificate(options.dir);
  const codes = new PairingCodes(now);
  const paired = new PairedClients(options.dir);
  const sessions = new RemoteSessions(options.backend, now);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const feed = new ChangeFeedPush(options.backend, options.changePollMs ?? 200);

  const authenticate = (req: http.IncomingMessage): PairedClient | null => {
    const header = req.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith(`${CREDENTIAL_SCHEME} `)) return null;
    return paired.find(header.slice(CREDENTIAL_SCHEME.length + 1).trim());
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const pathname = new URL(req.url ?? '/', 'https://host').pathname;
    if (pathname === HOST_PATHS.pair) {
      if (req.method !== 'POST') return refuse(res, 405, 'BAD_REQUEST', 'Pair with POST.');
      const parsed = pairRequest.safeParse(parseJson(await readBody(req, MAX_PAIR_BODY_BYTES)));
      if (!parsed.success) return refuse(res, 400, 'VALIDATION', 'Send the pairing code and this PC’s name.');
      if (!codes.redeem(parsed.data.code)) return refuse(res, 403, 'FORBIDDEN', 'That pairing code is wrong, used or expired. Ask for a new code on the host PC.');
      const { client, credential } = paired.add(parsed.data.pc, now());
      const answer: PairResponse = { clientId: client.id, credential };
      return sendJson(res, 200, answer);
    }
    const client = authenticate(req);
    if (!client) {
      res.setHeader('WWW-Authenticate', CREDENTIAL_SCHEME);
      return refuse(res, 401, 'FORBIDDEN', 'This PC is not paired with the Rapport host (or was unpaired). Pair it again with a code from the host.');
    }
    if (pathname === HOST_PATHS.changes) {
      if (req.method !== 'GET') return refuse(res, 405, 'BAD_REQUEST', 'Listen with GET.');
      return feed.subscribe(res);
    }
    if (pathname !== HOST_PATHS.call) return refuse(res, 404, 'NOT_FOUND', 'Not found.');
    if (req.method !== 'POST') return refuse(res, 405, 'BAD_REQUEST', 'Call with POST.');
    const windowId = req.headers[WINDOW_SESSION_HEADER];
    if (typeof windowId !== 'string' || !WINDOW_SESSION_ID.test(windowId)) {
      return refuse(res, 400, 'BAD_REQUEST', `Name the window's session in ${WINDOW_SESSION_HEADER}.`);
    }
    const body = await readBody(req, maxBodyBytes);
    const parsed = callRequest.safeParse(parseJson(body));
    if (!parsed.success) return refuse(res, 400, 'BAD_REQUEST', 'Malformed API request.');
    const { type, path, input } = parsed.data;
    const session = sessions.sessionOf(client.id, client.pc, windowId);
    const answer = await options.backend.call(session, type, path, input);
    // Signing out ends the window's session: whoever signs in next there starts with a fresh one.
    if (answer.ok && path === 'system.session.signOut') sessions.end(client.id, windowId);
    if (type === 'mutation' && answer.ok) feed.poke();
    sendJson(res, 200, answer);
  };

  const server = https.createServer({ key: certificate.key, cert: certificate.cert, minVersion: 'TLSv1.3' }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyRefusal) return refuse(res, error.status, error.code, error.message);
      report(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      refuse(res, 500, 'INTERNAL', 'Something went wrong inside the Rapport host.');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: options.address, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    address: options.address,
    port,
    fingerprint: certificate.fingerprint,
    pairingCode: () => codes.issue(),
    pairedClients: () => paired.list(),
    unpair: (clientId) => {
      sessions.endClient(clientId);
      return paired.remove(clientId);
    },
    changed: () => feed.poke(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        feed.close();
        server.close(() => resolve());
        server.closeAllConnections();
        sessions.endAll();
      });
      return closing;
    },
  };
}

/**
 * Pushes the change feed's position to every listening PC when it moves: a cheap max(seq) a few
 * times a second while anyone listens, and at once after a write made through this host.
 */
class ChangeFeedPush {
  private readonly listeners = new Set<http.ServerResponse>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private keepAlive: ReturnType<typeof setInterval> | undefined;
  private lastSeq: number | null = null;

  constructor(
    private readonly backend: HostBackend,
    private readonly pollMs: number,
  ) {}

  subscribe(res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.flushHeaders();
    this.listeners.add(res);
    const seq = this.backend.latestSeq();
    if (seq !== null) res.write(`data: ${JSON.stringify({ seq })}\n\n`);
    // The response's close: the PC went away (the request's own close comes once its empty body is read).
    res.on('close', () => {
      this.listeners.delete(res);
      if (this.listeners.size === 0) this.stop();
    });
    if (!this.timer) {
      this.lastSeq = seq;
      this.timer = setInterval(() => this.poke(), this.pollMs);
      this.keepAlive = setInterval(() => this.listeners.forEach((listener) => listener.write(': keep-alive\n\n')), SSE_KEEPALIVE_MS);
    }
  }

  poke(): void {
    if (this.listeners.size === 0) return;
    const seq = this.backend.latestSeq();
    if (seq === null || seq === this.lastSeq) return;
    this.lastSeq = seq;
    const event = `data: ${JSON.stringify({ seq })}\n\n`;
    for (const listener of this.listeners) listener.write(event);
  }

  close(): void {
    for (const listener of this.listeners) listener.end();
    this.listeners.clear();
    this.stop();
  }

  private stop(): void {
    clearInterval(this.timer);
    clearInterval(this.keepAlive);
    this.timer = undefined;
    this.keepAlive = undefined;
  }
}

class BodyRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new BodyRefusal(413, 'TOO_LARGE', 'The request is too large; nothing was saved.');
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function refuse(res: http.ServerResponse, status: number, code: ErrorCode, message: string): void {
  const trpcCode = status === 401 ? 'UNAUTHORIZED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
  const answer: IpcResponse = { ok: false, error: { message, code: trpcCode, data: { rapport: { code } } } };
  sendJson(res, status, answer);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
}

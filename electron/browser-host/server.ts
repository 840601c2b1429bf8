import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CoreClient, forkCoreProcess } from '../../db/api/core-client';
import type { HostServerInfo } from '../../db/host/host-server';
import type { PairingCode } from '../../db/host/pairing';
import { defaultWorkspacePath, type CoreOpenOptions, type CoreStatus } from '../../db/api/core-protocol';
import { TAB_SESSION_HEADER, TAB_SESSION_ID, type HostCapabilities, type OpenDatabaseInput, type OpenDatabaseResult } from '../../db/contract/host';
import { RENDERER_CSP } from '../shared/csp';
import { defaultUserDataDir } from '../shared/user-data';
import { OpenDatabaseRefusal, checkDatabasePath, parseOpenDatabaseInput, refusalFromOpenError, resolveDatabasePath } from './database-switch';
import { resolveStaticFile, sendStaticFile } from './static';
import { TabSessions } from './tab-sessions';
import { handleTrpcRequest, readBody, sendJson } from './trpc-http';

/** The header every API request must carry, holding the per-launch token. */
export const TOKEN_HEADER = 'x-rapport-token';
/** The host binds here and nowhere else: never 0.0.0.0, never a LAN address. */
export const LOOPBACK_ADDRESS = '127.0.0.1';

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const MAX_HOST_BODY_BYTES = 64 * 1024;

export interface BrowserHostOptions {
  /** The workspace file; created (with its folder) when missing, like the desktop app does. */
  dbFile: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer (`dist/renderer`); without it only the API is served (dev server mode). */
  staticDir?: string | null;
  /** Normally generated per launch; tests and the dev server may pass their own. */
  token?: string;
  openOptions?: CoreOpenOptions;
  /** The core entry to fork (default: db/api/core-process.ts from the source tree, through tsx). */
  coreEntry?: string;
  /**
   * Where the API runs instead of a forked core: another PC's Rapport host
   * (`connectRemoteCore` in db/host/remote-core-channel.ts); `dbFile` is then its remote name.
   */
  startCore?: () => CoreClient;
  /** Host mode: serve the database to the office network on this address (off by default). */
  share?: { address: string; port: number; dir: string };
  /** Largest API request body (default 64 MB); more is refused with TOO_LARGE. */
  maxBodyBytes?: number;
  /** Told about unexpected server-side failures (defaults to stderr). */
  onError?: (message: string) => void;
  /** Told after Settings switched to another database file (the CLI prints it). */
  onDatabaseChanged?: (file: string, created: boolean) => void;
}

export interface BrowserHost {
  /** The address to open, carrying the token: `http://127.0.0.1:N/?token=…`. */
  url: string;
  /** `http://127.0.0.1:N`, without the token. */
  origin: string;
  port: number;
  token: string;
  /** The workspace open now (as the core reported it); another one after `openDatabase`. */
  readonly status: CoreStatus;
  /** The core process serving it (changes when the host restarts a core that died). */
  readonly corePid: number | undefined;
  /** Where other PCs reach this database (with `share`), or null. */
  readonly sharing: HostServerInfo | null;
  /** A new pairing code for another PC (with `share`). */
  pairingCode(): Promise<PairingCode>;
  /**
   * Opens (or creates) another database file and serves it from the next request on; the one
   * open before closes only once the new one opened. Throws an OpenDatabaseRefusal, leaving the
   * current one open, when the path or the file is refused.
   */
  openDatabase(input: OpenDatabaseInput): Promise<OpenDatabaseResult>;
  /** Stops listening, drops open connections, closes the workspace. Safe to call twice. */
  close(): Promise<void>;
}

/** The workspace Electron opens by default: `rapport.db` in the platform's user-data folder. */
export function defaultDatabaseFile(): string {
  return defaultWorkspacePath(defaultUserDataDir());
}

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The session of API calls that name no tab (scripts, the bench): the renderer always names its tab,
 * whose calls run in a session of their own (tab-sessions.ts).
 */
const UNNAMED_SESSION = 'browser';
/** A core that keeps dying is not restarted forever: after this many in a minute the host refuses. */
const MAX_RESTARTS_PER_MINUTE = 3;

/**
 * Serves the built renderer and the API over HTTP on 127.0.0.1 only; the API runs in a core child
 * process (db/api/core-process.ts), so a lock wait there never stalls this process. Every request under
 * `/trpc` and `/host` must carry the launch token in `x-rapport-token` (401 otherwise, compared in constant
 * time); static files need no token, and the page learns the token only from the URL printed at
 * launch. Requests whose Host is not a loopback name are refused (DNS rebinding). Each tab names its
 * session in `x-rapport-session` (db/contract/host.ts), so each is signed in on its own.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? generateToken();
  if (token.length < 16) throw new Error('The browser host token must be at least 16 characters.');
  const expected = digest(token);
  const report = options.onError ?? ((message: string) => process.stderr.write(`[rapport] ${message}\n`));
  const staticDir = options.staticDir ? path.resolve(options.staticDir) : null;

  // --shared and a test's backup folder were meant for the file named at launch, not the next one.
  const { markShared: _markShared, backupDir: _backupDir, ...reopenOptions } = options.openOptions ?? {};

  /** Forks a core, opens `file` in it and connects the unnamed session; throws the open refusal. */
  let sharing: HostServerInfo | null = null;
  const startCore = async (file: string, openOptions: CoreOpenOptions | undefined): Promise<{ client: CoreClient; status: CoreStatus; tabs: TabSessions }> => {
    const client = options.startCore?.() ?? forkCoreProcess(options.coreEntry);
    try {
      await client.ready;
      const status = await client.open(file, openOptions);
      if (options.share) {
        // A restarted core shares again, on the same port with the same certificate: paired PCs reconnect.
        const shared = await client.control({ op: 'share', ...options.share, port: sharing?.port ?? options.share.port });
        if (!shared.ok) throw Object.assign(new Error(shared.error.message), { code: shared.error.code });
        sharing = shared.data as HostServerInfo;
      }
      await client.control({ op: 'connect', session: UNNAMED_SESSION });
      const tabs = new TabSessions({
        connect: (session) => client.control({ op: 'connect', session }),
        disconnect: (session) => void client.control({ op: 'disconnect', session }),
      });
      return { client, status, tabs };
    } catch (error) {
      await client.close();
      throw error;
    }
  };

  let { client, status, tabs } = await startCore(options.dbFile, options.openOptions);
  /** Set while a core that died is being replaced; calls wait for it. */
  let restarting: Promise<void> | null = null;
  const restarts: number[] = [];
  let closed = false;

  const watch = (watched: CoreClient) =>
    watched.onUnexpectedStop((error) => {
      if (closed || watched !== client) return;
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0]! < now - 60_000) restarts.shift();
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
        report(`${error.message} It stopped ${restarts.length} times within a minute, so Rapport no longer restarts it; requests are refused until the host is restarted.`);
        return;
      }
      report(`${error.message} Restarting it on ${status.file}.`);
      restarting = startCore(status.file, { ...reopenOptions, create: false })
        .then((next) => {
          client = next.client;
          status = next.status;
          tabs = next.tabs;
          watch(client);
        })
        .catch((restartError: unknown) => report(`The core could not be restarted: ${restartError instanceof Error ? restartError.message : String(restartError)}`))
        .finally(() => {
          restarting = null;
        });
    });
  watch(client);

  /** One call of a tab (`tabId`, or none for scripts), in that tab's session. */
  const forward = async (tabId: string | null, type: 'query' | 'mutation', procedurePath: string, input: unknown) => {
    if (restarting) await restarting;
    const calledOn = client;
    const sessions = tabs;
    let session = UNNAMED_SESSION;
    if (tabId !== null) {
      const lookup = await sessions.sessionOf(tabId);
      if (!lookup.ok) return lookup.refusal;
      session = lookup.coreSession;
    }
    const answer = await calledOn.call(type, procedurePath, input, session);
    if (!answer.ok && answer.error.data.rapport.code === 'INTERNAL') report(`${procedurePath}: ${answer.error.message}`);
    // Signing out ends the tab's session: whoever signs in next there starts with a fresh one.
    if (answer.ok && tabId !== null && procedurePath === 'system.session.signOut') sessions.end(tabId);
    return answer;
  };

  const openDatabase = async (input: OpenDatabaseInput): Promise<OpenDatabaseResult> => {
    if (restarting) await restarting;
    const file = resolveDatabasePath(input.path, status.file);
    if (input.onThisPcOnly && !input.create && file === status.file) return reopenOnThisPcOnly(file);
    if (!input.create && file === status.file) return { file, created: false };
    checkDatabasePath(file, input.create);
    try {
      // The core opens the new file before it closes the one open now, so a refusal changes nothing.
      status = await client.open(file, { ...reopenOptions, create: input.create });
    } catch (error) {
      throw refusalFromOpenError(error, file);
    }
    options.onDatabaseChanged?.(status.file, input.create);
    return { file: status.file, created: input.create };
  };

  /**
   * "Open it on this PC only" for the file open now: its own lock slot would count as another PC,
   * so the core closes it first; if the lease is refused, the file is opened again as it was.
   */
  const reopenOnThisPcOnly = async (file: string): Promise<OpenDatabaseResult> => {
    try {
      status = await client.open(file, { ...reopenOptions, create: false, onThisPcOnly: true }, true);
    } catch (error) {
      status = await client.open(file, { ...reopenOptions, create: false });
      throw refusalFromOpenError(error, file);
    }
    options.onDatabaseChanged?.(status.file, false);
    return { file: status.file, created: false };
  };

  const pageHeaders = {
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };

  const server = http.createServer((req, res) => {
    try {
      if (!isLoopbackHost(req.headers.host)) {
        sendText(res, 403, 'Rapport answers only to 127.0.0.1 / localhost.');
        return;
      }
      const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (pathname === '/trpc' || pathname.startsWith('/trpc/')) {
        if (!tokenMatches(req.headers[TOKEN_HEADER], expected)) {
          sendUnauthorized(res);
          return;
        }
        const tabId = req.headers[TAB_SESSION_HEADER];
        if (tabId !== undefined && (typeof tabId !== 'string' || !TAB_SESSION_ID.test(tabId))) {
          sendBadSession(res);
          return;
        }
        const forwardForTab = (type: 'query' | 'mutation', procedurePath: string, input: unknown) => forward(tabId ?? null, type, procedurePath, input);
        handleTrpcRequest(req, res, forwardForTab, options.maxBodyBytes ?? MAX_BODY_BYTES).catch((error: unknown) => {
          report(`request failed: ${error instanceof Error ? error.message : String(error)}`);
          if (!res.headersSent) sendText(res, 500, 'Internal error.');
        });
        return;
      }
      if (pathname === '/host' || pathname.startsWith('/host/')) {
        if (!tokenMatches(req.headers[TOKEN_HEADER], expected)) {
          sendUnauthorized(res);
          return;
        }
        handleHostRequest(
          req,
          res,
          pathname,
          {
            openDatabase,
            folder: () => path.dirname(status.file) + path.sep,
            health: () => ({ core: client.hasStopped ? (restarting ? 'restarting' : 'stopped') : 'running', pid: client.pid ?? null }),
          },
          report,
        );
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        sendText(res, 405, 'Method not allowed.');
        return;
      }
      const file = staticDir ? resolveStaticFile(staticDir, pathname) : null;
      if (!file) {
        sendText(res, 404, staticDir && !fs.existsSync(path.join(staticDir, 'index.html')) ? 'The renderer is not built: run `npm run build:renderer`.' : 'Not found.');
        return;
      }
      sendStaticFile(req, res, file, { headers: pageHeaders, immutable: pathname.startsWith('/assets/') });
    } catch (error) {
      report(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendText(res, 500, 'Internal error.');
      else res.destroy();
    }
  });
  // Keep-alive sockets must not hold the process open at shutdown.
  server.keepAliveTimeout = 5_000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: options.port ?? 0, host: LOOPBACK_ADDRESS, exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await client.close();
    throw error;
  }

  const port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK_ADDRESS}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    get status() {
      return status;
    },
    get corePid() {
      return client.pid;
    },
    get sharing() {
      return sharing;
    },
    async pairingCode() {
      const answer = await client.control({ op: 'pairingCode' });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data as PairingCode;
    },
    openDatabase,
    close() {
      closed = true;
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).finally(async () => {
        if (restarting) await restarting;
        await client.close();
      });
      return closing;
    },
  };
}

/**
 * `/host/…`: what this host offers beside the API (see db/contract/host.ts). Only the browser host
 * serves it; Electron switches files from its File menu.
 */
function handleHostRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
  host: {
    openDatabase: (input: OpenDatabaseInput) => Promise<OpenDatabaseResult>;
    folder: () => string;
    health: () => { core: 'running' | 'restarting' | 'stopped'; pid: number | null };
  },
  report: (message: string) => void,
): void {
  if (pathname === '/host/capabilities') {
    if (req.method !== 'GET') return sendMethodNotAllowed(res, 'GET');
    const capabilities: HostCapabilities = { openDatabase: true, folder: host.folder() };
    return sendJson(res, 200, capabilities);
  }
  if (pathname === '/host/health') {
    // Answered by the host alone, so it answers while the core waits on a lock.
    if (req.method !== 'GET') return sendMethodNotAllowed(res, 'GET');
    return sendJson(res, 200, host.health());
  }
  if (pathname === '/host/open-database') {
    if (req.method !== 'POST') return sendMethodNotAllowed(res, 'POST');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { error: { code: 'VALIDATION', message: 'Send JSON.' } });
    }
    readBody(req, MAX_HOST_BODY_BYTES).then(
      async (text) => {
        try {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            throw new OpenDatabaseRefusal('VALIDATION', 'The request is not valid JSON.');
          }
          sendJson(res, 200, await host.openDatabase(parseOpenDatabaseInput(body)));
        } catch (error) {
          const refusal = error instanceof OpenDatabaseRefusal ? error : refusalFromOpenError(error, '');
          if (refusal.code === 'INTERNAL') report(`open-database: ${refusal.message}`);
          sendJson(res, refusal.code === 'INTERNAL' ? 500 : refusal.code === 'BUSY' ? 409 : 400, { error: refusal.toJSON() });
        }
      },
      () => sendJson(res, 413, { error: { code: 'VALIDATION', message: 'The request is too large.' } }),
    );
    return;
  }
  sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'Not found.' } });
}

function sendMethodNotAllowed(res: http.ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendJson(res, 405, { error: { code: 'VALIDATION', message: 'Method not allowed.' } });
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Compares digests, so neither the token's length nor its content leaks through timing. */
function tokenMatches(given: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 1024) return false;
  return timingSafeEqual(digest(given), expected);
}

function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return LOOPBACK_HOSTNAMES.has((hostname ?? '').toLowerCase());
}

/** A session header the renderer would never send (wrong shape, or given twice): refused before the core sees it. */
function sendBadSession(res: http.ServerResponse): void {
  sendJson(res, 400, {
    error: {
      message: `The ${TAB_SESSION_HEADER} header must be one tab session id (16 to 64 letters, digits, - or _).`,
      code: -32600,
      data: { code: 'BAD_REQUEST', httpStatus: 400, rapport: { code: 'BAD_REQUEST' } },
    },
  });
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

/**
 * Shaped like a tRPC error, so the client shows a readable message instead of a parse failure. It
 * carries no Rapport error code on purpose: the core never saw the request, and the page tells
 * "open the address Rapport printed" apart from a role refusal (FORBIDDEN) by the 401 alone.
 */
function sendUnauthorized(res: http.ServerResponse): void {
  const body = {
    error: {
      message: 'Missing or wrong Rapport token. Open the address Rapport printed when it started.',
      code: -32001,
      data: { code: 'UNAUTHORIZED', httpStatus: 401 },
    },
  };
  res.writeHead(401, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'WWW-Authenticate': 'Rapport-Token',
  });
  res.end(JSON.stringify(body));
}
